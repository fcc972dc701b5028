-- The marker of a first index built in cold mode (cold-build.ts):
-- present from before the load turns synchronous writes off and drops the indexes
-- that slow bulk inserts, until they are back and everything is on disk. An index
-- opened with it was interrupted and is checked before it is trusted. `indexes` is
-- the dropped indexes' own CREATE statements (JSON), so they come back exactly.
CREATE TABLE cold_build (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  started_ms INTEGER NOT NULL,
  indexes    TEXT NOT NULL
);
