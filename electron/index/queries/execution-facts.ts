import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { checkpointSchema, cycleSchema } from '../../../shared/api/views';
import type { ExecutionFamily } from '../../../shared/model/family';
import type { OtlpLog, OtlpSpan } from '../../../shared/formats/otlp';
import type { RecordOrigin } from '../../../shared/formats/record-step-body';
import type { RollbackHintFact, SideEffectFact, SnapshotFact } from '../../../shared/model/normalized-event';
import { originalPath } from '../source-row';
import { naiveTimesOf } from '../source-zones';
import { EVENT_COLUMNS, EVENT_TABLES, toEventRow, type EventRow, type StoredEvent } from './list-events';
import { EXECUTION_COLUMNS, toExecutionRow, type ExecutionRow, type StoredExecution } from './list-executions';
import { rawTextSql } from '../raw-blocks';
import { PROBLEM_COLUMNS, PROBLEM_TABLES, toProblemRow, type ProblemRow, type StoredProblem } from './list-problems';
import { StepBodies } from './step-bodies';

/** Rows as the lists show them: the detail maps executions, events and problems with the lists' own functions, so the two cannot drift. */
export type { EventRow, ExecutionRow, ProblemRow };
/** One Benson checkpoint, as the API shows it. */
export type CheckpointRow = z.infer<typeof checkpointSchema>;
/** One improvement cycle, as the API shows it. */
export type CycleRow = z.infer<typeof cycleSchema>;

/** An execution as found in the index: its row id (for further reads) and its API row. */
export interface FoundExecution {
  readonly rowId: number;
  readonly row: ExecutionRow;
}

/** One stored step event, in emission order within its origin. */
export interface StoredStepEvent {
  readonly eventId: number;
  readonly origin: RecordOrigin;
  readonly stepIndex: number | null;
  readonly stepName: string | null;
  readonly eventType: string | null;
  readonly ts: number | null;
  readonly errorMessage: string | null;
  /** The step event as parsed, exactly what its hash covers. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** One stored side effect and the event that carried it, so duplicates across sources can be told apart. */
export interface StoredSideEffect {
  readonly eventId: number;
  readonly origin: 'observed' | 'declared';
  readonly via: 'stream' | 'document' | 'plan';
  readonly effect: SideEffectFact;
}

/** One stored security snapshot. */
export interface StoredSnapshot {
  readonly phase: 'pre' | 'post';
  readonly via: RecordOrigin;
  readonly snapshot: SnapshotFact;
}

/** One rollback hint and the plan document event it came from. */
export interface StoredHint {
  readonly eventId: number;
  readonly hint: RollbackHintFact;
}

/** One stored OTLP span and the event (the span's part of its line) it was read from. */
export interface StoredOtlpSpan {
  readonly eventId: number;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly body: OtlpSpan;
}

/** One stored OTLP log record of a trace and its event. */
export interface StoredOtlpLog {
  readonly eventId: number;
  readonly spanId: string | null;
  readonly body: OtlpLog;
}

/** A source file of the folder as the index names it. */
export interface StoredSource {
  readonly id: number;
  /** Relative to the folder, '/'-separated, without the index's gone/moving marks. */
  readonly path: string;
  readonly state: string;
  /** Null when the file has no times without zone; else the zone they were read in (null: UTC). */
  readonly naiveTimes: { readonly zone: string | null } | null;
}

/** A place in the folder a report cites. */
export interface CitedLine {
  readonly sourceId: number;
  readonly line: number;
}

/** The raw text of one event of an execution. */
export interface RawEvent {
  readonly id: number;
  readonly kind: string;
  /** Its time in epoch milliseconds, null when it has none. */
  readonly ts: number | null;
  readonly raw: string;
}

/** A step_events row as read (`raw`): event_id, origin, seq, step_index, step_name, event_type, ts, error_message. */
type StepEventDbRow = readonly [number, RecordOrigin, number, number | null, string | null, string | null, number | null, string | null];

/** A side_effects row as read (`raw`): event_id, origin, via, step_index, category, description, reversible, details. */
type SideEffectDbRow = readonly [
  number,
  'observed' | 'declared',
  'stream' | 'document' | 'plan',
  number | null,
  string | null,
  string | null,
  number | null,
  string | null,
];

/** At most this many problems come with an execution; the rest are paged through listProblems. */
export const EXECUTION_PROBLEM_LIMIT = 500;

/**
 * Reads what the index knows about one execution, with every statement
 * prepared once per connection. Rows come back in the API's shapes, so the
 * assembler above it never sees SQL column names.
 */
export class ExecutionFacts {
  private readonly statements;
  private readonly stepBodies: StepBodies;

