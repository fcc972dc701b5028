import type Database from 'better-sqlite3';
import type { ProblemCode } from '../../shared/model/problem-code';
import { isUntracedKey } from '../../shared/model/execution-id';

interface Finding {
  readonly sourceId: number | null;
  readonly line: number | null;
  readonly eventId: number | null;
  readonly code: ProblemCode;
  readonly message: string;
}

interface EventRef {
  readonly id: number;
  readonly source_id: number;
  readonly line: number;
  readonly kind: string;
}

/**
 * Recomputes the problems that only show across events of one execution
 * (duplicate terminal events, unpaired dispatches, duplicate finishes) and keeps
 * the execution's problem count in step. Cheap: it reads only that execution's
 * terminal-like events through the (execution_id, ts) index.
 */
export class ExecutionProblems {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      before: db.prepare('SELECT exec_problems FROM executions WHERE id = ?'),
      clear: db.prepare("DELETE FROM problems WHERE execution_id = ? AND origin = 'execution'"),
      insert: db.prepare("INSERT INTO problems (source_id, line, code, message, execution_id, event_id, origin) VALUES (?, ?, ?, ?, ?, ?, 'execution')"),
      count: db.prepare('UPDATE executions SET exec_problems = ?, problem_count = problem_count - ? + ? WHERE id = ?'),
      terminals: db.prepare("SELECT id, source_id, line, kind FROM events WHERE execution_id = ? AND kind = 'terminal' ORDER BY ts, id"),
      dispatches: db.prepare("SELECT id, source_id, line, kind FROM events WHERE execution_id = ? AND kind IN ('PAC_DISPATCH_START', 'PAC_DISPATCH_END') ORDER BY ts, id"),
      finishes: db.prepare("SELECT id, source_id, line, kind FROM events WHERE execution_id = ? AND kind = 'execution_finished' ORDER BY ts, id"),
      firstEvent: db.prepare('SELECT id, source_id, line, kind FROM events WHERE execution_id = ? ORDER BY id LIMIT 1'),
    };
  }

  /** Replaces one execution's cross-event problems; returns how many it has now. */
  refresh(executionId: number, family: string, key: string): number {
    const s = this.statements;
    const findings = this.find(executionId, family, key);
    const before = s.before.get(executionId) as { exec_problems: number };
    s.clear.run(executionId);
    for (const f of findings) s.insert.run(f.sourceId, f.line, f.code, f.message, executionId, f.eventId);
    s.count.run(findings.length, before.exec_problems, findings.length, executionId);
    return findings.length;
  }

  private find(executionId: number, family: string, key: string): Finding[] {
    const s = this.statements;
    if (family === 'exec-event' && !isUntracedKey(key)) {
      const terminals = s.terminals.all(executionId) as EventRef[];
      return terminals.slice(1).map((e, i) => ({
        sourceId: e.source_id, line: e.line, eventId: e.id, code: 'exec.duplicate_terminal_event',
        message: `trace_id "${key}" has ${terminals.length} terminal events; this is number ${i + 2}.`,
      }));
    }
    if (family === 'benson') {
      const marks = s.dispatches.all(executionId) as EventRef[];
      const starts = marks.filter((e) => e.kind === 'PAC_DISPATCH_START');
      const ends = marks.filter((e) => e.kind === 'PAC_DISPATCH_END');
      if (starts.length === 1 && ends.length === 1) return [];
      const at = starts[0] ?? ends[0] ?? (s.firstEvent.get(executionId) as EventRef | undefined);
      return [{
        sourceId: at?.source_id ?? null, line: at?.line ?? null, eventId: at?.id ?? null, code: 'benson.unpaired_dispatch',
        message: `PAC ${key} has ${starts.length} PAC_DISPATCH_START and ${ends.length} PAC_DISPATCH_END events; exactly one of each is expected.`,
      }];
    }
    if (family === 'record') {
      const finishes = s.finishes.all(executionId) as EventRef[];
      return finishes.slice(1).map((e, i) => ({
        sourceId: e.source_id, line: e.line, eventId: e.id, code: 'record.duplicate_finish',
        message: `execution ${key} was finished ${finishes.length} times; this is number ${i + 2}.`,
      }));
    }
    return [];
  }
}
