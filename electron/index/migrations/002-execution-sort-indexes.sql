-- The executions list's sorts other than start (001 has first_ts): without an index each
-- page of a million executions is a scan and sort of all of them. Executions get one row
-- write per batch that touches them, not one per event, so these cost ingest little.
CREATE INDEX executions_last_ts ON executions (last_ts, id);      -- sort end; max(last_ts) of the overview
CREATE INDEX executions_event_count ON executions (event_count, id);
CREATE INDEX executions_key ON executions (key, id);              -- sort key across families ((family, key) is 001's unique index)
-- Most executions have no failure and no problem: partial indexes leave them out (and are
-- never written for them); the list pages the zero rows by id instead.
CREATE INDEX executions_failure_count ON executions (failure_count, id) WHERE failure_count > 0;
CREATE INDEX executions_problem_count ON executions (problem_count, id) WHERE problem_count > 0;
-- The overview's executions by outcome without reading every row: the few not 'ok' are
-- counted here and 'ok' is the rest. Only a literal `outcome != 'ok'` can use it, so the
-- list's parameterized outcome filter is never steered onto it (and into a sort).
CREATE INDEX executions_outcome ON executions (outcome) WHERE outcome != 'ok';
