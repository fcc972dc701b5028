-- An execution's tamper-evidence state (shared/model/execution-integrity.ts), its own
-- dimension beside its outcome: a record whose hashes no longer match may still claim
-- COMPLETED. NULL is `not_applicable` (families without hashes, nearly every row), so
-- the partial index holds only records and the overview counts them without a scan.
ALTER TABLE executions ADD COLUMN integrity TEXT;
CREATE INDEX executions_integrity ON executions (integrity, id) WHERE integrity IS NOT NULL;
-- Records of an index written before: broken where the ingest already found a hash
-- that does not match; the rest are checked again when the index is next opened
-- for writing (ExecutionProblems.refreshUnchecked), since SQL cannot recompute a hash.
UPDATE executions SET integrity = 'unchecked' WHERE family = 'record';
UPDATE executions SET integrity = 'broken' WHERE family = 'record' AND id IN (
  SELECT execution_id FROM problems WHERE origin = 'execution' AND code IN ('record.chain_broken', 'record.execution_hash_mismatch')
);
