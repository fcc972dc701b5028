-- (branch otlp) One line may hold many events: an OTLP/JSON request line holds many
-- spans. Each is an event of its own, all pointing at the same line (source, line,
-- byte offset and length, and one copy of the raw text); `part` numbers them within
-- the line, so the reader can derive each one again from the line. 0 for every
-- event of a line that is one event (every family but otlp).
ALTER TABLE events ADD COLUMN part INTEGER NOT NULL DEFAULT 0;
-- The spans of OTLP traces, for the span tree (its parent links) and the orphan check.
-- `body` is the span as read (shared/formats/otlp.ts), what the detail shows.
CREATE TABLE otlp_spans (
  id INTEGER PRIMARY KEY,
  execution_id INTEGER NOT NULL,
  event_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  span_id TEXT NOT NULL,
  parent_span_id TEXT,
  start_ms REAL,
  end_ms REAL,
  body TEXT NOT NULL
);
CREATE INDEX otlp_spans_execution ON otlp_spans (execution_id, span_id);
CREATE INDEX otlp_spans_source ON otlp_spans (source_id);
-- OTLP log records that name a trace, shown in the span they name.
CREATE TABLE otlp_logs (
  id INTEGER PRIMARY KEY,
  execution_id INTEGER NOT NULL,
  event_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL,
  span_id TEXT,
  time_ms REAL,
  body TEXT NOT NULL
);
CREATE INDEX otlp_logs_execution ON otlp_logs (execution_id, span_id);
CREATE INDEX otlp_logs_source ON otlp_logs (source_id);
