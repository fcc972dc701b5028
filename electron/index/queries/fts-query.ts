/** What a reviewer's search text asks of the full-text index. */
export type FtsQuery =
  | { readonly kind: 'all' }
  | { readonly kind: 'none' }
  | { readonly kind: 'match'; readonly expression: string };

/** Characters the unicode61 tokenizer keeps in tokens (its default categories L*, N*, Co); all others separate tokens. */
const TOKEN_CHARACTER = /[\p{L}\p{N}\p{Co}]/u;

/**
 * Turns typed text into an FTS5 expression that cannot be a syntax error:
 * every whitespace-separated term becomes a quoted phrase (inner quotes
 * doubled), all required. FTS5 operators (`OR`, `NOT`, `NEAR(`, `*`, `-`,
 * column filters) are thereby searched as text, never obeyed. A term with no
 * token character is dropped: it would be an empty phrase, which matches
 * nothing and would empty the whole query. Blank text filters nothing; text of
 * punctuation only matches nothing.
 */
export function toFtsQuery(text: string): FtsQuery {
  const terms = text.split(/\s+/u).filter((term) => term.length > 0);
  if (terms.length === 0) return { kind: 'all' };
  const searchable = terms.filter((term) => TOKEN_CHARACTER.test(term));
  if (searchable.length === 0) return { kind: 'none' };
  return { kind: 'match', expression: searchable.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ') };
}
