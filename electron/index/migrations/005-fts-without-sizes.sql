-- Full text without its per-row size table (docsize, about 4% of the index): nothing
-- here ranks by size. A contentless table without contentless_delete takes a row back
-- by the very text it indexed, which the writer derives again from the raw line
-- (IndexWriter.resetSource); event ids are never used twice, so a row that could not
-- be taken back matches no later event.
-- Step events drop their two hash columns: nothing reads them, the raw line has them.
-- Indexes of schema 3 and 4 are rebuilt (open-index.ts): their full-text rows cannot be moved.
DROP TABLE events_fts;
CREATE VIRTUAL TABLE events_fts USING fts5 (text, content = '', columnsize = 0);

ALTER TABLE step_events DROP COLUMN previous_event_hash;
ALTER TABLE step_events DROP COLUMN event_hash;
