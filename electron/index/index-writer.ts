import type Database from 'better-sqlite3';
import type { ExecutionIntegrity } from '../../shared/model/execution-integrity';
import type { Family } from '../../shared/model/family';
import type { LineProblem } from '../../shared/model/problem-code';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { addToDelta, emptyDelta, type ExecutionDelta } from './execution-delta';
import { DerivedRowsWriter } from './derived-rows-writer';
import type { IndexFamilyRules } from './family-rules';
import { IndexEnrichment } from './index-enrichment';
import { EventSightings } from './event-sightings';
import { executionDeltaRow, type MergedExecution } from './execution-merge';
import { FullTextRuns } from './full-text-runs';
import type { IngestBatch, PendingEvent, PendingProblem } from './ingest-batch';
import { NO_PLAIN_EVENTS, type PlainEvents, type Renormalize } from './renormalize';
import { claimRawBlockIds, packRawBlocks, type RawPlacement } from './raw-blocks';
import { scanFactsOf, type ScanFacts } from './scan-facts';
import { keepFirstNoZone, type SourceCarry } from './source-carry';
import { originalPath, type SourceRow } from './source-row';
import { prepareWriterStatements, type WriterStatements } from './writer-statements';

/** One execution's share of a batch: its events' delta, and its row id once merged. */
interface DeltaEntry {
  readonly family: Family;
  readonly key: string;
  readonly delta: ExecutionDelta;
  id: number;
}

/** Recomputes the problems that only show across an execution's events; returns how many it has. */
export interface ExecutionChecker {
  refresh(executionId: number, family: string, key: string): number;
  /** True when an execution with these counts may have cross-event problems and must be checked. */
  needsCheck(family: string, key: string, row: { open_count: number; close_count: number; exec_problems: number }): boolean;
}

/** What is known of a file when its source is registered. */
export type NewSource = Omit<SourceRow, 'id' | 'offset' | 'line' | 'pending_bytes' | 'carry' | 'event_count' | 'family' | 'updated_ms'>;

/**
 * The index's single writer. Every batch is one transaction holding the events,
 * everything derived from them and the source offsets, so a crash between
 * batches loses nothing and duplicates nothing.
 */
export class IndexWriter {
  private readonly carries = new Map<number, SourceCarry>();
  private readonly sightings: EventSightings;
  private readonly statements: WriterStatements;
  private readonly commitTransaction;
  private readonly executionProblems: ExecutionChecker;
  private readonly fullText: FullTextRuns;
  private readonly derived: DerivedRowsWriter;
  /** The second phase: full text, derived rows and checks of the events a deferred batch stored without them. */
  readonly enrichment: IndexEnrichment;
  /**
   * Set by the ingest for a scan with much to read: its batches store events,
   * executions and line problems only, and leave the rest to the enrichment, so
   * that lists are usable sooner. Batches defer anyway while earlier events wait.
   */
  deferEnrichment = false;

