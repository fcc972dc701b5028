import type Database from 'better-sqlite3';
import { EXECUTION_FAMILIES, FAMILIES, type ExecutionFamily, type Family } from '../../shared/model/family';

/** The counts the CLI `index --json` prints and the overview starts from. */
export interface IndexSummary {
  readonly files: { readonly indexed: number; readonly skipped: number; readonly gone: number };
  readonly events: Record<Family, number>;
  readonly executions: Record<ExecutionFamily, number>;
  readonly problems: number;
}

/** Reads the summary from the maintained counters; never scans the events table. */
export function readIndexSummary(db: Database.Database): IndexSummary {
  const files = db
    .prepare(
      `SELECT sum(state = 'active') AS indexed, sum(state IN ('skipped', 'error')) AS skipped, sum(state = 'gone') AS gone FROM sources`,
    )
    .get() as { indexed: number | null; skipped: number | null; gone: number | null };
  const events = Object.fromEntries(FAMILIES.map((f) => [f, 0])) as Record<Family, number>;
  for (const row of db.prepare('SELECT family, events FROM family_counts').all() as { family: Family; events: number }[]) {
    events[row.family] = row.events;
  }
  const executions = Object.fromEntries(EXECUTION_FAMILIES.map((f) => [f, 0])) as Record<ExecutionFamily, number>;
  for (const row of db.prepare('SELECT family, count(*) AS n FROM executions GROUP BY family').all() as { family: ExecutionFamily; n: number }[]) {
    executions[row.family] = row.n;
  }
  const problems = (db.prepare('SELECT count(*) AS n FROM problems').get() as { n: number }).n;
  return { files: { indexed: files.indexed ?? 0, skipped: files.skipped ?? 0, gone: files.gone ?? 0 }, events, executions, problems };
}
