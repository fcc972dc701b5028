-- The index is a cache of the evidence folder: deleting it loses nothing.
-- Derived tables carry source_id so that a re-read file can take back exactly what it gave.

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  path          TEXT NOT NULL UNIQUE,       -- relative to the folder, '/' separators
  dir           TEXT NOT NULL,              -- relative directory ('' for the root)
  kind          TEXT NOT NULL,              -- lines | document | gzip | skipped
  state         TEXT NOT NULL,              -- active | gone | skipped | error
  reason        TEXT,                       -- why skipped or in error
  identity      TEXT,                       -- dev:ino
  size          INTEGER NOT NULL DEFAULT 0,
  mtime_ms      INTEGER NOT NULL DEFAULT 0,
  head_hash     TEXT,                       -- sha256 of the first head_len content bytes
  head_len      INTEGER NOT NULL DEFAULT 0,
  offset        INTEGER NOT NULL DEFAULT 0, -- content bytes committed (decompressed for gzip)
  line          INTEGER NOT NULL DEFAULT 0, -- lines committed up to offset
  pending_bytes INTEGER NOT NULL DEFAULT 0, -- bytes of a final line still waiting for its newline
  carry         TEXT,                       -- per-file reader state (JSON), e.g. the open Benson PAC
  event_count   INTEGER NOT NULL DEFAULT 0,
  family        TEXT,                       -- the first family seen in the file
  updated_ms    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sources_dir ON sources (dir);
CREATE INDEX sources_head ON sources (head_hash) WHERE state = 'gone';

CREATE TABLE executions (
  id              INTEGER PRIMARY KEY,
  family          TEXT NOT NULL,
  key             TEXT NOT NULL,
  label           TEXT,
  actor           TEXT,
  product         TEXT,
  plan_id         TEXT,
  live_mode       TEXT,
  first_ts        INTEGER,
  last_ts         INTEGER,
  status          TEXT,
  outcome         TEXT NOT NULL DEFAULT 'unknown', -- ok | failed | running | unknown
  status_rank     INTEGER NOT NULL DEFAULT -1,
  status_ts       INTEGER NOT NULL DEFAULT -1,
  status_event_id INTEGER NOT NULL DEFAULT 0,
  event_count     INTEGER NOT NULL DEFAULT 0,
  failure_count   INTEGER NOT NULL DEFAULT 0,
  problem_count   INTEGER NOT NULL DEFAULT 0,
  exec_problems   INTEGER NOT NULL DEFAULT 0,     -- problems found across events, recomputed on change
  open_count      INTEGER NOT NULL DEFAULT 0,     -- START-like events (PAC dispatch start, execution_started)
  close_count     INTEGER NOT NULL DEFAULT 0,     -- END-like events (PAC dispatch end, finish, terminal event)
  UNIQUE (family, key)
);
CREATE INDEX executions_first_ts ON executions (first_ts, id);
CREATE INDEX executions_family_first_ts ON executions (family, first_ts, id);

CREATE TABLE events (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER NOT NULL,
  line         INTEGER NOT NULL,
  byte_offset  INTEGER NOT NULL,
  byte_length  INTEGER NOT NULL,
  ts           INTEGER,
  family       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  execution_id INTEGER,
  status       TEXT,
  error_code   TEXT,
  actor        TEXT,
  failed       INTEGER NOT NULL DEFAULT 0,
  cycle        INTEGER,
  raw          TEXT NOT NULL
);
CREATE INDEX events_execution ON events (execution_id, ts) WHERE execution_id IS NOT NULL;
CREATE INDEX events_ts ON events (ts);
CREATE INDEX events_source ON events (source_id, line);

-- Full-text search over the values of each event (not its keys); rowid = events.id.
-- Contentless: the raw line is stored once, in events.
CREATE VIRTUAL TABLE events_fts USING fts5 (text, content = '', contentless_delete = 1);

