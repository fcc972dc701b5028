import type Database from 'better-sqlite3';
import type { LineProblem, ProblemCode } from '../../shared/model/problem-code';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { addToDelta, emptyDelta, type ExecutionDelta } from './execution-delta';
import { packRawBlocks, rawTextSql } from './raw-blocks';
import type { SourceRow } from './source-row';
import { opensPacDispatch } from '../../shared/formats/benson';

/** One event ready to be stored: where it came from and what it means. */
export interface PendingEvent {
  readonly sourceId: number;
  readonly line: number;
  readonly offset: number;
  readonly length: number;
  readonly raw: string;
  /** The text full-text search indexes (the event's values). */
  readonly searchText: string;
  readonly event: NormalizedEvent;
  /** A display label decided by the reader (the mission stream id, an exec-event's action). */
  readonly label: string | null;
  /** Reading problems on top of the normalizer's (invalid UTF-8, missing newline). */
  readonly extraProblems: readonly LineProblem[];
}

/** What a file's reading carries from one batch to the next: the Benson PAC open in it, whether its naive times were flagged. */
interface SourceCarry {
  openPac: string | null;
  noZone?: boolean;
}

/** A problem not tied to a stored event (an unparseable line, an unreadable file). */
export interface PendingProblem {
  readonly sourceId: number | null;
  readonly line: number | null;
  readonly code: ProblemCode;
  readonly message: string;
  readonly transient?: boolean;
}

/** Where a source's reader stands after this batch; committed with its events. */
export interface SourceProgress {
  readonly sourceId: number;
  readonly offset: number;
  readonly line: number;
  readonly pendingBytes: number;
  /** Set when the file was read to its end: the size and mtime the read saw. */
  readonly size?: number | undefined;
  readonly mtimeMs?: number | undefined;
}

/** One transaction's worth of ingest. */
export interface IngestBatch {
  readonly events: readonly PendingEvent[];
  readonly problems: readonly PendingProblem[];
  readonly progress: readonly SourceProgress[];
}

/** Recomputes the problems that only show across an execution's events; returns how many it has. */
export interface ExecutionChecker {
  refresh(executionId: number, family: string, key: string): number;
  /** True when an execution with these counts may have cross-event problems and must be checked. */
  needsCheck(family: string, key: string, row: { open_count: number; close_count: number; exec_problems: number }): boolean;
}

/**
 * Re-derives an event from its stored raw text, for recomputing executions after a
 * file is re-read and for taking back the full text it was indexed with.
 */
export type Renormalize = (raw: string, sourcePath: string) => { event: NormalizedEvent; label: string | null; searchText: string } | null;

/** Events read back at a time when a source's full-text rows are taken back. */
const FTS_DELETE_CHUNK = 2_000;

/**
 * The index's single writer. Every batch is one transaction holding the events,
 * everything derived from them and the source offsets, so a crash between
 * batches loses nothing and duplicates nothing.
 */
export class IndexWriter {
  private readonly carries = new Map<number, SourceCarry>();
  private readonly statements;
  private readonly commitTransaction;
  private readonly executionProblems: ExecutionChecker;

  constructor(
    private readonly db: Database.Database,
    private readonly renormalize: Renormalize,
    makeChecker: (db: Database.Database) => ExecutionChecker,
  ) {
    this.statements = prepareStatements(db);
    this.executionProblems = makeChecker(db);
    this.commitTransaction = db.transaction((batch: IngestBatch) => this.applyBatch(batch));
  }

  /** Stores a batch atomically; returns how many events it added. */
  commit(batch: IngestBatch): number {
    this.commitTransaction(batch);
    return batch.events.length;
  }

  /** The source stored at a path, if any. */
  sourceAt(path: string): SourceRow | undefined {
    return this.statements.sourceByPath.get(path) as SourceRow | undefined;
  }

  /** Sources in one directory of the folder, every state. */
  sourcesInDir(dir: string): SourceRow[] {
    return this.statements.sourcesInDir.all(dir) as SourceRow[];
  }

  /** A source by the file identity (dev:ino) it was last seen with. */
  sourcesWithIdentity(identity: string): SourceRow[] {
    return this.statements.sourcesByIdentity.all(identity) as SourceRow[];
  }

  /** A source by id. */
  sourceById(id: number): SourceRow | undefined {
    return this.statements.sourceById.get(id) as SourceRow | undefined;
  }