  constructor(readonly db: Database.Database) {
    this.stepBodies = new StepBodies(db);
    this.statements = {
      execution: db.prepare(`SELECT ${EXECUTION_COLUMNS} FROM executions x WHERE x.family = ? AND x.key = ?`),
      events: db.prepare(`SELECT ${EVENT_COLUMNS} FROM ${EVENT_TABLES} WHERE e.execution_id = ? ORDER BY e.ts, e.id LIMIT ?`),
      // Rows as arrays (`raw`): 60,000 of them read several times faster than as objects, and make less garbage.
      stepEvents: db
        .prepare(
          `SELECT event_id, origin, seq, step_index, step_name, event_type, ts, error_message FROM step_events
           WHERE execution_id = ? ORDER BY origin, event_id, seq`,
        )
        .raw(),
      // Arrays, as step events: a long run declares and observes tens of thousands of effects.
      sideEffects: db
        .prepare(
          `SELECT event_id, origin, via, step_index, category, description, reversible, details FROM side_effects
           WHERE execution_id = ? ORDER BY event_id, id`,
        )
        .raw(),
      planSideEffects: db
        .prepare(
          `SELECT event_id, origin, via, step_index, category, description, reversible, details FROM side_effects
           WHERE plan_id = ? AND via = 'plan' ORDER BY event_id, id`,
        )
        .raw(),
      snapshots: db.prepare('SELECT phase, via, captured_at, security_state, fields FROM snapshots WHERE execution_id = ? ORDER BY event_id, id'),
      checkpoints: db.prepare('SELECT event_id, checkpoint_id, name, status, details, ts FROM checkpoints WHERE execution_id = ? ORDER BY event_id, id'),
      cycles: db.prepare(
        `SELECT e.cycle, min(e.ts) AS first_ms, max(e.ts) AS last_ms, count(*) AS event_count, sum(e.failed) AS failure_count,
           (SELECT d.status FROM events d WHERE d.execution_id = e.execution_id AND d.cycle IS e.cycle AND d.kind = 'review.decision'
            ORDER BY d.ts DESC, d.id DESC LIMIT 1) AS decision
         FROM events e WHERE e.execution_id = ? GROUP BY e.cycle ORDER BY e.cycle IS NULL, e.cycle`,
      ),
      problems: db.prepare(`SELECT ${PROBLEM_COLUMNS} FROM ${PROBLEM_TABLES} WHERE p.execution_id = ? ORDER BY p.id LIMIT ?`),
      otlpSpans: db.prepare('SELECT event_id, span_id, parent_span_id, start_ms, end_ms, body FROM otlp_spans WHERE execution_id = ? ORDER BY start_ms IS NULL, start_ms, event_id LIMIT ?'),
      otlpLogs: db.prepare('SELECT event_id, span_id, body FROM otlp_logs WHERE execution_id = ? ORDER BY time_ms IS NULL, time_ms, event_id LIMIT ?'),
      planExists: db.prepare('SELECT 1 AS found FROM plans WHERE plan_id = ? LIMIT 1'),
      hints: db.prepare('SELECT event_id, step_index, description, actions, risks FROM rollback_hints WHERE plan_id = ? ORDER BY event_id, position'),
      rawOfKind: db.prepare(`SELECT e.id, e.kind, ${rawTextSql('e')} AS raw FROM events e WHERE e.execution_id = ? AND e.kind = ? ORDER BY e.id`),
      hasOtherKind: db.prepare('SELECT 1 AS found FROM events WHERE execution_id = ? AND kind != ? LIMIT 1'),
      // A second sighting of an event (the same event in another file) is not counted again.
      inFileOrder: db.prepare(`SELECT e.id, e.kind, e.ts, ${rawTextSql('e')} AS raw FROM events e WHERE e.execution_id = ? AND e.same_as IS NULL ORDER BY e.source_id, e.line, e.id`),
      sourceIds: db.prepare('SELECT DISTINCT source_id FROM events WHERE execution_id = ?'),
      source: db.prepare('SELECT id, path, state, carry, time_zone FROM sources WHERE id = ?'),
      // What a report shows: its first events and problems, every step event, and the plan documents it takes hints from.
      citedLines: db.prepare(
        `SELECT source_id, line FROM (SELECT source_id, line FROM events WHERE execution_id = @execution ORDER BY ts, id LIMIT @events)
         UNION SELECT e.source_id, e.line FROM step_events st JOIN events e ON e.id = st.event_id WHERE st.execution_id = @execution
         UNION SELECT source_id, line FROM (SELECT source_id, line FROM problems WHERE execution_id = @execution ORDER BY id LIMIT @problems)
           WHERE source_id IS NOT NULL AND line IS NOT NULL
         UNION SELECT e.source_id, e.line FROM plans p JOIN events e ON e.id = p.event_id WHERE p.plan_id = @plan
         ORDER BY source_id, line`,
      ),
    };
  }

