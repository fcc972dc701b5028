import type Database from 'better-sqlite3';
import { rawTextSql } from '../raw-blocks';
import { readForSearch, type SearchTextReaders } from '../stored-search-text';
import type { StatementCache } from './statement-cache';

/** Events as readForSearch reads them, by id. */
const EVENTS_SQL = `SELECT e.id, e.family, e.part, e.source_id, s.path, ${rawTextSql('e')} AS raw FROM events e JOIN sources s ON s.id = e.source_id
  WHERE e.id IN (SELECT value FROM json_each(?))`;

/**
 * Which of some events a full-text expression matches, each on its own, found
 * without the index's full-text rows: each event's search text is derived
 * again from its raw text exactly as the enrichment indexed it, put in a
 * scratch FTS5 table of the connection's temporary schema, one row per event,
 * and asked the same expression, with the same tokenizer (FTS5's default,
 * unicode61, as the index's own table) and the same query syntax. A search uses
 * it for the few events a page walks past when asking every column of the
 * index (search-matches.ts) would cost more. Nothing is written to the index:
 * the temporary schema lives with the connection, and the scratch rows are
 * deleted before each check returns. Not to be called while a statement of the
 * connection is being read: the scratch table is written.
 */
export class FullTextCheck {
  private scratchReady = false;

  constructor(
    private readonly db: Database.Database,
    private readonly cache: StatementCache,
    private readonly readers: SearchTextReaders,
  ) {}

  /** The ids among these that the expression matches. */
  matching(expression: string, ids: readonly number[]): number[] {
    if (ids.length === 0) return [];
    const texts: [number, string][] = [];
    for (const row of this.cache.get(EVENTS_SQL).all(JSON.stringify(ids)) as { id: number; family: string; part: number; source_id: number; path: string; raw: string | null }[]) {
      const text = row.raw === null ? null : readForSearch(this.readers, row.raw, row, () => row.path);
      if (text !== null && text !== '') texts.push([row.id, text]);
    }
    return texts.length === 0 ? [] : this.match(expression, texts);
  }

  private match(expression: string, texts: readonly [number, string][]): number[] {
    // A reader's connection refuses every write (query_only); its temporary schema is its own, so the guard is lifted for the scratch table only.
    const guarded = this.db.pragma('query_only', { simple: true }) === 1;
    if (guarded) this.db.pragma('query_only = OFF');
    try {
      if (!this.scratchReady) {
        this.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_check USING fts5 (text)');
        this.scratchReady = true;
      }
      return this.db.transaction((): number[] => {
        const insert = this.cache.get('INSERT INTO temp.search_check (rowid, text) VALUES (?, ?)');
        for (const [id, text] of texts) insert.run(id, text);
        const matched = this.cache.get('SELECT rowid FROM temp.search_check WHERE search_check MATCH ?').pluck().all(expression) as number[];
        this.cache.get('DELETE FROM temp.search_check').run();
        return matched;
      })();
    } finally {
      if (guarded) this.db.pragma('query_only = ON');
    }
  }
}
