import { openIndexReadOnly } from '../../electron/index/open-index';
import { matchingEventIds } from '../../electron/index/queries/search-matches';
import { StatementCache } from '../../electron/index/queries/statement-cache';

/** The ids, ascending, of the events of an index file that a full-text expression matches, the way a search finds them. */
export function fullTextMatchesIn(dbPath: string, expression: string): number[] {
  const db = openIndexReadOnly(dbPath);
  try {
    const ids: number[] = [];
    matchingEventIds(new StatementCache(db), expression, 0, Number.MAX_SAFE_INTEGER, (id) => ids.push(id));
    return ids.sort((a, b) => a - b);
  } finally {
    db.close();
  }
}
