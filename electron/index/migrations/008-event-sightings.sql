-- One event found in two files (ChainBridge's log_file and its captured stdout
-- hold the same events) is counted once: the first sighting is the event, later
-- ones in other files point at it with same_as and add nothing to any count.
ALTER TABLE events ADD COLUMN same_as INTEGER;
CREATE INDEX events_same_as ON events (same_as) WHERE same_as IS NOT NULL;
CREATE TABLE event_sightings (
  identity BLOB PRIMARY KEY,
  event_id INTEGER NOT NULL,
  source_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX event_sightings_source ON event_sightings (source_id);
