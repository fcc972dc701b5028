import type Database from 'better-sqlite3';
import type { ApiResponse } from '../../../shared/api/contract';
import { EXECUTION_FAMILIES, FAMILIES } from '../../../shared/model/family';

/** The overview's numbers that come from the index (the handler adds folder, progress and rebuild reason). */
export type IndexCounts = Omit<ApiResponse<'summary'>, 'folder' | 'progress' | 'indexRebuiltBecause'>;

const OUTCOMES = ['ok', 'failed', 'running', 'unknown'] as const;

/**
 * Reads the overview from maintained counters and indexes: event counts from
 * family_counts, never from a scan of events; executions from index ranges,
 * never from a scan of their table.
 */
export class SummaryReader {
  private readonly statements;
  private readonly readInTransaction: () => IndexCounts;

  constructor(db: Database.Database) {
    this.statements = {
      files: db.prepare(`SELECT sum(state = 'active') AS indexed, sum(state IN ('skipped', 'error')) AS skipped, sum(state = 'gone') AS gone FROM sources`),
      events: db.prepare('SELECT family, events FROM family_counts'),
      // An equality per family is a range of executions_family_first_ts; a GROUP BY over it compares every row's family.
      executionsOfFamily: db.prepare('SELECT count(*) FROM executions WHERE family = ?').pluck(),
      // The partial index executions_outcome holds exactly these rows; 'ok' is what is left.
      notOk: db.prepare("SELECT outcome, count(*) AS n FROM executions WHERE outcome != 'ok' GROUP BY outcome"),
      problems: db.prepare('SELECT code, count(*) AS n FROM problems GROUP BY code'),
      // Only records have a stored integrity: the partial index executions_integrity holds exactly them.
      integrity: db.prepare('SELECT integrity, count(*) AS n FROM executions WHERE integrity IS NOT NULL GROUP BY integrity'),
      // Scalar subqueries, so min and max are each one seek, in executions_first_ts and executions_last_ts.
      timeRange: db.prepare('SELECT (SELECT min(first_ts) FROM executions) AS lo, (SELECT max(last_ts) FROM executions) AS hi'),
    };
    // One snapshot: the writer may commit between two statements, and 'ok' is derived from the others.
    this.readInTransaction = db.transaction(() => this.readAll());
  }

  /** Counts per family, outcome and problem code, files by state, and the time the executions span. */
  read(): IndexCounts {
    return this.readInTransaction();
  }

  private readAll(): IndexCounts {
    const s = this.statements;
    const files = s.files.get() as { indexed: number | null; skipped: number | null; gone: number | null };
    const events: Record<string, number> = Object.fromEntries(FAMILIES.map((family) => [family, 0]));
    for (const row of s.events.all() as { family: string; events: number }[]) events[row.family] = row.events;
    const executions: Record<string, number> = Object.fromEntries(EXECUTION_FAMILIES.map((family) => [family, s.executionsOfFamily.get(family) as number]));
    const executionsByOutcome: Record<string, number> = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0]));
    let notOk = 0;
    for (const row of s.notOk.all() as { outcome: string; n: number }[]) {
      executionsByOutcome[row.outcome] = row.n;
      notOk += row.n;
    }
    executionsByOutcome['ok'] = Object.values(executions).reduce((a, b) => a + b, 0) - notOk;
    const problemsByCode: Record<string, number> = {};
    let problems = 0;
    for (const row of s.problems.all() as { code: string; n: number }[]) {
      problemsByCode[row.code] = row.n;
      problems += row.n;
    }
    const executionsByIntegrity: Record<string, number> = { intact: 0, broken: 0, unhashed: 0 };
    for (const row of s.integrity.all() as { integrity: string; n: number }[]) executionsByIntegrity[row.integrity] = row.n;
    const range = s.timeRange.get() as { lo: number | null; hi: number | null };
    return {
      files: { indexed: files.indexed ?? 0, skipped: files.skipped ?? 0, gone: files.gone ?? 0 },
      events,
      executions,
      executionsByOutcome,
      executionsByIntegrity,
      problems,
      problemsByCode,
      timeRange: { from: range.lo, to: range.hi },
    };
  }
}