  /** Gone and moving sources of a directory: candidates for adoption by a renamed, rotated or compressed file. */
  detachedSourcesInDir(dir: string): SourceRow[] {
    return this.statements.detachedInDir.all(dir) as SourceRow[];
  }

  /** Forgets a source entirely (after resetSource has taken back its events). */
  deleteSource(id: number): void {
    this.statements.deleteSource.run(id);
    this.carries.delete(id);
  }

  /** Every directory that holds a source that is not gone, so a vanished directory is noticed. */
  liveDirectories(): string[] {
    return (this.statements.liveDirs.all() as { dir: string }[]).map((row) => row.dir);
  }

  /** Registers a file; returns its id. */
  createSource(fields: Omit<SourceRow, 'id' | 'offset' | 'line' | 'pending_bytes' | 'carry' | 'event_count' | 'family' | 'updated_ms'>): number {
    const result = this.statements.insertSource.run({ ...fields, updated_ms: Date.now() });
    return Number(result.lastInsertRowid);
  }

  /** Updates what is known of a source's file (identity, size, head, kind, state). */
  updateSource(id: number, fields: Partial<Pick<SourceRow, 'kind' | 'state' | 'reason' | 'identity' | 'size' | 'mtime_ms' | 'head_hash' | 'head_len'>>): void {
    const current = this.statements.sourceById.get(id) as SourceRow;
    this.statements.updateSource.run({ ...current, ...fields, id, updated_ms: Date.now() });
  }

  /** Moves a source to a new path (a rename or rotation): its events stay, now cited at the new path. */
  moveSource(id: number, path: string, dir: string): void {
    this.statements.moveSource.run({ id, path, dir, updated_ms: Date.now() });
  }

  /** Parks a source under a marked name while a rotation chain shifts paths around it. */
  displaceSource(source: SourceRow): void {
    this.statements.moveSource.run({ id: source.id, path: `${originalPath(source.path)} (moving #${source.id})`, dir: source.dir, updated_ms: Date.now() });
  }

  /**
   * Marks a source whose file disappeared. Its events are kept and flagged by the
   * state; the path gets a `(gone #id)` mark so a new file of that name is a new source.
   */
  markGone(source: SourceRow): void {
    this.statements.markGone.run({ id: source.id, path: `${originalPath(source.path)} (gone #${source.id})`, updated_ms: Date.now() });
    this.carries.delete(source.id);
  }

  /** Drops problems about a final line that was still being written; the next read decides anew. */
  dropTransientProblems(sourceId: number): void {
    // Looked up first: a DELETE is a write transaction of its own even when it finds
    // nothing, and this runs before every read of every tailed file.
    if (this.statements.hasTransient.get(sourceId) === undefined) return;
    this.statements.dropTransient.run(sourceId);
  }

  /**
   * Takes back everything a source gave (its file shrank or was replaced) and
   * recomputes the executions it touched from their remaining events only.
   */
  resetSource(id: number): void {
    this.db.transaction(() => {
      const s = this.statements;
      const affected = (s.affectedExecutions.all(id) as { execution_id: number }[]).map((row) => row.execution_id);
      for (const row of s.familyCountsOfSource.all(id) as { family: string; n: number }[]) {
        s.addFamilyCount.run(row.family, -row.n);
      }
      this.deleteFullText(id);
      for (const statement of s.deleteDerivedOfSource) statement.run(id);
      s.deleteEventsOfSource.run(id);
      s.resetSourceRow.run({ id, updated_ms: Date.now() });
      this.carries.delete(id);
      for (const executionId of affected) this.recomputeExecution(executionId);
    })();
  }

  /**
   * Takes back a source's full-text rows: a contentless table needs the text each
   * row was indexed with, derived again from the raw line. The highest event id is
   * kept first, so no id is given out twice, even for a row that could not be taken back.
   */
  private deleteFullText(sourceId: number): void {
    const s = this.statements;
    s.keepEventIdHigh.run();
    // Paged in the order of events_source (source_id, line, then the rowid), so that no page sorts.
    for (let line = -1, id = 0; ;) {
      const rows = s.eventTextsOfSource.all(sourceId, line, id, FTS_DELETE_CHUNK) as { id: number; line: number; raw: string; path: string }[];
      for (const row of rows) {
        const again = this.renormalize(row.raw, row.path);
        if (again !== null) s.ftsDelete.run(row.id, again.searchText);
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < FTS_DELETE_CHUNK) return;
      ({ line, id } = last);
    }
  }