CREATE TABLE family_counts (
  family TEXT PRIMARY KEY,
  events INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE step_events (
  id                  INTEGER PRIMARY KEY,
  execution_id        INTEGER NOT NULL,
  event_id            INTEGER NOT NULL,
  source_id           INTEGER NOT NULL,
  origin              TEXT NOT NULL,        -- stream | document
  seq                 INTEGER NOT NULL,     -- emission order within the origin event (document array index)
  step_index          INTEGER,
  step_name           TEXT,
  event_type          TEXT,
  ts                  INTEGER,
  error_message       TEXT,
  previous_event_hash TEXT,
  event_hash          TEXT,
  body                TEXT NOT NULL         -- the step event as parsed, for hash verification
);
CREATE INDEX step_events_execution ON step_events (execution_id, origin, event_id, seq);
CREATE INDEX step_events_source ON step_events (source_id);

CREATE TABLE side_effects (
  id           INTEGER PRIMARY KEY,
  execution_id INTEGER,
  plan_id      TEXT,
  event_id     INTEGER NOT NULL,
  source_id    INTEGER NOT NULL,
  origin       TEXT NOT NULL,               -- observed | declared
  via          TEXT NOT NULL,               -- stream | document | plan
  step_index   INTEGER,
  category     TEXT,
  description  TEXT,
  reversible   INTEGER,
  details      TEXT
);
CREATE INDEX side_effects_execution ON side_effects (execution_id) WHERE execution_id IS NOT NULL;
CREATE INDEX side_effects_plan ON side_effects (plan_id) WHERE plan_id IS NOT NULL;
CREATE INDEX side_effects_source ON side_effects (source_id);

CREATE TABLE snapshots (
  id             INTEGER PRIMARY KEY,
  execution_id   INTEGER NOT NULL,
  event_id       INTEGER NOT NULL,
  source_id      INTEGER NOT NULL,
  phase          TEXT NOT NULL,             -- pre | post
  via            TEXT NOT NULL,             -- stream | document
  captured_at    TEXT,
  security_state TEXT,
  fields         TEXT NOT NULL
);
CREATE INDEX snapshots_execution ON snapshots (execution_id);
CREATE INDEX snapshots_source ON snapshots (source_id);

CREATE TABLE checkpoints (
  id            INTEGER PRIMARY KEY,
  execution_id  INTEGER NOT NULL,
  event_id      INTEGER NOT NULL,
  source_id     INTEGER NOT NULL,
  checkpoint_id TEXT,
  name          TEXT,
  status        TEXT,
  details       TEXT,
  ts            INTEGER
);
CREATE INDEX checkpoints_execution ON checkpoints (execution_id);
CREATE INDEX checkpoints_source ON checkpoints (source_id);

CREATE TABLE plans (
  id        INTEGER PRIMARY KEY,
  plan_id   TEXT NOT NULL,
  event_id  INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  steps     TEXT NOT NULL
);
CREATE INDEX plans_plan ON plans (plan_id);
CREATE INDEX plans_source ON plans (source_id);

CREATE TABLE rollback_hints (
  id          INTEGER PRIMARY KEY,
  plan_id     TEXT NOT NULL,
  event_id    INTEGER NOT NULL,
  source_id   INTEGER NOT NULL,
  position    INTEGER NOT NULL,
  step_index  INTEGER,
  description TEXT NOT NULL,
  actions     TEXT NOT NULL,
  risks       TEXT NOT NULL
);
CREATE INDEX rollback_hints_plan ON rollback_hints (plan_id, position);
CREATE INDEX rollback_hints_source ON rollback_hints (source_id);

CREATE TABLE problems (
  id           INTEGER PRIMARY KEY,
  source_id    INTEGER,
  line         INTEGER,
  code         TEXT NOT NULL,
  message      TEXT NOT NULL,
  execution_id INTEGER,
  event_id     INTEGER,
  origin       TEXT NOT NULL,               -- line | file | execution
  transient    INTEGER NOT NULL DEFAULT 0   -- about a final line still being written: dropped on the next read
);
CREATE INDEX problems_code ON problems (code, id);
CREATE INDEX problems_source ON problems (source_id, line);
CREATE INDEX problems_execution ON problems (execution_id) WHERE execution_id IS NOT NULL;
