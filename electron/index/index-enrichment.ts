import type Database from 'better-sqlite3';
import type { DerivedRowsWriter } from './derived-rows-writer';
import { FullTextMerges } from './full-text-merges';
import type { FullTextRuns } from './full-text-runs';
import { RawTexts } from './raw-texts';
import type { ExecutionChecker } from './index-writer';
import type { PlainEvents, Renormalize } from './renormalize';
import { SOURCE_PATH_SQL, TEXT_EVENT_SQL, type PreparedTextsLookup, type TextEvent } from './full-text-preparation';
import { searchTextOf, sourcePathsOf, type SearchTextReaders } from './stored-search-text';
import { EnrichmentState, type EnrichmentMarks } from './queries/enrichment-state';

export type { EnrichmentMarks } from './queries/enrichment-state';

/** What the checks read of an execution to tell whether its checks can find something (ExecutionChecker.needsCheck). */
interface ExecutionCounts {
  readonly id: number;
  readonly family: string;
  readonly key: string;
  readonly open_count: number;
  readonly close_count: number;
  readonly exec_problems: number;
}

/** What one step of the enrichment did. */
export interface EnrichmentStep {
  /** Events given their full text in this step. */
  readonly events: number;
  /** Of those, the events whose search text was derived here, not prepared on another thread (all of them without a preparation). */
  readonly unprepared: number;
  /** Events past which this step moved the enriched mark, their derived rows written (counted by id, like the marks). */
  readonly derived: number;
  /** Executions checked in this step. */
  readonly executions: number;
  /** True when this step merged the full-text index's segments (after the full text, before the derived rows). */
  readonly merging: boolean;
  /** True when nothing is left to enrich. */
  readonly finished: boolean;
  /** True when every stored event has its full text and the full-text index is merged: search is whole and at its speed (checks may still follow). */
  readonly searchable: boolean;
}

/** What a step reads of an event (StoredEvent), its source's path joined. */
const STORED_EVENT_SQL = `SELECT e.id, e.source_id, e.family, e.part, e.execution_id, e.same_as, e.raw_block, e.raw_at, e.raw_len, s.path
  FROM events e JOIN sources s ON s.id = e.source_id`;

interface StoredEvent {
  readonly id: number;
  readonly source_id: number;
  readonly family: string;
  readonly part: number;
  readonly execution_id: number | null;
  readonly same_as: number | null;
  readonly raw_block: number | null;
  readonly raw_at: number;
  readonly raw_len: number;
  readonly path: string;
}

/** Pages of the full-text index merged per step once every event has its text (tens of milliseconds). */
const MERGE_PAGES_PER_STEP = 500;

/**
 * The index's second phase. A large scan stores only what lists and executions
 * need (events, executions, line problems, offsets); this adds, in small
 * transactions that each commit their mark, in id order: every event's full
 * text (`text_through`); then merges the full-text index it held from merging
 * meanwhile (full-text-merges.ts), which makes search whole and quick; then
 * the derived rows (steps, side effects, snapshots, spans, plans) of the
 * events whose family derives any (`enriched_through`); then runs the
 * cross-event checks of every execution those events touched
 * (`checked_through`). Search comes first because it is what waits on the
 * most work, and it changes with no row derived after it. A scan
 * that finds nothing waiting writes everything inline and moves the marks with
 * its own commit. An execution a reviewer opens early is enriched on demand.
 * It runs on the writer's connection, between the scan's batches.
 */