  /** The execution `<family>:<key>` names, or null when the index has none. */
  find(family: ExecutionFamily, key: string): FoundExecution | null {
    const row = this.statements.execution.get(family, key) as StoredExecution | undefined;
    return row === undefined ? null : { rowId: row.id, row: toExecutionRow(row) };
  }

  /** The first `limit` events of an execution in time order (ties by id). */
  events(execution: FoundExecution, limit: number): EventRow[] {
    return (this.statements.events.all(execution.rowId, limit) as StoredEvent[]).map(toEventRow);
  }

  /** Every step event of a record execution: stream ones first, each origin in emission order. */
  stepEvents(execution: FoundExecution): StoredStepEvent[] {
    const rows = this.statements.stepEvents.all(execution.rowId) as StepEventDbRow[];
    // Bodies are read from the raw lines only when one is asked for (to verify a chain): a comparison never
    // needs them, and on a run of 60,000 step events they are most of the cost.
    const bodies = new LazyStepBodies(this.stepBodies, rows);
    // 'document' sorts before 'stream'; the caller picks an origin, so only the order within one matters.
    return rows.map((row, index) => new StepEventRow(row, bodies, index));
  }

  /** The side effects a record execution's own events carry (observed and declared). */
  sideEffects(execution: FoundExecution): StoredSideEffect[] {
    return (this.statements.sideEffects.all(execution.rowId) as SideEffectDbRow[]).map(storedSideEffect);
  }

  /** The side effects the plan documents with this plan_id declare. */
  planSideEffects(planId: string): StoredSideEffect[] {
    return (this.statements.planSideEffects.all(planId) as SideEffectDbRow[]).map(storedSideEffect);
  }

  /** The security snapshots of a record execution, in the order their events were read. */
  snapshots(execution: FoundExecution): StoredSnapshot[] {
    const rows = this.statements.snapshots.all(execution.rowId) as { phase: 'pre' | 'post'; via: RecordOrigin; captured_at: string | null; security_state: string | null; fields: string }[];
    return rows.map((row) => ({
      phase: row.phase,
      via: row.via,
      snapshot: { capturedAt: row.captured_at, securityState: row.security_state, fields: JSON.parse(row.fields) as Record<string, unknown> },
    }));
  }

  /** The checkpoints of a Benson PAC in the order they were read. */
  checkpoints(execution: FoundExecution): CheckpointRow[] {
    const rows = this.statements.checkpoints.all(execution.rowId) as {
      event_id: number; checkpoint_id: string | null; name: string | null; status: string | null; details: string | null; ts: number | null;
    }[];
    return rows.map((row) => ({ eventId: row.event_id, checkpointId: row.checkpoint_id, name: row.name, status: row.status, details: row.details, ts: row.ts }));
  }

  /** The cycles of an improvement-cycle run, counted in SQL; events without a cycle form a last group. */
  cycles(execution: FoundExecution): CycleRow[] {
    const rows = this.statements.cycles.all(execution.rowId) as {
      cycle: number | null; first_ms: number | null; last_ms: number | null; event_count: number; failure_count: number | null; decision: string | null;
    }[];
    return rows.map((row) => ({
      cycle: row.cycle,
      firstMs: row.first_ms,
      lastMs: row.last_ms,
      eventCount: row.event_count,
      failureCount: row.failure_count ?? 0,
      decision: row.decision,
    }));
  }

  /** The execution's problems, oldest first, at most EXECUTION_PROBLEM_LIMIT. */
  problems(execution: FoundExecution): ProblemRow[] {
    return (this.statements.problems.all(execution.rowId, EXECUTION_PROBLEM_LIMIT) as StoredProblem[]).map(toProblemRow);
  }

  /** The first `limit` spans of an OTLP trace by start time (untimed last), each with the event it was read from. */
  otlpSpans(execution: FoundExecution, limit: number): StoredOtlpSpan[] {
    const rows = this.statements.otlpSpans.all(execution.rowId, limit) as { event_id: number; span_id: string; parent_span_id: string | null; start_ms: number | null; end_ms: number | null; body: string }[];
    return rows.map((row) => ({ eventId: row.event_id, spanId: row.span_id, parentSpanId: row.parent_span_id, startMs: row.start_ms, endMs: row.end_ms, body: JSON.parse(row.body) as OtlpSpan }));
  }

  /** The first `limit` log records of an OTLP trace by time (untimed last), each with its event. */
  otlpLogs(execution: FoundExecution, limit: number): StoredOtlpLog[] {
    const rows = this.statements.otlpLogs.all(execution.rowId, limit) as { event_id: number; span_id: string | null; body: string }[];
    return rows.map((row) => ({ eventId: row.event_id, spanId: row.span_id, body: JSON.parse(row.body) as OtlpLog }));
  }

