-- A rotated `.json` (`x.json.1`) used to be read as JSON lines; it is now told on read
-- like a plain `.json` (source kind `json`): one document read whole, or JSON lines. A
-- source that was read as lines and got a line that is not JSON (a pretty-printed
-- document's `{`) is marked to be read again, as 014 did for `.json.gz`: the kind it is
-- told by, and a size no file has, so the next scan sees it changed, takes back what it
-- gave and reads it from the start. The name is matched by its end: `.json.` and digits only
-- (stripping the digits leaves `.json.`), never a folder named so.
UPDATE sources SET kind = 'json', size = -1
WHERE kind = 'lines' AND state = 'active'
  AND rtrim(lower(path), '0123456789') GLOB '*.json.'
  AND length(rtrim(path, '0123456789')) < length(path)
  AND id IN (SELECT source_id FROM problems WHERE code = 'line.invalid_json' AND source_id IS NOT NULL);
