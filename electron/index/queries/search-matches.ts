import type { StatementCache } from './statement-cache';

/**
 * Up to this many matches, a search page looks each match up and sorts them by
 * time (tens of milliseconds); past it, walking events in time order and keeping
 * the matches is cheaper, since at least one event in (events / this) matches.
 */
export const SORTED_MATCHES_LIMIT = 20_000;

/** Searches whose match sets are kept, for paging on through the same results. */
const REMEMBERED_SEARCHES = 4;

/** The events a full-text expression matches, as a bit per event id. */
export class MatchSet {
  constructor(
    private readonly bits: Uint8Array,
    /** Ids at or past this were written after the set was read: their match is unknown. */
    readonly idLimit: number,
  ) {}

  /** True when the event matches; only for ids below idLimit. */
  has(id: number): boolean {
    return ((this.bits[id >>> 3] as number) & (1 << (id & 7))) !== 0;
  }
}

/**
 * How a full-text expression is best answered in time order: few matches are
 * looked up and sorted; for many (a common word matches a million events), the
 * sort over all of them is what made a page slow, so they are read once, by
 * rowid from the FTS index alone, into a MatchSet that a walk in time order tests.
 */
export class SearchMatches {
  private readonly remembered = new Map<string, MatchSet>();
  private rememberedVersion: number | null = null;

  constructor(
    private readonly cache: StatementCache,
    private readonly sortedLimit = SORTED_MATCHES_LIMIT,
  ) {}

  /** The match set of a common expression, or null when it matches few enough events to sort. */
  commonMatches(expression: string): MatchSet | null {
    const version = this.cache.get('PRAGMA data_version').pluck().get() as number;
    if (version !== this.rememberedVersion) {
      this.remembered.clear();
      this.rememberedVersion = version;
    }
    const known = this.remembered.get(expression);
    if (known !== undefined) return known;
    const some = this.cache.get('SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)').pluck().get(expression, this.sortedLimit + 1) as number;
    if (some <= this.sortedLimit) return null;
    // Read the limit first: an event committed after it is not in the set and must not be taken as a non-match.
    const idLimit = ((this.cache.get('SELECT max(id) FROM events').pluck().get() as number | null) ?? 0) + 1;
    const bits = new Uint8Array((idLimit >>> 3) + 1);
    for (const id of this.cache.get('SELECT rowid FROM events_fts WHERE events_fts MATCH ?').pluck().all(expression) as number[]) {
      if (id < idLimit) bits[id >>> 3] = (bits[id >>> 3] as number) | (1 << (id & 7));
    }
    const set = new MatchSet(bits, idLimit);
    if (this.remembered.size >= REMEMBERED_SEARCHES) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(expression, set);
    return set;
  }
}
