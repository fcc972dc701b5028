-- Full text in runs: one row for up to 32 consecutive events of one source, each
-- event's search text in a column of its own (e0 for the run's first event, e1
-- for the next id, and so on), not one row per event. FTS5's cost is per row as
-- much as per token: a million rows took 4.3 s, the same texts in runs of 32
-- about 2.2 s (measured outside the app, one thread). A search asks each column
-- in turn (`e3 : (...)`, queries/search-matches.ts): a column filter holds every
-- phrase of the expression to that column, so it finds exactly the events a row
-- per event found, nothing across two events.
-- text_runs says which events a run holds: every id from first_id to last_id, all
-- of source_id, each event up to the enriched mark in exactly one run. The run's
-- full-text row has rowid first_id. contentless_delete: a source's runs are taken
-- back by rowid, without deriving their text again.
-- Older indexes are rebuilt (open-index.ts): only the ingest can write these rows.
DROP TABLE events_fts;
CREATE VIRTUAL TABLE text_runs_fts USING fts5 (
  e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16, e17, e18, e19, e20, e21, e22, e23, e24, e25, e26, e27, e28, e29, e30, e31,
  content = '', contentless_delete = 1
);
CREATE TABLE text_runs (
  first_id  INTEGER PRIMARY KEY,
  last_id   INTEGER NOT NULL,
  source_id INTEGER NOT NULL
);
CREATE INDEX text_runs_source ON text_runs (source_id);
