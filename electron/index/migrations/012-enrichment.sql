-- Two phases: a scan stores events, executions and line problems; the enrichment
-- that follows adds each event's full text and derived rows, then the executions'
-- cross-event checks. Two marks in `meta` say how far it has got, each committed
-- with the work it covers, so a killed enrichment resumes without loss or
-- duplicates: `enriched_through` (every event with an id up to it has its full
-- text and derived rows) and `checked_through` (every execution with an event up
-- to it has been checked). An index from before this migration is whole.
INSERT INTO meta (key, value) SELECT 'enriched_through', coalesce(max(id), 0) FROM events WHERE true ON CONFLICT (key) DO NOTHING;
INSERT INTO meta (key, value) SELECT 'checked_through', coalesce(max(id), 0) FROM events WHERE true ON CONFLICT (key) DO NOTHING;
-- An execution a reviewer opened before the enrichment reached it is enriched on
-- demand: its events up to `through` then have their derived rows, and the
-- enrichment, when it passes them, adds only their full text.
CREATE TABLE enriched_ahead (
  execution_id INTEGER PRIMARY KEY,
  through      INTEGER NOT NULL
);
