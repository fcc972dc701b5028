-- A `.json.gz` used to be read as gzip JSON lines; it is now told on read
-- (source kind `gzip-json`): one document read whole, or JSON lines. A source that was
-- read as lines and got a line that is not JSON (a pretty-printed document's `{`) is
-- marked to be read again: the kind it is told by, and a size no file has, so the next
-- scan sees it changed, takes back what it gave and reads it from the start.
UPDATE sources SET kind = 'gzip-json', size = -1
WHERE kind = 'gzip' AND state = 'active'
  AND (lower(path) GLOB '*.json.gz' OR lower(path) GLOB '*.json.[0-9]*.gz')
  AND id IN (SELECT source_id FROM problems WHERE code = 'line.invalid_json' AND source_id IS NOT NULL);