  private applyBatch(batch: IngestBatch): void {
    const s = this.statements;
    // Ids are assigned here, not by SQLite, so that an execution's status tie-break
    // (a later event wins) is known before its row is upserted once per batch.
    let nextId = this.nextEventId();
    const placed = batch.events.map((pending) => {
      const joined = this.executionKeyFor(pending);
      const extraProblems = joined.problem ? [...pending.extraProblems, joined.problem] : pending.extraProblems;
      return { pending, key: joined.key, lineProblems: this.onceNoZonePerFile(pending), extraProblems, eventId: nextId++ };
    });
    const deltas = new Map<string, { family: string; key: string; delta: ExecutionDelta; id: number }>();
    for (const p of placed) {
      if (p.key === null) continue;
      const cacheKey = `${p.pending.event.family}\u0000${p.key}`;
      let entry = deltas.get(cacheKey);
      if (!entry) deltas.set(cacheKey, (entry = { family: p.pending.event.family, key: p.key, delta: emptyDelta(), id: 0 }));
      addToDelta(entry.delta, p.pending.event, p.eventId, p.pending.label, p.lineProblems.length + p.extraProblems.length);
    }
    const refresh: { id: number; family: string; key: string; open_count: number; close_count: number; exec_problems: number }[] = [];
    for (const entry of deltas.values()) {
      const row = this.mergeExecution(entry.family, entry.key, entry.delta);
      entry.id = row.id;
      if (this.executionProblems.needsCheck(entry.family, entry.key, row)) refresh.push({ ...row, family: entry.family, key: entry.key });
    }
    const packed = packRawBlocks(batch.events);
    const blockIds = packed.blocks.map((block) => Number(s.insertRawBlock.run(block.sourceId, block.data).lastInsertRowid));
    const perSource = new Map<number, { events: number; family: string | null }>();
    const familyCounts = new Map<string, number>();
    for (const [index, p] of placed.entries()) {
      const { pending, eventId } = p;
      const raw = packed.placements[index] as { block: number; at: number; length: number };
      const event = pending.event;
      const executionId = p.key === null ? null : (deltas.get(`${event.family}\u0000${p.key}`) as { id: number }).id;
      s.insertEvent.run(
        eventId, pending.sourceId, pending.line, pending.offset, pending.length, event.timestampMs, event.family, event.kind,
        executionId, event.status, event.errorCode, event.actor, event.failed ? 1 : 0,
        event.facts.family === 'cycle' ? event.facts.cycle : null, blockIds[raw.block], raw.at, raw.length,
      );
      s.insertFts.run(eventId, pending.searchText);
      for (const problem of p.lineProblems) s.insertProblem.run(pending.sourceId, pending.line, problem.code, problem.message, executionId, eventId, 'line', 0);
      for (const problem of p.extraProblems) s.insertProblem.run(pending.sourceId, pending.line, problem.code, problem.message, executionId, eventId, 'line', 0);
      if (executionId !== null) this.insertDerived(pending, executionId, eventId);
      else this.insertPlan(pending, eventId);
      const counts = perSource.get(pending.sourceId) ?? { events: 0, family: event.family };
      counts.events++;
      perSource.set(pending.sourceId, counts);
      familyCounts.set(event.family, (familyCounts.get(event.family) ?? 0) + 1);
    }
    for (const [family, n] of familyCounts) s.addFamilyCount.run(family, n);
    for (const row of refresh) this.executionProblems.refresh(row.id, row.family, row.key);
    for (const problem of batch.problems) {
      s.insertProblem.run(problem.sourceId, problem.line, problem.code, problem.message, null, null, problem.line === null ? 'file' : 'line', problem.transient ? 1 : 0);
    }
    for (const progress of batch.progress) {
      const counts = perSource.get(progress.sourceId);
      const carry = this.carries.get(progress.sourceId);
      s.updateProgress.run({
        id: progress.sourceId, offset: progress.offset, line: progress.line, pending_bytes: progress.pendingBytes,
        events: counts?.events ?? 0, family: counts?.family ?? null, carry: carry ? JSON.stringify(carry) : null,
        size: progress.size ?? null, mtime_ms: progress.mtimeMs ?? null, updated_ms: Date.now(),
      });
    }
  }

