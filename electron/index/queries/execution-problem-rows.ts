import type Database from 'better-sqlite3';
import type { RecordOrigin } from '../../../shared/formats/record-step-body';
import type { ExecutionIntegrity } from '../../../shared/model/execution-integrity';
import type { ProblemCode } from '../../../shared/model/problem-code';
import { rawTextSql } from '../raw-blocks';

/** One cross-event problem of an execution, where it shows. */
export interface ExecutionFinding {
  readonly sourceId: number | null;
  readonly line: number | null;
  readonly eventId: number | null;
  readonly code: ProblemCode;
  readonly message: string;
}

/** A step event as the chain check reads it: its body's place, and the line that carried it. */
export interface StepEventRef {
  readonly seq: number;
  readonly origin: RecordOrigin;
  readonly event_id: number;
  readonly source_id: number;
  readonly line: number;
}

/** A record observer line or document with its raw text, for the stream-vs-document comparison. */
export interface RecordEventRow {
  readonly id: number;
  readonly source_id: number;
  readonly line: number;
  readonly kind: string;
  readonly status: string | null;
  readonly raw: string;
}

/** An event of an execution, where it is. */
export interface EventRef {
  readonly id: number;
  readonly source_id: number;
  readonly line: number;
  readonly kind: string;
}

/** An event's place and kind with its time. */
export interface TimedEventRef extends EventRef {
  readonly ts: number | null;
}

/** An OTLP span of a trace whose parent the trace does not hold, or whose span id came before. */
export interface SpanRef {
  readonly event_id: number;
  readonly source_id: number;
  readonly line: number;
  readonly span_id: string;
  readonly parent_span_id: string | null;
}

/**
 * The reads and writes behind an execution's cross-event problems, prepared once
 * per connection. Reads go through the (execution_id, ts) index and touch only
 * that execution's terminal-like events.
 */
