-- Raw lines move out of events into deflated blocks of consecutive lines of one file
-- (see raw-blocks.ts): the index was 2.5 times its input, most of it the raw text.
-- Step events no longer copy their body: it is re-read from the event's raw line,
-- which is exactly what the hash chain covers.
-- Older indexes are rebuilt rather than converted (open-index.ts): SQL alone cannot deflate.
CREATE TABLE raw_blocks (
  id        INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL,
  data      BLOB NOT NULL
);
CREATE INDEX raw_blocks_source ON raw_blocks (source_id);

ALTER TABLE events DROP COLUMN raw;
ALTER TABLE events ADD COLUMN raw_block INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN raw_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN raw_len INTEGER NOT NULL DEFAULT 0;

ALTER TABLE step_events DROP COLUMN body;
