-- An event that belongs to no execution but names a plan (the record family's
-- plan documents) gives rows that every execution of that plan reads: the plan's
-- steps, rollback hints and declared side effects. A deferred scan notes each such
-- event here, so that an execution of the plan enriched on demand (a reviewer
-- opened it before the enrichment reached the plan) derives the plan's rows too,
-- instead of reading "no plan was found". `derived_ahead` is 1 once its rows are
-- written ahead of the enrichment, which then leaves them; the enrichment deletes
-- the rows it passes. An index migrated while its enrichment was under way has
-- none for the events past its mark: the enrichment derives them when it gets there.
CREATE TABLE plan_events (
  event_id      INTEGER PRIMARY KEY,
  plan_id       TEXT NOT NULL,
  source_id     INTEGER NOT NULL,
  derived_ahead INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_events_plan ON plan_events (plan_id);
CREATE INDEX plan_events_source ON plan_events (source_id);
