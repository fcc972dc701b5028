import type Database from 'better-sqlite3';
import type { HasTokens } from './fts-query';

/** Terms remembered per connection: a reviewer pages through one search many times. */
const REMEMBERED = 1_000;

/**
 * Whether a search term holds a word, by the index's own tokenizer: FTS5's
 * default (unicode61, diacritics removed), asked through a scratch table in the
 * connection's temporary schema. JavaScript's Unicode tables are newer than
 * SQLite's: a query for 🥑 or ₽, which the index holds as words, was dropped
 * as punctuation, and a letter SQLite splits on (New Tai Lue's) emptied every
 * query it was in. The index's own connection is asked because it has the
 * right build of SQLite loaded (Electron's, or the one for this Node); a
 * reader's connection is read-only, so nothing can reach the index file, and
 * is query-only but for these writes to its temporary schema.
 */
export function tokenizerTerms(db: Database.Database): HasTokens {
  const known = new Map<string, boolean>();
  let scratch: { insert: Database.Statement; count: Database.Statement; clear: Database.Statement } | null = null;
  return (term) => {
    const remembered = known.get(term);
    if (remembered !== undefined) return remembered;
    const queryOnly = db.pragma('query_only', { simple: true }) as number;
    if (queryOnly !== 0) db.pragma('query_only = OFF');
    let words: number;
    try {
      scratch ??= prepareScratch(db);
      scratch.insert.run(term);
      words = scratch.count.get() as number;
      scratch.clear.run();
    } finally {
      if (queryOnly !== 0) db.pragma('query_only = ON');
    }
    if (known.size >= REMEMBERED) known.clear();
    known.set(term, words > 0);
    return words > 0;
  };
}

function prepareScratch(db: Database.Database): { insert: Database.Statement; count: Database.Statement; clear: Database.Statement } {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_terms USING fts5 (term);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.query_terms_vocab USING fts5vocab (temp, query_terms, 'row');`);
  return {
    insert: db.prepare('INSERT INTO temp.query_terms (term) VALUES (?)'),
    count: db.prepare('SELECT count(*) FROM temp.query_terms_vocab').pluck(),
    clear: db.prepare('DELETE FROM temp.query_terms'),
  };
}
