import type Database from 'better-sqlite3';
import { openIndexReadOnly } from '../../electron/index/open-index';
import { matchingEventIds } from '../../electron/index/queries/search-matches';
import { StatementCache } from '../../electron/index/queries/statement-cache';

/** The ids, ascending, of the events a full-text expression matches, the way a search finds them. */
export function fullTextMatches(db: Database.Database, expression: string): number[] {
  const ids: number[] = [];
  matchingEventIds(new StatementCache(db), expression, 0, Number.MAX_SAFE_INTEGER, (id) => ids.push(id));
  return ids.sort((a, b) => a - b);
}

/** fullTextMatches over an index file, opened read-only. */
export function fullTextMatchesIn(dbPath: string, expression: string): number[] {
  const db = openIndexReadOnly(dbPath);
  try {
    return fullTextMatches(db, expression);
  } finally {
    db.close();
  }
}
