-- The executions list filtered to one family (a per-family view, or the family filter)
-- and sorted by anything but start (001 has family_first_ts) or key (001's unique
-- (family, key)) walked a whole sort index and skipped the other families' rows:
-- 127 ms at p95 for the smaller families of 5M events. Same shapes as 002, per family.
-- exec-event is left out: each of its traces is an execution, so it holds most of them
-- and 002's indexes serve it with few rows skipped; the list adds the matching
-- "family != 'exec-event'" term (list-executions.ts) so that SQLite may use these.
-- The count indexes are not partial in their count: within one family the executions
-- that count 0 are paged by id, which only (family, count, id) gives without a sort.
CREATE INDEX executions_family_last_ts ON executions (family, last_ts, id) WHERE family != 'exec-event';
CREATE INDEX executions_family_event_count ON executions (family, event_count, id) WHERE family != 'exec-event';
CREATE INDEX executions_family_failure_count ON executions (family, failure_count, id) WHERE family != 'exec-event';
CREATE INDEX executions_family_problem_count ON executions (family, problem_count, id) WHERE family != 'exec-event';