  /** True when a plan document with this plan_id was indexed. */
  planExists(planId: string): boolean {
    return this.statements.planExists.get(planId) !== undefined;
  }

  /** The rollback hints of every plan document with this plan_id, in plan order. */
  hints(planId: string): StoredHint[] {
    const rows = this.statements.hints.all(planId) as { event_id: number; step_index: number | null; description: string; actions: string; risks: string }[];
    return rows.map((row) => ({
      eventId: row.event_id,
      hint: { stepIndex: row.step_index, description: row.description, actions: JSON.parse(row.actions) as string[], risks: JSON.parse(row.risks) as string[] },
    }));
  }

  /** The execution's events of one kind (e.g. its record documents), in the order they were read. */
  rawEventsOfKind(execution: FoundExecution, kind: string): RawEvent[] {
    return this.statements.rawOfKind.all(execution.rowId, kind) as RawEvent[];
  }

  /** True when the execution has an event of a kind other than `kind` (a record with an observer stream besides its document). */
  hasEventOtherThan(execution: FoundExecution, kind: string): boolean {
    return this.statements.hasOtherKind.get(execution.rowId, kind) !== undefined;
  }

  /** The execution's events in file order (file by file, line by line), read one at a time. */
  rawEventsInFileOrder(execution: FoundExecution): IterableIterator<RawEvent> {
    return this.statements.inFileOrder.iterate(execution.rowId) as IterableIterator<RawEvent>;
  }

  /** Every source file holding an event of the execution. */
  sourcesOf(execution: FoundExecution): StoredSource[] {
    const ids = (this.statements.sourceIds.all(execution.rowId) as { source_id: number }[]).map((row) => row.source_id);
    return this.sources(ids);
  }

  /** Sources by id, sorted by path; ids the index no longer has are left out. */
  sources(ids: Iterable<number>): StoredSource[] {
    const found: StoredSource[] = [];
    for (const id of new Set(ids)) {
      const row = this.statements.source.get(id) as { id: number; path: string; state: string; carry: string | null; time_zone: string | null } | undefined;
      if (row !== undefined) found.push({ id: row.id, path: originalPath(row.path), state: row.state, naiveTimes: naiveTimesOf(row.carry, row.time_zone) });
    }
    return found.sort((a, b) => compareCodeUnits(a.path, b.path) || a.id - b.id);
  }

  /**
   * The files and lines a report of the execution cites: its first `eventLimit`
   * events, its step events, its first problems and its plan documents.
   */
  citedLines(execution: FoundExecution, planId: string | null, eventLimit: number): CitedLine[] {
    const rows = this.statements.citedLines.all({ execution: execution.rowId, events: eventLimit, problems: EXECUTION_PROBLEM_LIMIT, plan: planId }) as {
      source_id: number; line: number;
    }[];
    return rows.map((row) => ({ sourceId: row.source_id, line: row.line }));
  }
}

function storedSideEffect(row: SideEffectDbRow): StoredSideEffect {
  const category = row[4];
  const description = row[5];
  const reversible = row[6];
  const details = row[7];
  return {
    eventId: row[0],
    origin: row[1],
    via: row[2],
    effect: {
      stepIndex: row[3],
      category: category ?? '',
      description: description ?? '',
      reversible: reversible === null ? null : reversible !== 0,
      details: details === null ? null : (JSON.parse(details) as unknown),
    },
  };
}

function compareCodeUnits(a: string, b: string): number {
  // Code-unit order so listings do not depend on the locale.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The bodies of one read of step events, parsed from their raw lines the first time one is asked for. */
class LazyStepBodies {
  private bodies: readonly Readonly<Record<string, unknown>>[] | null = null;

  constructor(
    private readonly reader: StepBodies,
    private readonly rows: readonly StepEventDbRow[],
  ) {}

  at(index: number): Readonly<Record<string, unknown>> {
    this.bodies ??= this.reader.of(this.rows.map(([event_id, origin, seq]) => ({ event_id, origin, seq })));
    return this.bodies[index] ?? {};
  }
}

/** A stored step event whose body is read on demand (a class, so 60,000 of them share one getter). */
class StepEventRow implements StoredStepEvent {
  readonly eventId: number;
  readonly origin: RecordOrigin;
  readonly stepIndex: number | null;
  readonly stepName: string | null;
  readonly eventType: string | null;
  readonly ts: number | null;
  readonly errorMessage: string | null;

  constructor(
    row: StepEventDbRow,
    private readonly bodies: LazyStepBodies,
    private readonly index: number,
  ) {
    this.eventId = row[0];
    this.origin = row[1];
    this.stepIndex = row[3];
    this.stepName = row[4];
    this.eventType = row[5];
    this.ts = row[6];
    this.errorMessage = row[7];
  }

  get body(): Readonly<Record<string, unknown>> {
    return this.bodies.at(this.index);
  }
}
