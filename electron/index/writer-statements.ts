import type Database from 'better-sqlite3';
import { DELTA_COLUMNS, MERGE_EXECUTION_SQL, RESET_EXECUTION_SQL } from './execution-merge';
import { prepareInsert } from './named-insert';
import { rawTextSql } from './raw-blocks';

/** Tables whose rows name the source they came from, emptied of a source's rows when it is taken back. */
const DERIVED_TABLES = ['raw_blocks', 'step_events', 'side_effects', 'snapshots', 'checkpoints', 'plans', 'rollback_hints', 'otlp_spans', 'otlp_logs', 'problems', 'plan_events'] as const;

/** A prepared statement with positional or @named parameters; named here so the writer's statement table has a type it can export. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an alias the declaration emit can name
export interface Statement extends Database.Statement<unknown[], unknown> {}

/** Every statement of the index writer, prepared once per connection. */
export type WriterStatements = ReturnType<typeof prepareWriterStatements>;

/**
 * Prepares the index writer's statements. Inserts bind by column name
 * (prepareInsert), so a row is written as an object the compiler checks
 * rather than as seventeen positions.
 */
export function prepareWriterStatements(db: Database.Database) {
  return {
    sourceByPath: prepare(db, 'SELECT * FROM sources WHERE path = ?'),
    sourceById: prepare(db, 'SELECT * FROM sources WHERE id = ?'),
    sourcesInDir: prepare(db, 'SELECT * FROM sources WHERE dir = ? ORDER BY path'),
    sourcesByIdentity: prepare(db, 'SELECT * FROM sources WHERE identity = ?'),
    detachedInDir: prepare(db, "SELECT * FROM sources WHERE dir = ? AND (state = 'gone' OR path LIKE '% (moving #%)')"),
    deleteSource: prepare(db, 'DELETE FROM sources WHERE id = ?'),
    liveDirs: prepare(db, "SELECT DISTINCT dir FROM sources WHERE state != 'gone'"),
    sourceCarry: prepare(db, 'SELECT carry FROM sources WHERE id = ?'),
    insertSource: prepareInsert(db, 'sources', ['path', 'dir', 'kind', 'state', 'reason', 'identity', 'size', 'mtime_ms', 'head_hash', 'head_len', 'updated_ms']),
    updateSource: prepare(
      db,
      `UPDATE sources SET kind = @kind, state = @state, reason = @reason, identity = @identity, size = @size,
       mtime_ms = @mtime_ms, head_hash = @head_hash, head_len = @head_len, updated_ms = @updated_ms WHERE id = @id`,
    ),
    moveSource: prepare(db, 'UPDATE sources SET path = @path, dir = @dir, updated_ms = @updated_ms WHERE id = @id'),
    markGone: prepare(db, "UPDATE sources SET state = 'gone', path = @path, updated_ms = @updated_ms WHERE id = @id"),
    dropTransient: prepare(db, 'DELETE FROM problems WHERE source_id = ? AND transient = 1'),
    hasTransient: prepare(db, 'SELECT 1 FROM problems WHERE source_id = ? AND transient = 1 LIMIT 1'),
    updateProgress: prepare(
      db,
      // A carry this writer never loaded (no event of the source read since it was opened) is the stored one, kept.
      `UPDATE sources SET offset = @offset, line = @line, pending_bytes = @pending_bytes, carry = coalesce(@carry, carry),
       event_count = event_count + @events, family = coalesce(family, @family), size = coalesce(@size, size),
       mtime_ms = coalesce(@mtime_ms, mtime_ms), updated_ms = @updated_ms WHERE id = @id`,
    ),
    updateHead: prepare(db, 'UPDATE sources SET head_hash = ?, head_len = ? WHERE id = ?'),
    resetSourceRow: prepare(
      db,
      'UPDATE sources SET offset = 0, line = 0, pending_bytes = 0, carry = NULL, event_count = 0, family = NULL, head_hash = NULL, head_len = 0, updated_ms = @updated_ms WHERE id = @id',
    ),
    insertEvent: prepareInsert(db, 'events', [
      'id', 'source_id', 'line', 'part', 'byte_offset', 'byte_length', 'ts', 'family', 'kind', 'execution_id', 'status', 'error_code', 'actor', 'failed', 'cycle',
      'raw_block', 'raw_at', 'raw_len', 'same_as',
    ]),
    // An execution-less event naming a plan, stored by a deferred batch: found by an execution of its plan enriched on demand.
    insertPlanEvent: prepareInsert(db, 'plan_events', ['event_id', 'plan_id', 'source_id']),
    // Ids are given by the writer (claimRawBlockIds), never twice, so that a connection's cache of inflated blocks holds.
    insertRawBlock: prepare(db, 'INSERT INTO raw_blocks (id, source_id, data) VALUES (?, ?, ?)'),
    maxRawBlockId: prepare(db, "SELECT max(coalesce((SELECT max(id) FROM raw_blocks), 0), coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'raw_block_id_high'), 0))").pluck(),
    // Kept before a source's events are deleted: no event id is given out twice (a search's remembered matches rely on it).
    keepEventIdHigh: prepare(
      db,
      `INSERT INTO meta (key, value) SELECT 'event_id_high', max(id) FROM events HAVING max(id) IS NOT NULL
       ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
    ),
    // Kept before a source's blocks are deleted: a deleted id is never given out again.
    keepRawBlockIdHigh: prepare(
      db,
      `INSERT INTO meta (key, value) SELECT 'raw_block_id_high', max(id) FROM raw_blocks HAVING max(id) IS NOT NULL
       ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
    ),
    addFamilyCount: prepare(db, 'INSERT INTO family_counts (family, events) VALUES (?, ?) ON CONFLICT (family) DO UPDATE SET events = events + excluded.events'),
    familyCountsOfSource: prepare(db, 'SELECT family, count(*) AS n FROM events WHERE source_id = ? AND same_as IS NULL GROUP BY family'),
    sightingsOfSource: prepare(db, 'SELECT identity, event_id FROM event_sightings WHERE source_id = ?'),
    nextSighting: prepare(
      db,
      `SELECT e.id, e.source_id, e.line, e.part, e.byte_offset, e.byte_length, e.family, e.execution_id, ${rawTextSql('e')} AS raw, s.path
       FROM events e JOIN sources s ON s.id = e.source_id WHERE e.same_as = ? ORDER BY e.id LIMIT 1`,
    ),
    promoteSighting: prepare(db, 'UPDATE events SET same_as = NULL WHERE id = ?'),
    repointSightings: prepare(db, 'UPDATE events SET same_as = ? WHERE same_as = ?'),
    moveSighting: prepare(db, 'UPDATE event_sightings SET event_id = ?, source_id = ? WHERE identity = ?'),
    deleteSighting: prepare(db, 'DELETE FROM event_sightings WHERE identity = ?'),
    deletePacSourcesOf: prepare(db, 'DELETE FROM pac_sources WHERE source_id = ?'),
    affectedExecutions: prepare(db, 'SELECT DISTINCT execution_id FROM events WHERE source_id = ? AND execution_id IS NOT NULL'),
    deleteDerivedOfSource: DERIVED_TABLES.map((table) => prepare(db, `DELETE FROM ${table} WHERE source_id = ?`)),
    deleteEventsOfSource: prepare(db, 'DELETE FROM events WHERE source_id = ?'),
    insertProblem: prepareInsert(db, 'problems', ['source_id', 'line', 'code', 'message', 'execution_id', 'event_id', 'origin', 'transient']),
    executionById: prepare(db, 'SELECT family, key FROM executions WHERE id = ?'),
    maxEventId: prepare(db, "SELECT max(coalesce((SELECT max(id) FROM events), 0), coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'event_id_high'), 0)) AS id"),
    executionIdByKey: prepare(db, 'SELECT id FROM executions WHERE family = ? AND key = ?'),
    // A new execution's row: most executions are new when first seen, and a plain insert skips the merge's conflict handling.
    insertExecution: prepareInsert(db, 'executions', [...DELTA_COLUMNS, 'integrity']),
    // An execution whose tamper evidence waits for checks a deferred batch leaves to the enrichment.
    markUnchecked: prepare(db, "UPDATE executions SET integrity = 'unchecked' WHERE id = ? AND integrity IS NOT 'unchecked'"),
    mergeExecution: prepare(db, MERGE_EXECUTION_SQL),
    resetExecution: prepare(db, RESET_EXECUTION_SQL),
    eventsOfExecution: prepare(db, `SELECT e.id, e.part, ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id WHERE e.execution_id = ? AND e.same_as IS NULL ORDER BY e.id`),
    lineProblemsOfExecution: prepare(db, "SELECT count(*) AS n FROM problems WHERE execution_id = ? AND origin != 'execution'"),
    deleteExecutionProblems: prepare(db, "DELETE FROM problems WHERE execution_id = ? AND origin = 'execution'"),
    deleteExecution: prepare(db, 'DELETE FROM executions WHERE id = ?'),
    insertCheckpoint: prepareInsert(db, 'checkpoints', ['execution_id', 'event_id', 'source_id', 'checkpoint_id', 'name', 'status', 'details', 'ts']),
    insertStepEvent: prepareInsert(db, 'step_events', [
      'execution_id', 'event_id', 'source_id', 'origin', 'seq', 'step_index', 'step_name', 'event_type', 'ts', 'error_message',
    ]),
    insertSideEffect: prepareInsert(db, 'side_effects', [
      'execution_id', 'plan_id', 'event_id', 'source_id', 'origin', 'via', 'step_index', 'category', 'description', 'reversible', 'details',
    ]),
    insertSnapshot: prepareInsert(db, 'snapshots', ['execution_id', 'event_id', 'source_id', 'phase', 'via', 'captured_at', 'security_state', 'fields']),
    insertOtlpSpan: prepareInsert(db, 'otlp_spans', ['execution_id', 'event_id', 'source_id', 'span_id', 'parent_span_id', 'start_ms', 'end_ms', 'body']),
    insertOtlpLog: prepareInsert(db, 'otlp_logs', ['execution_id', 'event_id', 'source_id', 'span_id', 'time_ms', 'body']),
    insertPlan: prepareInsert(db, 'plans', ['plan_id', 'event_id', 'source_id', 'steps']),
    insertHint: prepareInsert(db, 'rollback_hints', ['plan_id', 'event_id', 'source_id', 'position', 'step_index', 'description', 'actions', 'risks']),
  };
}

function prepare(db: Database.Database, sql: string): Statement {
  return db.prepare(sql);
}
