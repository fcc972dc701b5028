import Database from 'better-sqlite3';
import type { HasTokens } from './fts-query';

/** Terms remembered: a reviewer pages through one search many times. */
const REMEMBERED = 1_000;

/** The tokenizer's scratch database and what it answered, one per thread, made on first use. */
let tokenizer: { readonly words: (term: string) => number; readonly known: Map<string, boolean> } | null = null;

/**
 * Whether a search term holds a word, by the index's own tokenizer: FTS5's
 * default (unicode61, diacritics removed), asked through a table of an
 * in-memory database of its own, never the index's connection (read-only and
 * query-only). JavaScript's Unicode tables are newer than SQLite's: a query
 * for 🥑 or ₽, which the index holds as words, was dropped as punctuation, and
 * a letter SQLite splits on (New Tai Lue's) emptied every query it was in.
 */
export const hasTokensByIndex: HasTokens = (term) => {
  tokenizer ??= scratchTokenizer();
  const remembered = tokenizer.known.get(term);
  if (remembered !== undefined) return remembered;
  const found = tokenizer.words(term) > 0;
  if (tokenizer.known.size >= REMEMBERED) tokenizer.known.clear();
  tokenizer.known.set(term, found);
  return found;
};

function scratchTokenizer(): { readonly words: (term: string) => number; readonly known: Map<string, boolean> } {
  const db = new Database(':memory:');
  db.exec("CREATE VIRTUAL TABLE terms USING fts5 (term); CREATE VIRTUAL TABLE terms_vocab USING fts5vocab (terms, 'row');");
  const insert = db.prepare('INSERT INTO terms (term) VALUES (?)');
  const count = db.prepare('SELECT count(*) FROM terms_vocab').pluck();
  const clear = db.prepare('DELETE FROM terms');
  return {
    known: new Map(),
    words: (term) => {
      insert.run(term);
      try {
        return count.get() as number;
      } finally {
        clear.run();
      }
    },
  };
}
