-- Marks the file as an Execution Inspector index in SQLite's own header (offset 68),
-- so an existing file can be recognized as ours, or refused, without opening it.
PRAGMA application_id = 1163413838;