  constructor(
    private readonly db: Database.Database,
    private readonly renormalize: Renormalize,
    makeChecker: (db: Database.Database) => ExecutionChecker,
    private readonly families: IndexFamilyRules,
    /** The enrichment's quick path for events that need only their search text; none by default. */
    plain: PlainEvents = NO_PLAIN_EVENTS,
  ) {
    this.statements = prepareWriterStatements(db);
    this.sightings = new EventSightings(db, renormalize, families);
    this.executionProblems = makeChecker(db);
    this.derived = new DerivedRowsWriter(this.statements, families);
    this.fullText = new FullTextRuns(db);
    this.enrichment = new IndexEnrichment(db, renormalize, this.derived, this.executionProblems, plain, this.fullText);
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
  createSource(fields: NewSource): number {
    const result = this.statements.insertSource.run({ ...fields, updated_ms: Date.now() });
    return Number(result.lastInsertRowid);
  }

  /** Registers files in one transaction (a first scan meets thousands); returns their ids in order. */
  createSources(rows: readonly NewSource[]): number[] {
    if (rows.length === 0) return [];
    return this.db.transaction(() => rows.map((row) => this.createSource(row)))();
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
   * recomputes the executions it touched from their remaining events only. Its
   * head hash goes too: the next read records the new file's beginning, which a
   * stale one would never match again (every later read would start over).
   */
  resetSource(id: number): void {
    this.db.transaction(() => {
      const s = this.statements;
      const affected = (s.affectedExecutions.all(id) as { execution_id: number }[]).map((row) => row.execution_id);
      for (const row of s.familyCountsOfSource.all(id) as { family: string; n: number }[]) {
        s.addFamilyCount.run(row.family, -row.n);
      }
      s.keepEventIdHigh.run();
      this.fullText.takeBack(id);
      s.keepRawBlockIdHigh.run();
      for (const statement of s.deleteDerivedOfSource) statement.run(id);
      affected.push(...this.promoteSightingsOf(id));
      s.deletePacSourcesOf.run(id);
      s.deleteEventsOfSource.run(id);
      s.resetSourceRow.run({ id, updated_ms: Date.now() });
      this.carries.delete(id);
      for (const executionId of new Set(affected)) this.recomputeExecution(executionId);
    })();
  }

  private applyBatch(batch: IngestBatch): void {
    const s = this.statements;
    const marks = this.enrichment.marks();
    const defer = this.deferEnrichment || marks.enrichedThrough < marks.lastEventId;
    // Ids are assigned here, not by SQLite, so that an execution's status tie-break
    // (a later event wins) is known before its row is upserted once per batch.
    let nextId = this.nextEventId();
    // One carry lookup for every event, pointed at each event's source in turn (both uses are synchronous).
    let carrySource = 0;
    const carry = (): SourceCarry => this.carryOf(carrySource);
    const placed = batch.events.map((pending) => {
      carrySource = pending.sourceId;
      const facts = pending.facts ?? this.factsOf(wholeEvent(pending));
      const joined = this.families[facts.family].place(facts, carry);
      const extraProblems = joined.problem ? [...pending.extraProblems, joined.problem] : pending.extraProblems;
      return { pending, facts, key: joined.key, lineProblems: keepFirstNoZone(facts.problems, carry), extraProblems, eventId: nextId++ };
    });
    // An event already indexed from another file (log_file and captured stdout) is stored and shown, but counted once.
    const sameAs = this.sightings.sameAs(placed);
    const deltas = new Map<string, DeltaEntry>();
    // Each counted event's entry, by its place in the batch: looked up by key once, not again when the event is written.
    const entries: (DeltaEntry | undefined)[] = new Array<DeltaEntry | undefined>(placed.length);
    placed.forEach((p, index) => {
      if (p.key === null || sameAs.has(p.eventId)) return;
      const cacheKey = `${p.facts.family}\u0000${p.key}`;
      let entry = deltas.get(cacheKey);
      if (!entry) deltas.set(cacheKey, (entry = { family: p.facts.family, key: p.key, delta: emptyDelta(), id: 0 }));
      entries[index] = entry;
      addToDelta(entry.delta, p.facts, p.eventId, p.pending.label, p.lineProblems.length + p.extraProblems.length);
    });
    const refresh: { id: number; family: string; key: string; open_count: number; close_count: number; exec_problems: number }[] = [];
    for (const entry of deltas.values()) {
      const row = this.mergeExecution(entry.family, entry.key, entry.delta, defer);
      entry.id = row.id;
      if (!defer && this.executionProblems.needsCheck(entry.family, entry.key, row)) refresh.push({ ...row, family: entry.family, key: entry.key });
    }
    const raws = this.storeRawBlocks(batch);
    let ownRaw = 0;
    const perSource = new Map<number, { events: number; family: string | null }>();
    // A batch's events come in runs of one source: its counts are looked up once per run.
    let counts: { events: number; family: string | null } = { events: 0, family: null };
    let countsOf = -1;
    const familyCounts = new Map<string, number>();
    let problemsStored = 0;
    // Events written inline get their full text here, in runs (full-text-runs.ts); a deferred batch leaves it to the enrichment.
    const runs = defer ? null : this.fullText.builder();
    for (let index = 0; index < placed.length; index++) {
      const p = placed[index] as (typeof placed)[number];
      if (problemsStored < batch.problems.length) problemsStored = this.insertProblemsFoundBefore(batch.problems, problemsStored, index);
      const { pending, facts, eventId } = p;
      // Where its line's bytes are: packed here (in batch order), or by a parse worker.
      const raw = pending.raw === null ? packedPlace(pending) : (raws.placements[ownRaw++] as RawPlacement);
      const rawBlock = (pending.raw === null ? raws.firstPacked : raws.firstOwn) + raw.block;
      const seenBefore = sameAs.get(eventId) ?? null;
      // An event not counted here (a repeat of one from another file) finds its execution by key.
      const executionId = p.key === null ? null : (entries[index]?.id ?? deltas.get(`${facts.family}\u0000${p.key}`)?.id ?? this.executionIdOf(facts.family, p.key));
      s.insertEvent.run({
        id: eventId, source_id: pending.sourceId, line: pending.line, part: pending.part, byte_offset: pending.offset, byte_length: pending.length,
        ts: facts.timestampMs, family: facts.family, kind: facts.kind, execution_id: executionId, status: facts.status,
        error_code: facts.errorCode, actor: facts.actor, failed: facts.failed ? 1 : 0, cycle: facts.cycle,
        raw_block: rawBlock, raw_at: raw.at, raw_len: raw.length, same_as: seenBefore,
      });
      runs?.add(eventId, pending.sourceId, pending.searchText);
      for (const problem of p.lineProblems) this.insertLineProblem(pending, problem, executionId, eventId);
      for (const problem of p.extraProblems) this.insertLineProblem(pending, problem, executionId, eventId);
      if (pending.sourceId !== countsOf) {
        countsOf = pending.sourceId;
        counts = perSource.get(countsOf) ?? { events: 0, family: facts.family };
        perSource.set(countsOf, counts);
      }
      counts.events++;
      if (seenBefore !== null) continue;
      if (!defer) this.derived.insert(pending.sourceId, wholeEvent(pending), executionId, eventId);
      else if (executionId === null && facts.planId !== null) s.insertPlanEvent.run({ event_id: eventId, plan_id: facts.planId, source_id: pending.sourceId });
      familyCounts.set(facts.family, (familyCounts.get(facts.family) ?? 0) + 1);
    }
    runs?.end();
    for (const [family, n] of familyCounts) s.addFamilyCount.run(family, n);
    for (const row of refresh) this.executionProblems.refresh(row.id, row.family, row.key);
    if (!defer && placed.length > 0) this.enrichment.wroteInline(nextId - 1, marks);
    this.insertProblemsFoundBefore(batch.problems, problemsStored, Number.POSITIVE_INFINITY);
    for (const head of batch.heads ?? []) s.updateHead.run(head.hash, head.length, head.sourceId);
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
   * Stores the batch's problems tied to no event, from `from` on, that were
   * found before its event `eventIndex`; returns where the next call starts.
   */
  private insertProblemsFoundBefore(problems: readonly PendingProblem[], from: number, eventIndex: number): number {
    let next = from;
    for (let problem = problems[next]; problem !== undefined && (problem.eventsBefore ?? Number.POSITIVE_INFINITY) <= eventIndex; problem = problems[++next]) {
      this.statements.insertProblem.run({
        source_id: problem.sourceId, line: problem.line, code: problem.code, message: problem.message, execution_id: null, event_id: null,
        origin: problem.line === null ? 'file' : 'line', transient: problem.transient ? 1 : 0,
      });
    }
    return next;
  }

  /**
   * Stores the batch's raw blocks: those of the lines it packs itself, then
   * those a parse worker packed. An event's block id is the first id of its
   * kind plus its placement's block.
   */
  private storeRawBlocks(batch: IngestBatch): { readonly placements: readonly RawPlacement[]; readonly firstOwn: number; readonly firstPacked: number } {
    const s = this.statements;
    const own = batch.events.filter((pending): pending is PendingEvent & { raw: string } => pending.raw !== null);
    const packed = packRawBlocks(own);
    const prepacked = batch.packedBlocks ?? [];
    const blocks = prepacked.length === 0 ? packed.blocks : [...packed.blocks, ...prepacked];
    const firstOwn = claimRawBlockIds(this.db, s.maxRawBlockId.get() as number, blocks.length);
    blocks.forEach((block, index) => s.insertRawBlock.run(firstOwn + index, block.sourceId, block.data));
    return { placements: packed.placements, firstOwn, firstPacked: firstOwn + packed.blocks.length };
  }

  /**
   * Adds a batch's delta to an execution. Most executions are new when first seen
   * (an exec-event trace is one event), so a lookup plus a plain insert beats an
   * upsert, whose conflict handling costs on every row. An execution of a family
   * with tamper evidence is new as `unchecked`, and is made so again when the
   * batch defers its checks; otherwise its checks, run in the same transaction,
   * store its state.
   */
  private mergeExecution(family: string, key: string, delta: ExecutionDelta, checksDeferred: boolean): MergedExecution {
    const s = this.statements;
    const row = executionDeltaRow(family, key, delta);
    const tamperEvidence = Object.hasOwn(this.families, family) && this.families[family as Family].carriesTamperEvidence;
    if (s.executionIdByKey.get(family, key) === undefined) {
      const id = Number(s.insertExecution.run({ ...row, integrity: tamperEvidence ? UNCHECKED : null }).lastInsertRowid);
      return { id, open_count: delta.opens, close_count: delta.closes, exec_problems: 0 };
    }
    const merged = s.mergeExecution.get(row) as MergedExecution;
    if (tamperEvidence && checksDeferred) s.markUnchecked.run(merged.id);
    return merged;
  }

  /** An event's scan facts, by its family's rules. */
  private factsOf(event: NormalizedEvent): ScanFacts {
    return scanFactsOf(event, this.families[event.family]);
  }

  private nextEventId(): number {
    return ((this.statements.maxEventId.get() as { id: number | null }).id ?? 0) + 1;
  }

  /**
   * Before a source's events are taken back: each event first seen in it and seen
   * again in another file passes its place to that next sighting, which now counts
   * (with its derived rows). Returns the executions whose counts must be recomputed.
   */
  private promoteSightingsOf(sourceId: number): number[] {
    const s = this.statements;
    const affected: number[] = [];
    for (const sighting of s.sightingsOfSource.all(sourceId) as { identity: Buffer; event_id: number }[]) {
      const next = s.nextSighting.get(sighting.event_id) as
        | { id: number; source_id: number; line: number; part: number; byte_offset: number; byte_length: number; family: string; execution_id: number | null; raw: string; path: string }
        | undefined;
      if (next === undefined) {
        s.deleteSighting.run(sighting.identity);
        continue;
      }
      s.promoteSighting.run(next.id);
      s.repointSightings.run(next.id, sighting.event_id);
      s.moveSighting.run(next.id, next.source_id, sighting.identity);
      s.addFamilyCount.run(next.family, 1);
      const again = this.renormalize(next.raw, next.path, next.part);
      if (next.execution_id !== null && again !== null) {
        // An event the enrichment has not reached gets its derived rows from it, now that it counts.
        if (!this.enrichment.derivesLater(next.id, next.execution_id)) this.derived.insert(next.source_id, again.event, next.execution_id, next.id);
        affected.push(next.execution_id);
      }
    }
    return affected;
  }

  private executionIdOf(family: string, key: string): number | null {
    const row = this.statements.executionIdByKey.get(family, key) as { id: number } | undefined;
    return row?.id ?? null;
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

  private insertLineProblem(pending: PendingEvent, problem: LineProblem, executionId: number | null, eventId: number): void {
    this.statements.insertProblem.run({
      source_id: pending.sourceId, line: pending.line, code: problem.code, message: problem.message, execution_id: executionId, event_id: eventId, origin: 'line', transient: 0,
    });
  }

  private recomputeExecution(executionId: number): void {
    const s = this.statements;
    const rows = s.eventsOfExecution.all(executionId) as { id: number; part: number; raw: string; path: string }[];
    if (rows.length === 0) {
      s.deleteExecutionProblems.run(executionId);
      s.deleteExecution.run(executionId);
      return;
    }
    const delta = emptyDelta();
    for (const row of rows) {
      const again = this.renormalize(row.raw, row.path, row.part);
      if (again) addToDelta(delta, this.factsOf(again.event), row.id, again.label, 0);
    }
    delta.problems = (s.lineProblemsOfExecution.get(executionId) as { n: number }).n;
    s.resetExecution.run(executionId);
    const row = s.executionById.get(executionId) as { family: string; key: string };
    // An execution with events the enrichment has not derived yet is checked by it, after them: its steps and spans are not all in.
    const waits = this.enrichment.derivesLater((rows[rows.length - 1] as (typeof rows)[number]).id, executionId);
    const after = this.mergeExecution(row.family, row.key, delta, waits);
    if (!waits && this.executionProblems.needsCheck(row.family, row.key, after)) this.executionProblems.refresh(executionId, row.family, row.key);
  }
}

const UNCHECKED: ExecutionIntegrity = 'unchecked';

/** Where a parse worker packed an event's line; an event must come with its text or its place. */
function packedPlace(pending: PendingEvent): RawPlacement {
  if (pending.packed === null) throw new Error(`event of line ${pending.line} of source ${pending.sourceId} came with neither its text nor its packed place`);
  return pending.packed;
}

/**
 * The whole event of a pending one. Only an event a parse worker read lacks it,
 * and only deferred batches, which read it for nothing, are given such events.
 */
function wholeEvent(pending: PendingEvent): NormalizedEvent {
  if (pending.event === null) throw new Error(`event of line ${pending.line} of source ${pending.sourceId} was read by a parse worker, but this batch needs it whole`);
  return pending.event;
}