export class ExecutionProblemRows {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      integrity: db.prepare('UPDATE executions SET integrity = ? WHERE id = ?'),
      // Through executions_integrity; each one's events after the mark through events_execution.
      unchecked: db.prepare(
        "SELECT x.id, x.key FROM executions x WHERE x.integrity = 'unchecked' AND x.family = 'record' AND NOT EXISTS (SELECT 1 FROM events e WHERE e.execution_id = x.id AND e.id > ?)",
      ),
      before: db.prepare('SELECT exec_problems FROM executions WHERE id = ?'),
      clear: db.prepare("DELETE FROM problems WHERE execution_id = ? AND origin = 'execution'"),
      insert: db.prepare("INSERT INTO problems (source_id, line, code, message, execution_id, event_id, origin) VALUES (?, ?, ?, ?, ?, ?, 'execution')"),
      count: db.prepare('UPDATE executions SET exec_problems = ?, problem_count = problem_count - ? + ? WHERE id = ?'),
      terminals: db.prepare("SELECT id, source_id, line, kind FROM events WHERE execution_id = ? AND kind = 'terminal' ORDER BY ts, id"),
      dispatches: db.prepare("SELECT id, source_id, line, kind, ts FROM events WHERE execution_id = ? AND kind IN ('PAC_DISPATCH_START', 'PAC_DISPATCH_START_WITH_SESSION', 'PAC_DISPATCH_END') AND same_as IS NULL ORDER BY ts, id"),
      finishes: db.prepare("SELECT id, source_id, line, kind FROM events WHERE execution_id = ? AND kind = 'execution_finished' ORDER BY ts, id"),
      firstEvent: db.prepare('SELECT id, source_id, line, kind FROM events WHERE execution_id = ? ORDER BY id LIMIT 1'),
      stepEvents: db.prepare(
        'SELECT s.seq, s.origin, s.event_id, e.source_id, e.line FROM step_events s JOIN events e ON e.id = s.event_id WHERE s.execution_id = ? AND s.origin = ? ORDER BY s.event_id, s.seq',
      ),
      // Through otlp_spans_execution: each parent looked up among the trace's own spans.
      orphanSpans: db.prepare(
        `SELECT o.event_id, e.source_id, e.line, o.span_id, o.parent_span_id FROM otlp_spans o JOIN events e ON e.id = o.event_id
         WHERE o.execution_id = ? AND o.parent_span_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM otlp_spans p WHERE p.execution_id = o.execution_id AND p.span_id = o.parent_span_id)
         ORDER BY o.event_id`,
      ),
      repeatedSpans: db.prepare(
        `SELECT o.event_id, e.source_id, e.line, o.span_id, o.parent_span_id FROM otlp_spans o JOIN events e ON e.id = o.event_id
         WHERE o.execution_id = ? AND EXISTS (SELECT 1 FROM otlp_spans p WHERE p.execution_id = o.execution_id AND p.span_id = o.span_id AND p.event_id < o.event_id)
         ORDER BY o.event_id`,
      ),
      recordEvents: db.prepare(
        `SELECT e.id, e.source_id, e.line, e.kind, e.status, ${rawTextSql('e')} AS raw FROM events e
         WHERE e.execution_id = ? AND e.kind IN ('execution_started', 'execution_finished', 'record_document') ORDER BY e.id`,
      ),
    };
  }

  /** The spans of an OTLP trace whose parent span no file of the folder holds (yet), in the order they were read. */
  orphanSpans(executionId: number): SpanRef[] {
    return this.statements.orphanSpans.all(executionId) as SpanRef[];
  }

  /** The spans of an OTLP trace whose span id an earlier span of the trace already has. */
  repeatedSpans(executionId: number): SpanRef[] {
    return this.statements.repeatedSpans.all(executionId) as SpanRef[];
  }

  /** Replaces the execution's cross-event problems with `findings` and keeps its problem counts in step. */
  replace(executionId: number, findings: readonly ExecutionFinding[]): void {
    const s = this.statements;
    const before = s.before.get(executionId) as { exec_problems: number };
    s.clear.run(executionId);
    for (const f of findings) s.insert.run(f.sourceId, f.line, f.code, f.message, executionId, f.eventId);
    s.count.run(findings.length, before.exec_problems, findings.length, executionId);
  }

  /** Stores a record execution's tamper-evidence state. */
  setIntegrity(executionId: number, integrity: ExecutionIntegrity): void {
    this.statements.integrity.run(integrity, executionId);
  }

  /**
   * The record executions stored as `unchecked` that have no event past
   * `checkedThrough`: the enrichment's checks will not reach them (an index
   * migrated from an older schema). The others wait for those checks.
   */
  uncheckedRecords(checkedThrough: number): { readonly id: number; readonly key: string }[] {
    return this.statements.unchecked.all(checkedThrough) as { id: number; key: string }[];
  }

  /** Runs `work` in one transaction of this connection (nested inside an open one, as a savepoint). */
  inTransaction(work: () => void): void {
    this.db.transaction(work)();
  }

  /** The execution's exec-event terminal events, in time order. */
  terminals(executionId: number): EventRef[] {
    return this.statements.terminals.all(executionId) as EventRef[];
  }

  /** The execution's Benson PAC_DISPATCH_START and _END events, in time order. */
  dispatches(executionId: number): TimedEventRef[] {
    return this.statements.dispatches.all(executionId) as TimedEventRef[];
  }

  /** The execution's record execution_finished lines, in time order. */
  finishes(executionId: number): EventRef[] {
    return this.statements.finishes.all(executionId) as EventRef[];
  }

  /** The execution's first event read, or undefined when it has none. */
  firstEvent(executionId: number): EventRef | undefined {
    return this.statements.firstEvent.get(executionId) as EventRef | undefined;
  }

  /** The step events of one origin in emission order. */
  stepEvents(executionId: number, origin: RecordOrigin): StepEventRef[] {
    return this.statements.stepEvents.all(executionId, origin) as StepEventRef[];
  }

  /** The execution's execution_started, execution_finished and record_document events with their raw text, in read order. */
  recordEvents(executionId: number): RecordEventRow[] {
    return this.statements.recordEvents.all(executionId) as RecordEventRow[];
  }
}
