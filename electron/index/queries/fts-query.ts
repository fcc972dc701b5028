/** What a reviewer's search text asks of the full-text index. */
export type FtsQuery =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'match'; readonly expression: string };

/** Whether the index's tokenizer makes at least one word of a term; a term without one would be an empty phrase. */
export type HasTokens = (term: string) => boolean;

/** Characters the unicode61 tokenizer keeps in tokens by Unicode's current tables (its categories L*, N*, Co). */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/**
 * A term's words by this runtime's Unicode tables, where no SQLite connection is
 * at hand to ask. SQLite's tables are older: it keeps as words some characters
 * these call symbols (newer emoji, ₽) and splits on a few these call letters,
 * so the index asks its own tokenizer instead (query-terms.ts).
 */
export const hasTokensByUnicode: HasTokens = (term) => TOKEN_CHARACTER.test(term);

/** A term: a quoted phrase standing alone (`"drop table"`), or a run of text without whitespace. */
const TERM = /(?<=^|\s)"([^"]*)"(?=\s|$)|\S+/gu;

/**
 * Turns typed text into an FTS5 expression that cannot be a syntax error:
 * every whitespace-separated term, and every phrase typed in double quotes
 * (`"drop table"`: its words next to each other, in that order), becomes a
 * quoted phrase (inner quotes doubled), all required, in any order. FTS5
 * operators (`OR`, `NOT`, `NEAR(`, `*`, `-`, column filters) are thereby
 * searched as text, never obeyed. A term the tokenizer makes no word of is
 * dropped: it would be an empty phrase, which matches nothing and would empty
 * the whole query. Blank text filters nothing; text without a word matches
 * nothing.
 */
export function toFtsQuery(text: string, hasTokens: HasTokens = hasTokensByUnicode): FtsQuery {
  const terms = [...text.matchAll(TERM)].map((match) => match[1] ?? match[0]);
  if (terms.length === 0) return { kind: 'all' };
  const searchable = terms.filter((term) => term.trim() !== '' && hasTokens(term));
  if (searchable.length === 0) return { kind: 'none' };
  return { kind: 'match', expression: searchable.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ') };
}