export class IndexEnrichment {
  private readonly statements;
  private readonly state: EnrichmentState;
  private readonly merges: FullTextMerges;
  private readonly readers: SearchTextReaders;
  /** The plain families, as a JSON array for the pass over derived rows to pass their events by. */
  private readonly plainFamilies: string;
  /** The executions of the checks pass under way, and the enriched mark it will set when they are all checked. */
  private checking: { readonly ids: readonly number[]; next: number; readonly through: number } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly renormalize: Renormalize,
    private readonly derived: DerivedRowsWriter,
    private readonly checker: ExecutionChecker,
    plain: PlainEvents,
    private readonly fullText: FullTextRuns,
  ) {
    this.readers = { renormalize, wholeLineSearchText: plain.searchText };
    this.plainFamilies = JSON.stringify(plain.families);
    this.state = new EnrichmentState(db);
    this.merges = new FullTextMerges(db);
    this.statements = {
      setMark: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      textEventsAfter: db.prepare(`${TEXT_EVENT_SQL} WHERE id > ? ORDER BY id LIMIT ?`),
      sourcePath: db.prepare(SOURCE_PATH_SQL).pluck(),
      // Plain events (part 0 of a family that derives no rows) are passed by without being read: most of the events.
      rowEventsIn: db.prepare(`${STORED_EVENT_SQL} WHERE e.id > ? AND e.id <= ? AND NOT (e.part = 0 AND e.family IN (SELECT value FROM json_each(?))) ORDER BY e.id LIMIT ?`),
      eventsOfExecutionAfter: db.prepare(`${STORED_EVENT_SQL} WHERE e.execution_id = ? AND e.id > ? ORDER BY e.id`),
      block: db.prepare('SELECT data FROM raw_blocks WHERE id = ?').pluck(),
      setAhead: db.prepare('INSERT INTO enriched_ahead (execution_id, through) VALUES (?, ?) ON CONFLICT (execution_id) DO UPDATE SET through = excluded.through'),
      allAhead: db.prepare('SELECT execution_id, through FROM enriched_ahead').raw(),
      dropPassedAhead: db.prepare('DELETE FROM enriched_ahead WHERE through <= ?'),
      touchedExecutions: db.prepare('SELECT DISTINCT execution_id FROM events WHERE id > ? AND id <= ? AND execution_id IS NOT NULL').pluck(),
      // A step's executions in one read rather than a query each: the checks pass of 250,000 executions took 1.8-2.0 s against 1.9-2.5 s.
      executionCountsIn: db.prepare('SELECT id, family, key, open_count, close_count, exec_problems FROM executions WHERE id IN (SELECT value FROM json_each(?))'),
      planOf: db.prepare('SELECT plan_id FROM executions WHERE id = ?').pluck(),
      planEventsWaiting: db.prepare(`${STORED_EVENT_SQL} JOIN plan_events p ON p.event_id = e.id WHERE p.plan_id = ? AND p.derived_ahead = 0 AND e.id > ? ORDER BY e.id`),
      setPlanEventAhead: db.prepare('UPDATE plan_events SET derived_ahead = 1 WHERE event_id = ?'),
      planEventsAheadIn: db.prepare('SELECT event_id FROM plan_events WHERE derived_ahead = 1 AND event_id > ? AND event_id <= ?').pluck(),
      dropPassedPlanEvents: db.prepare('DELETE FROM plan_events WHERE event_id <= ?'),
    };
  }

  /** The marks as committed. */
  marks(): EnrichmentMarks {
    return this.state.marks();
  }

  /** True when some stored event still waits for its full text, derived rows or checks, or the full-text index for its merge. */
  pending(): boolean {
    return this.state.pending() || this.merges.holding();
  }

  /** True when a batch about to be written must leave its enrichment for later: events before it are still waiting. */
  mustDefer(): boolean {
    const marks = this.marks();
    return marks.enrichedThrough < marks.lastEventId;
  }

  /**
   * Called inside the transaction of a batch written inline (full text, derived
   * rows and checks done): the marks move past its events, the checked mark only
   * when nothing before it was waiting.
   */
  wroteInline(lastEventId: number, before: EnrichmentMarks): void {
    if (lastEventId <= before.enrichedThrough) return;
    this.statements.setMark.run('text_through', lastEventId);
    this.statements.setMark.run('enriched_through', lastEventId);
    if (before.checkedThrough === before.enrichedThrough && this.checking === null) this.statements.setMark.run('checked_through', lastEventId);
  }

  /**
   * Takes one step, in one transaction: up to `eventLimit` events given their
   * full text, or, once every event has it, a part of the full-text index's
   * merge, or, once it is merged, up to `eventLimit` events given their derived
   * rows, or, once they all have them, up to `executionLimit` executions
   * checked. Safe to stop between steps, or to be killed in one: each commits
   * its mark with its work. `prepared`: search texts of the step's events
   * derived on another thread (full-text-preparation.ts).
   */
  step(eventLimit: number, executionLimit: number, prepared: PreparedTextsLookup | null = null): EnrichmentStep {
    const run = this.db.transaction((): EnrichmentStep => {
      const events = this.writeTexts(eventLimit, prepared);
      if (events.count > 0) return { events: events.count, unprepared: events.unprepared, derived: 0, executions: 0, merging: false, finished: false, searchable: false };
      // Search is whole once every event has its text and the index is merged; neither the derived rows nor the checks change what it finds.
      if (this.merges.holding()) {
        const merged = this.merges.step(MERGE_PAGES_PER_STEP);
        return { events: 0, unprepared: 0, derived: 0, executions: 0, merging: true, finished: merged && !this.pending(), searchable: merged && this.textWhole() };
      }
      const derived = this.deriveRows(eventLimit);
      if (derived > 0) return { events: 0, unprepared: 0, derived, executions: 0, merging: false, finished: false, searchable: this.textWhole() };
      const executions = this.checkExecutions(executionLimit);
      return { events: 0, unprepared: 0, derived: 0, executions, merging: false, finished: this.checking === null && !this.pending(), searchable: this.textWhole() };
    });
    try {
      return run();
    } catch (error) {
      // The checks pass's position moved in the rolled-back step: its list is made again from the committed marks.
      this.checking = null;
      throw error;
    }
  }

  /**
   * Gives one execution its derived rows and checks now, ahead of the enrichment
   * (a reviewer opened it): its events past the enriched mark get their derived
   * rows, and it is remembered in `enriched_ahead` (through its last event), so
   * that the enrichment's pass over derived rows passes them by, and a reader
   * knows its checks are in. Returns false when there was nothing to do.
   */
  enrichExecution(executionId: number): boolean {
    return this.db.transaction(() => {
      const s = this.statements;
      const marks = this.marks();
      const last = this.state.lastEventOf(executionId);
      const ahead = this.state.aheadOf(executionId);
      const own = last !== null && last > marks.checkedThrough && last > ahead;
      const planId = s.planOf.get(executionId) as string | null | undefined;
      // Its plan's documents, when the enrichment has not derived them: their rows are part of this execution's detail.
      const planEvents = planId == null ? [] : (s.planEventsWaiting.all(planId, marks.enrichedThrough) as StoredEvent[]);
      if (!own && planEvents.length === 0) return false;
      const raw = new RawTexts(s.block);
      const derive = (row: StoredEvent, execution: number | null): void => {
        const text = raw.of(row);
        if (row.same_as !== null || text === null) return;
        const again = this.renormalize(text, row.path, row.part);
        if (again !== null) this.derived.insert(row.source_id, again.event, execution, row.id);
      };
      for (const row of planEvents) {
        derive(row, null);
        s.setPlanEventAhead.run(row.id);
      }
      if (own) {
        for (const row of s.eventsOfExecutionAfter.all(executionId, Math.max(marks.enrichedThrough, ahead)) as StoredEvent[]) derive(row, executionId);
        // Kept until the checks pass passes it: it says both its derived rows and its checks are in.
        s.setAhead.run(executionId, last);
        this.check([executionId]);
      }
      return true;
    })();
  }

  /**
   * True when the enrichment will write this event's derived rows when it reaches
   * it (it is past the enriched mark, and its execution was not enriched ahead past it).
   */
  derivesLater(eventId: number, executionId: number): boolean {
    return eventId > this.marks().enrichedThrough && eventId > this.state.aheadOf(executionId);
  }

  /**
   * Copies the write-ahead log into the database file and starts it over. The
   * enrichment writes about as much as the scan, while readers keep the log from
   * restarting on its own; a log of hundreds of megabytes makes every read that
   * follows look through it (a search right after took 20 s instead of 40 ms).
   * Returns false when a reader kept it from completing (it is tried again later).
   */
  checkpoint(mode: 'RESTART' | 'TRUNCATE'): boolean {
    const [result] = this.db.pragma(`wal_checkpoint(${mode})`) as { busy: number }[];
    return result?.busy === 0;
  }

  /** True when every stored event has its full text (the merge aside). */
  private textWhole(): boolean {
    const marks = this.marks();
    return marks.textThrough >= marks.lastEventId;
  }

  /** True when an execution's detail would read rows the enrichment has not written yet. */
  executionWaits(executionId: number): boolean {
    return this.state.executionWaits(executionId);
  }

  /** Gives the next events their full text, in runs (full-text-runs.ts), prepared or derived here; returns how many, and how many derived here. */
  private writeTexts(limit: number, prepared: PreparedTextsLookup | null): { count: number; unprepared: number } {
    const s = this.statements;
    const rows = s.textEventsAfter.all(this.marks().textThrough, limit) as TextEvent[];
    const last = rows[rows.length - 1];
    if (last === undefined) return { count: 0, unprepared: 0 };
    let unprepared = 0;
    this.merges.hold();
    const raw = new RawTexts(s.block);
    const pathOf = sourcePathsOf(s.sourcePath);
    const runs = this.fullText.builder();
    for (const row of rows) {
      const ready = prepared?.of(row);
      if (ready === undefined) unprepared++;
      runs.add(row.id, row.source_id, ready !== undefined ? ready : searchTextOf(row, raw, this.readers, pathOf));
    }
    runs.end();
    s.setMark.run('text_through', last.id);
    return { count: rows.length, unprepared };
  }

  /**
   * Writes the derived rows of the next events that have their full text (up
   * to `limit` that are not plain) and moves the enriched mark past them;
   * returns how far it moved, in ids (0 when it is at the full-text mark).
   */
  private deriveRows(limit: number): number {
    const s = this.statements;
    const marks = this.marks();
    const from = marks.enrichedThrough;
    if (from >= marks.textThrough) return 0;
    const rows = s.rowEventsIn.all(from, marks.textThrough, this.plainFamilies, limit) as StoredEvent[];
    const through = rows.length < limit ? marks.textThrough : (rows[rows.length - 1] as StoredEvent).id;
    const raw = new RawTexts(s.block);
    // Usually empty: only executions a reviewer opened early, and the plan documents of their plans, are in them.
    const ahead = new Map(s.allAhead.all() as [number, number][]);
    const planEventsAhead = new Set(s.planEventsAheadIn.all(from, through) as number[]);
    for (const row of rows) {
      if (row.same_as !== null) continue;
      if (row.execution_id !== null && row.id <= (ahead.get(row.execution_id) ?? 0)) continue;
      if (planEventsAhead.has(row.id)) continue;
      const text = raw.of(row);
      const again = text === null ? null : this.renormalize(text, row.path, row.part);
      if (again !== null) this.derived.insert(row.source_id, again.event, row.execution_id, row.id);
    }
    s.dropPassedPlanEvents.run(through);
    s.setMark.run('enriched_through', through);
    return through - from;
  }

  private checkExecutions(limit: number): number {
    const s = this.statements;
    if (this.checking === null) {
      const marks = this.marks();
      if (marks.checkedThrough >= marks.enrichedThrough) return 0;
      this.checking = { ids: s.touchedExecutions.all(marks.checkedThrough, marks.enrichedThrough) as number[], next: 0, through: marks.enrichedThrough };
    }
    // Read by position: splicing the front off a list of a million executions every step costs more than the checks.
    const batch = this.checking.ids.slice(this.checking.next, this.checking.next + limit);
    this.checking.next += batch.length;
    this.check(batch);
    if (this.checking.next >= this.checking.ids.length) {
      s.setMark.run('checked_through', this.checking.through);
      s.dropPassedAhead.run(this.checking.through);
      this.checking = null;
    }
    return batch.length;
  }

  /** Runs these executions' cross-event checks where they can find something (the scan's own rule). */
  private check(executionIds: readonly number[]): void {
    // Read whole before any check writes: a check changes only its own execution's row.
    for (const row of this.statements.executionCountsIn.all(JSON.stringify(executionIds)) as ExecutionCounts[]) {
      if (this.checker.needsCheck(row.family, row.key, row)) this.checker.refresh(row.id, row.family, row.key);
    }
  }
}