  /**
   * Adds a batch's delta to an execution. Most executions are new when first seen
   * (an exec-event trace is one event), so a lookup plus a plain insert beats an
   * upsert, whose conflict handling costs on every row.
   */
  private mergeExecution(family: string, key: string, delta: ExecutionDelta): { id: number; open_count: number; close_count: number; exec_problems: number } {
    const s = this.statements;
    const existing = s.executionIdByKey.get(family, key) as { id: number } | undefined;
    if (existing === undefined) {
      const status = delta.status;
      const id = Number(
        s.insertExecution.run(
          family, key, delta.events, delta.failures, delta.problems, delta.firstTs, delta.lastTs, status?.status ?? null, status?.outcome ?? 'unknown',
          status?.rank ?? -1, delta.statusTs, delta.statusEventId, delta.label, delta.actor, delta.product, delta.planId, delta.liveMode, delta.opens, delta.closes,
        ).lastInsertRowid,
      );
      return { id, open_count: delta.opens, close_count: delta.closes, exec_problems: 0 };
    }
    return s.upsertExecution.get(deltaParams(family, key, delta)) as { id: number; open_count: number; close_count: number; exec_problems: number };
  }

  private nextEventId(): number {
    return ((this.statements.maxEventId.get() as { id: number | null }).id ?? 0) + 1;
  }

  /** The execution key of an event. Benson events without a pac_id join the PAC open in their file. */
  private executionKeyFor(pending: PendingEvent): { key: string | null; problem: LineProblem | null } {
    const event = pending.event;
    let key = event.executionKey;
    let problem: LineProblem | null = null;
    if (event.family === 'benson') {
      const carry = this.carryOf(pending.sourceId);
      if (key === null) {
        key = carry.openPac;
        if (key === null && event.kind === 'CHECKPOINT') {
          problem = { code: 'benson.orphan_checkpoint', message: 'CHECKPOINT arrived while no PAC dispatch was open in this file.' };
        }
      } else if (opensPacDispatch(event.kind)) {
        carry.openPac = key;
      } else if (event.kind === 'PAC_DISPATCH_END' && carry.openPac === key) {
        carry.openPac = null;
      }
    }
    return { key: event.family === 'generic' ? null : key, problem };
  }

  /**
   * The event's own problems, with `time.no_zone` kept for the first line of a
   * file only: a producer that writes naive timestamps writes them on every line,
   * and one flag per file says so (producers.md "Time").
   */
  private onceNoZonePerFile(pending: PendingEvent): readonly LineProblem[] {
    const problems = pending.event.problems;
    if (!problems.some((problem) => problem.code === 'time.no_zone')) return problems;
    const carry = this.carryOf(pending.sourceId);
    const kept = problems.filter((problem, index) => problem.code !== 'time.no_zone' || (carry.noZone !== true && problems.findIndex((other) => other.code === 'time.no_zone') === index));
    carry.noZone = true;
    return kept;
  }

  private carryOf(sourceId: number): SourceCarry {
    let carry = this.carries.get(sourceId);
    if (!carry) {
      const row = this.statements.sourceCarry.get(sourceId) as { carry: string | null } | undefined;
      carry = row?.carry ? (JSON.parse(row.carry) as SourceCarry) : { openPac: null };
      this.carries.set(sourceId, carry);
    }
    return carry;
  }

  private insertDerived(pending: PendingEvent, executionId: number, eventId: number): void {
    const s = this.statements;
    const facts = pending.event.facts;
    if (facts.family === 'benson' && facts.checkpoint) {
      const c = facts.checkpoint;
      s.insertCheckpoint.run(executionId, eventId, pending.sourceId, c.id, c.name, c.status, c.details, pending.event.timestampMs);
      return;
    }
    if (facts.family !== 'record') return;
    const via = facts.recordKind === 'record_document' ? 'document' : 'stream';
    facts.stepEvents.forEach((step, seq) => {
      s.insertStepEvent.run(
        executionId, eventId, pending.sourceId, via, seq, step.stepIndex, step.stepName, step.eventType, step.timestampMs,
        step.errorMessage,
      );
    });
    for (const effect of facts.observedSideEffects) {
      s.insertSideEffect.run(executionId, facts.planId, eventId, pending.sourceId, 'observed', via, effect.stepIndex, effect.category, effect.description, toFlag(effect.reversible), JSON.stringify(effect.details ?? null));
    }
    for (const effect of facts.declaredSideEffects) {
      s.insertSideEffect.run(executionId, facts.planId, eventId, pending.sourceId, 'declared', via, effect.stepIndex, effect.category, effect.description, toFlag(effect.reversible), JSON.stringify(effect.details ?? null));
    }
    if (facts.snapshotPre) {
      const snap = facts.snapshotPre;
      s.insertSnapshot.run(executionId, eventId, pending.sourceId, 'pre', via, snap.capturedAt, snap.securityState, JSON.stringify(snap.fields));
    }
    if (facts.snapshotPost) {
      const snap = facts.snapshotPost;
      s.insertSnapshot.run(executionId, eventId, pending.sourceId, 'post', via, snap.capturedAt, snap.securityState, JSON.stringify(snap.fields));
    }
  }

