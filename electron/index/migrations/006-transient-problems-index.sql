-- Problems about a final line still being written are dropped before every read of a
-- tailed file. Found through problems_source, that read every problem of the file: a
-- file with tens of thousands of them cost a whole scan per appended line.
CREATE INDEX problems_transient ON problems (source_id) WHERE transient = 1;
