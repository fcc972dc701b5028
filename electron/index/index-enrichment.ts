import type Database from 'better-sqlite3';
import type { DerivedRowsWriter } from './derived-rows-writer';
import { FullTextMerges } from './full-text-merges';
import type { FullTextRuns } from './full-text-runs';
import { RawTexts } from './raw-texts';
import type { ExecutionChecker } from './index-writer';
import type { PlainSearchText, Renormalize } from './renormalize';
import { readForSearch, type SearchTextReaders } from './stored-search-text';
import { EnrichmentState, type EnrichmentMarks } from './queries/enrichment-state';

export type { EnrichmentMarks } from './queries/enrichment-state';

/** What one step of the enrichment did. */
export interface EnrichmentStep {
  /** Events given their full text and derived rows in this step. */
  readonly events: number;
  /** Executions checked in this step. */
  readonly executions: number;
  /** True when this step merged the full-text index's segments (after the checks). */
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
 * transactions that each commit their mark, every event's full text and
 * derived rows (steps, side effects, snapshots, spans, plans) in id order, then
 * merges the full-text index it held from merging meanwhile (full-text-merges.ts),
 * which makes search whole and quick, then runs the cross-event checks of every
 * execution those events touched. A scan
 * that finds nothing waiting writes everything inline and moves the marks with
 * its own commit. An execution a reviewer opens early is enriched on demand.
 * It runs on the writer's connection, between the scan's batches.
 */
export class IndexEnrichment {
  private readonly statements;
  private readonly state: EnrichmentState;
  private readonly merges: FullTextMerges;
  private readonly readers: SearchTextReaders;
  /** The executions of the checks pass under way, and the enriched mark it will set when they are all checked. */
  private checking: { readonly ids: readonly number[]; next: number; readonly through: number } | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly renormalize: Renormalize,
    private readonly derived: DerivedRowsWriter,
    private readonly checker: ExecutionChecker,
    plainSearchText: PlainSearchText,
    private readonly fullText: FullTextRuns,
  ) {
    this.readers = { renormalize, plainSearchText };
    this.state = new EnrichmentState(db);
    this.merges = new FullTextMerges(db);
    this.statements = {
      setMark: db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
      eventsAfter: db.prepare(`${STORED_EVENT_SQL} WHERE e.id > ? ORDER BY e.id LIMIT ?`),
      eventsOfExecutionAfter: db.prepare(`${STORED_EVENT_SQL} WHERE e.execution_id = ? AND e.id > ? ORDER BY e.id`),
      block: db.prepare('SELECT data FROM raw_blocks WHERE id = ?').pluck(),
      setAhead: db.prepare('INSERT INTO enriched_ahead (execution_id, through) VALUES (?, ?) ON CONFLICT (execution_id) DO UPDATE SET through = excluded.through'),
      allAhead: db.prepare('SELECT execution_id, through FROM enriched_ahead').raw(),
      dropPassedAhead: db.prepare('DELETE FROM enriched_ahead WHERE through <= ?'),
      touchedExecutions: db.prepare('SELECT DISTINCT execution_id FROM events WHERE id > ? AND id <= ? AND execution_id IS NOT NULL').pluck(),
      executionCounts: db.prepare('SELECT family, key, open_count, close_count, exec_problems FROM executions WHERE id = ?'),
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
    this.statements.setMark.run('enriched_through', lastEventId);
    if (before.checkedThrough === before.enrichedThrough && this.checking === null) this.statements.setMark.run('checked_through', lastEventId);
  }

  /**
   * Takes one step, in one transaction: up to `eventLimit` events given their
   * full text and derived rows, or, once every event has them, a part of the
   * full-text index's merge, or, once it is merged, up to `executionLimit`
   * executions checked. Safe to stop between steps, or to be killed in one:
   * each commits its mark with its work.
   */
  step(eventLimit: number, executionLimit: number): EnrichmentStep {
    const run = this.db.transaction((): EnrichmentStep => {
      const events = this.enrichEvents(eventLimit);
      if (events > 0) return { events, executions: 0, merging: false, finished: false, searchable: false };
      // The merge before the checks: search is whole once every event has its text, and the checks do not change what it finds.
      if (this.merges.holding()) {
        const merged = this.merges.step(MERGE_PAGES_PER_STEP);
        return { events: 0, executions: 0, merging: true, finished: merged && !this.pending(), searchable: merged && this.textWhole() };
      }
      const executions = this.checkExecutions(executionLimit);
      return { events: 0, executions, merging: false, finished: this.checking === null && !this.pending(), searchable: this.textWhole() };
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
   * that the enrichment adds only their full text when it reaches them, and a
   * reader knows its checks are in. Returns false when there was nothing to do.
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
        this.check(executionId);
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
    return marks.enrichedThrough >= marks.lastEventId;
  }

  /** True when an execution's detail would read rows the enrichment has not written yet. */
  executionWaits(executionId: number): boolean {
    return this.state.executionWaits(executionId);
  }

  private enrichEvents(limit: number): number {
    const s = this.statements;
    const from = this.marks().enrichedThrough;
    const rows = s.eventsAfter.all(from, limit) as StoredEvent[];
    const last = rows[rows.length - 1];
    if (last === undefined) return 0;
    this.merges.hold();
    const raw = new RawTexts(s.block);
    // Usually empty: only executions a reviewer opened early, and the plan documents of their plans, are in them.
    const ahead = new Map(s.allAhead.all() as [number, number][]);
    const planEventsAhead = new Set(s.planEventsAheadIn.all(from, last.id) as number[]);
    const runs = this.fullText.builder();
    for (const row of rows) {
      const text = raw.of(row);
      // Most events of a plain family need only their search text, which their line gives without normalizing it again.
      const read = text === null ? null : readForSearch(this.readers, text, row);
      runs.add(row.id, row.source_id, read?.searchText ?? null);
      const again = read?.again;
      if (again == null) continue;
      if (row.same_as !== null) continue;
      if (row.execution_id !== null && row.id <= (ahead.get(row.execution_id) ?? 0)) continue;
      if (planEventsAhead.has(row.id)) continue;
      this.derived.insert(row.source_id, again.event, row.execution_id, row.id);
    }
    runs.end();
    s.dropPassedPlanEvents.run(last.id);
    s.setMark.run('enriched_through', last.id);
    return rows.length;
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
    for (const id of batch) this.check(id);
    if (this.checking.next >= this.checking.ids.length) {
      s.setMark.run('checked_through', this.checking.through);
      s.dropPassedAhead.run(this.checking.through);
      this.checking = null;
    }
    return batch.length;
  }

  /** Runs an execution's cross-event checks where they can find something (the scan's own rule). */
  private check(executionId: number): void {
    const row = this.statements.executionCounts.get(executionId) as
      | { family: string; key: string; open_count: number; close_count: number; exec_problems: number }
      | undefined;
    if (row !== undefined && this.checker.needsCheck(row.family, row.key, row)) this.checker.refresh(executionId, row.family, row.key);
  }
}
