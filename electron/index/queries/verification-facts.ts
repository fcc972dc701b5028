import type Database from 'better-sqlite3';

/** What `verify` needs besides the verdicts: which record executions to verify, and the folder's problems per code. */
export interface VerificationFacts {
  /** Every record execution key, in key order. */
  readonly recordKeys: string[];
  /** Problem counts per code, in code order. */
  readonly problems: Record<string, number>;
}

/** Reads the record execution keys and the problem counts per code from an index the scan just finished. */
export function readVerificationFacts(db: Database.Database): VerificationFacts {
  const recordKeys = db.prepare("SELECT key FROM executions WHERE family = 'record' ORDER BY key").pluck().all() as string[];
  const rows = db.prepare('SELECT code, count(*) AS n FROM problems GROUP BY code ORDER BY code').all() as { code: string; n: number }[];
  return { recordKeys, problems: Object.fromEntries(rows.map((row) => [row.code, row.n])) };
}
