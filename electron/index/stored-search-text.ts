import type { RawTexts } from './raw-texts';
import type { WholeLineSearchText, Renormalize } from './renormalize';

/** How a stored event is read again: the ingest's own readers, passed in (the index imports no ingest). */
export interface SearchTextReaders {
  readonly renormalize: Renormalize;
  readonly wholeLineSearchText: WholeLineSearchText;
}

/** What a stored event's search text is read with, beside its raw text and its source's path. */
export interface StoredTextPlace {
  readonly family: string;
  readonly part: number;
  readonly source_id: number;
}

/** A source's path by its id; asked only of an event that must be normalized again. */
export type SourcePathOf = (sourceId: number) => string;

/**
 * The text full-text search indexes for a stored event, derived again from its
 * raw text: the enrichment indexes exactly this (the same text the reader gave
 * an event written inline), and a search that checks an event on its own
 * (queries/full-text-check.ts) checks exactly this, so the two cannot
 * disagree. A line read as one event searched whole gives it without being
 * normalized again (nor its source's path looked up); null when the raw text
 * is no longer an event. It is the line's values as written, so it does not
 * depend on a source's time zone (a test holds it to that).
 */
export function readForSearch(readers: SearchTextReaders, raw: string, place: StoredTextPlace, pathOf: SourcePathOf): string | null {
  const whole = place.part === 0 ? readers.wholeLineSearchText(raw, place.family) : null;
  return whole ?? readers.renormalize(raw, pathOf(place.source_id), place.part)?.searchText ?? null;
}

/**
 * The search text of a stored event read through its raw block (readForSearch);
 * null when it has none. The enrichment's full-text pass and the thread that
 * prepares its texts (full-text-preparation.ts) both run this, so a prepared
 * text is the writer's own.
 */
export function searchTextOf(
  row: StoredTextPlace & { readonly raw_block: number | null; readonly raw_at: number; readonly raw_len: number },
  raw: RawTexts,
  readers: SearchTextReaders,
  pathOf: SourcePathOf,
): string | null {
  const text = raw.of(row);
  return text === null ? null : readForSearch(readers, text, row, pathOf);
}

/**
 * Sources' paths looked up as asked and kept: one per source of a step that
 * has an event to normalize again, rather than a join on every event read. A
 * source gone since reads as no path, which changes no search text.
 */
export function sourcePathsOf(statement: { get(id: number): unknown }): SourcePathOf {
  const known = new Map<number, string>();
  return (sourceId) => {
    let path = known.get(sourceId);
    if (path === undefined) {
      const found = statement.get(sourceId);
      path = typeof found === 'string' ? found : '';
      known.set(sourceId, path);
    }
    return path;
  };
}
