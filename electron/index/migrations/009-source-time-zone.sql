-- The producer time zone each source's times without zone were read in (NULL: UTC),
-- so an index opened with a changed setting re-reads exactly the sources it affects.
ALTER TABLE sources ADD COLUMN time_zone TEXT;