  /** Plan documents belong to no execution: they join records by plan_id at query time. */
  private insertPlan(pending: PendingEvent, eventId: number): void {
    const facts = pending.event.facts;
    if (facts.family !== 'record' || facts.recordKind !== 'plan_document' || facts.planId === null) return;
    const s = this.statements;
    s.insertPlan.run(facts.planId, eventId, pending.sourceId, JSON.stringify(facts.planSteps));
    for (const effect of facts.declaredSideEffects) {
      s.insertSideEffect.run(null, facts.planId, eventId, pending.sourceId, 'declared', 'plan', effect.stepIndex, effect.category, effect.description, toFlag(effect.reversible), JSON.stringify(effect.details ?? null));
    }
    facts.rollbackHints.forEach((hint, position) => {
      s.insertHint.run(facts.planId, eventId, pending.sourceId, position, hint.stepIndex, hint.description, JSON.stringify(hint.actions), JSON.stringify(hint.risks));
    });
  }

  private recomputeExecution(executionId: number): void {
    const s = this.statements;
    const rows = s.eventsOfExecution.all(executionId) as { id: number; raw: string; path: string }[];
    if (rows.length === 0) {
      s.deleteExecutionProblems.run(executionId);
      s.deleteExecution.run(executionId);
      return;
    }
    const delta = emptyDelta();
    for (const row of rows) {
      const again = this.renormalize(row.raw, row.path);
      if (again) addToDelta(delta, again.event, row.id, again.label, 0);
    }
    delta.problems = (s.lineProblemsOfExecution.get(executionId) as { n: number }).n;
    s.resetExecution.run(executionId);
    const row = s.executionById.get(executionId) as { family: string; key: string };
    const after = this.mergeExecution(row.family, row.key, delta);
    if (this.executionProblems.needsCheck(row.family, row.key, after)) this.executionProblems.refresh(executionId, row.family, row.key);
  }
}

/** The path a source had before it was marked moving or gone. */
export function originalPath(path: string): string {
  return path.replace(/ \((?:moving|gone) #\d+\)$/, '');
}

/** The upsert's parameters for one execution's delta. */
function deltaParams(family: string, key: string, delta: ExecutionDelta): Record<string, unknown> {
  const status = delta.status;
  return {
    family, key, events: delta.events, failures: delta.failures, problems: delta.problems,
    first_ts: delta.firstTs, last_ts: delta.lastTs,
    status: status?.status ?? null, outcome: status?.outcome ?? 'unknown', rank: status?.rank ?? -1,
    status_ts: delta.statusTs, status_event_id: delta.statusEventId,
    label: delta.label, actor: delta.actor, product: delta.product, plan_id: delta.planId, live_mode: delta.liveMode,
    opens: delta.opens, closes: delta.closes,
  };
}

function toFlag(value: boolean | null): number | null {
  return value === null ? null : value ? 1 : 0;
}

function prepareStatements(db: Database.Database) {
  const derivedTables = ['raw_blocks', 'step_events', 'side_effects', 'snapshots', 'checkpoints', 'plans', 'rollback_hints', 'problems'];
  return {
    sourceByPath: db.prepare('SELECT * FROM sources WHERE path = ?'),
    sourceById: db.prepare('SELECT * FROM sources WHERE id = ?'),
    sourcesInDir: db.prepare('SELECT * FROM sources WHERE dir = ? ORDER BY path'),
    sourcesByIdentity: db.prepare('SELECT * FROM sources WHERE identity = ?'),
    detachedInDir: db.prepare("SELECT * FROM sources WHERE dir = ? AND (state = 'gone' OR path LIKE '% (moving #%)')"),
    deleteSource: db.prepare('DELETE FROM sources WHERE id = ?'),
    liveDirs: db.prepare("SELECT DISTINCT dir FROM sources WHERE state != 'gone'"),
    sourceCarry: db.prepare('SELECT carry FROM sources WHERE id = ?'),
    insertSource: db.prepare(
      `INSERT INTO sources (path, dir, kind, state, reason, identity, size, mtime_ms, head_hash, head_len, updated_ms)
       VALUES (@path, @dir, @kind, @state, @reason, @identity, @size, @mtime_ms, @head_hash, @head_len, @updated_ms)`,
    ),
    updateSource: db.prepare(
      `UPDATE sources SET kind = @kind, state = @state, reason = @reason, identity = @identity, size = @size,
       mtime_ms = @mtime_ms, head_hash = @head_hash, head_len = @head_len, updated_ms = @updated_ms WHERE id = @id`,
    ),
    moveSource: db.prepare('UPDATE sources SET path = @path, dir = @dir, updated_ms = @updated_ms WHERE id = @id'),
    markGone: db.prepare("UPDATE sources SET state = 'gone', path = @path, updated_ms = @updated_ms WHERE id = @id"),
    dropTransient: db.prepare('DELETE FROM problems WHERE source_id = ? AND transient = 1'),
    hasTransient: db.prepare('SELECT 1 FROM problems WHERE source_id = ? AND transient = 1 LIMIT 1'),
    updateProgress: db.prepare(
      `UPDATE sources SET offset = @offset, line = @line, pending_bytes = @pending_bytes, carry = @carry,
       event_count = event_count + @events, family = coalesce(family, @family), size = coalesce(@size, size),
       mtime_ms = coalesce(@mtime_ms, mtime_ms), updated_ms = @updated_ms WHERE id = @id`,
    ),
    resetSourceRow: db.prepare(
      'UPDATE sources SET offset = 0, line = 0, pending_bytes = 0, carry = NULL, event_count = 0, family = NULL, updated_ms = @updated_ms WHERE id = @id',
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (id, source_id, line, byte_offset, byte_length, ts, family, kind, execution_id, status, error_code, actor, failed, cycle,
         raw_block, raw_at, raw_len)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertRawBlock: db.prepare('INSERT INTO raw_blocks (source_id, data) VALUES (?, ?)'),
    insertFts: db.prepare('INSERT INTO events_fts (rowid, text) VALUES (?, ?)'),
    ftsDelete: db.prepare("INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', ?, ?)"),
    eventTextsOfSource: db.prepare(
      `SELECT e.id, e.line, ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id
       WHERE e.source_id = ? AND (e.line, e.id) > (?, ?) ORDER BY e.line, e.id LIMIT ?`,
    ),
    keepEventIdHigh: db.prepare(
      `INSERT INTO meta (key, value) SELECT 'event_id_high', max(id) FROM events HAVING max(id) IS NOT NULL
       ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
    ),
    addFamilyCount: db.prepare('INSERT INTO family_counts (family, events) VALUES (?, ?) ON CONFLICT (family) DO UPDATE SET events = events + excluded.events'),
    familyCountsOfSource: db.prepare('SELECT family, count(*) AS n FROM events WHERE source_id = ? GROUP BY family'),
    affectedExecutions: db.prepare('SELECT DISTINCT execution_id FROM events WHERE source_id = ? AND execution_id IS NOT NULL'),
    deleteDerivedOfSource: derivedTables.map((table) => db.prepare(`DELETE FROM ${table} WHERE source_id = ?`)),
    deleteEventsOfSource: db.prepare('DELETE FROM events WHERE source_id = ?'),
    insertProblem: db.prepare(
      'INSERT INTO problems (source_id, line, code, message, execution_id, event_id, origin, transient) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    executionById: db.prepare('SELECT family, key FROM executions WHERE id = ?'),
    maxEventId: db.prepare("SELECT max(coalesce((SELECT max(id) FROM events), 0), coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'event_id_high'), 0)) AS id"),
    executionIdByKey: db.prepare('SELECT id FROM executions WHERE family = ? AND key = ?'),
    insertExecution: db.prepare(
      `INSERT INTO executions (family, key, event_count, failure_count, problem_count, first_ts, last_ts, status, outcome, status_rank,
         status_ts, status_event_id, label, actor, product, plan_id, live_mode, open_count, close_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    upsertExecution: db.prepare(
      `INSERT INTO executions (family, key, event_count, failure_count, problem_count, first_ts, last_ts, status, outcome, status_rank,
         status_ts, status_event_id, label, actor, product, plan_id, live_mode, open_count, close_count)
       VALUES (@family, @key, @events, @failures, @problems, @first_ts, @last_ts, @status, @outcome, @rank,
         @status_ts, @status_event_id, @label, @actor, @product, @plan_id, @live_mode, @opens, @closes)
       ON CONFLICT (family, key) DO UPDATE SET
         event_count = event_count + excluded.event_count,
         failure_count = failure_count + excluded.failure_count,
         problem_count = problem_count + excluded.problem_count,
         first_ts = coalesce(min(first_ts, excluded.first_ts), first_ts, excluded.first_ts),
         last_ts = coalesce(max(last_ts, excluded.last_ts), last_ts, excluded.last_ts),
         status = iif(excluded.status_rank >= 0 AND (excluded.status_rank, excluded.status_ts, excluded.status_event_id) > (status_rank, status_ts, status_event_id), excluded.status, status),
         outcome = iif(excluded.status_rank >= 0 AND (excluded.status_rank, excluded.status_ts, excluded.status_event_id) > (status_rank, status_ts, status_event_id), excluded.outcome, outcome),
         status_ts = iif(excluded.status_rank >= 0 AND (excluded.status_rank, excluded.status_ts, excluded.status_event_id) > (status_rank, status_ts, status_event_id), excluded.status_ts, status_ts),
         status_event_id = iif(excluded.status_rank >= 0 AND (excluded.status_rank, excluded.status_ts, excluded.status_event_id) > (status_rank, status_ts, status_event_id), excluded.status_event_id, status_event_id),
         status_rank = max(status_rank, excluded.status_rank),
         label = coalesce(label, excluded.label),
         actor = coalesce(actor, excluded.actor),
         product = coalesce(product, excluded.product),
         plan_id = coalesce(plan_id, excluded.plan_id),
         live_mode = coalesce(live_mode, excluded.live_mode),
         open_count = open_count + excluded.open_count,
         close_count = close_count + excluded.close_count
       RETURNING id, open_count, close_count, exec_problems`,
    ),
    resetExecution: db.prepare(
      `UPDATE executions SET event_count = 0, failure_count = 0, problem_count = exec_problems, first_ts = NULL, last_ts = NULL,
       status = NULL, outcome = 'unknown', status_rank = -1, status_ts = -1, status_event_id = 0, label = NULL, actor = NULL,
       product = NULL, plan_id = NULL, live_mode = NULL, open_count = 0, close_count = 0 WHERE id = ?`,
    ),
    eventsOfExecution: db.prepare(`SELECT e.id, ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id WHERE e.execution_id = ? ORDER BY e.id`),
    lineProblemsOfExecution: db.prepare("SELECT count(*) AS n FROM problems WHERE execution_id = ? AND origin != 'execution'"),
    deleteExecutionProblems: db.prepare("DELETE FROM problems WHERE execution_id = ? AND origin = 'execution'"),
    deleteExecution: db.prepare('DELETE FROM executions WHERE id = ?'),
    insertCheckpoint: db.prepare(
      'INSERT INTO checkpoints (execution_id, event_id, source_id, checkpoint_id, name, status, details, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertStepEvent: db.prepare(
      `INSERT INTO step_events (execution_id, event_id, source_id, origin, seq, step_index, step_name, event_type, ts, error_message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertSideEffect: db.prepare(
      `INSERT INTO side_effects (execution_id, plan_id, event_id, source_id, origin, via, step_index, category, description, reversible, details)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertSnapshot: db.prepare(
      'INSERT INTO snapshots (execution_id, event_id, source_id, phase, via, captured_at, security_state, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertPlan: db.prepare('INSERT INTO plans (plan_id, event_id, source_id, steps) VALUES (?, ?, ?, ?)'),
    insertHint: db.prepare(
      'INSERT INTO rollback_hints (plan_id, event_id, source_id, position, step_index, description, actions, risks) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
  };
}
