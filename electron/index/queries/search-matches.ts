import { ENRICHED_THROUGH_SQL } from './enrichment-state';
import type { StatementCache } from './statement-cache';

/**
 * Up to this many matches, a search page looks each match up and sorts them by
 * time (tens of milliseconds); past it, walking events in time order and keeping
 * the matches is cheaper, since at least one event in (events / this) matches.
 */
export const SORTED_MATCHES_LIMIT = 20_000;

/** The highest event id whose full text is known: the highest stored, or the enrichment's mark when it is behind (index-enrichment.ts). */
const ID_LIMIT_SQL = `SELECT min(coalesce((SELECT max(id) FROM events), 0), ${ENRICHED_THROUGH_SQL})`;

/** Searches whose match sets are kept, for paging on through the same results. */
const REMEMBERED_SEARCHES = 4;

/** The events a full-text expression matches, as a bit per event id. */
export class MatchSet {
  private bits: Uint8Array;

  constructor(
    /** Ids at or past this were written, or given their full text, after the set was last read: their match is unknown. */
    public idLimit: number,
    /** The index state (PRAGMA data_version) the set was last read at. */
    public version: number,
  ) {
    this.bits = new Uint8Array((idLimit >>> 3) + 1);
  }

  /** True when the event matches; only for ids below idLimit. */
  has(id: number): boolean {
    return ((this.bits[id >>> 3] ?? 0) & (1 << (id & 7))) !== 0;
  }

  /** Records a match. */
  add(id: number): void {
    if (id >>> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max((id >>> 3) + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    this.bits[id >>> 3] = (this.bits[id >>> 3] as number) | (1 << (id & 7));
  }
}

/**
 * How a full-text expression is best answered in time order: few matches are
 * looked up and sorted; for many (a common word matches a million events), the
 * sort over all of them is what made a page slow, so they are read once, by
 * rowid from the FTS index alone, into a MatchSet that a walk in time order
 * tests. While the folder is tailed the set is brought up to date by reading
 * only the newest matches: event ids only grow and are never given out twice,
 * so a set's bit for an event taken back since is never asked for again.
 */
export class SearchMatches {
  private readonly remembered = new Map<string, MatchSet>();

  constructor(
    private readonly cache: StatementCache,
    private readonly sortedLimit = SORTED_MATCHES_LIMIT,
  ) {}

  /** The match set of a common expression, or null when it matches few enough events to sort. */
  commonMatches(expression: string): MatchSet | null {
    const version = this.cache.get('PRAGMA data_version').pluck().get() as number;
    const known = this.remembered.get(expression);
    if (known !== undefined) {
      if (known.version !== version) this.readNewer(known, expression, version);
      return known;
    }
    const some = this.cache.get('SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)').pluck().get(expression, this.sortedLimit + 1) as number;
    if (some <= this.sortedLimit) return null;
    const set = new MatchSet(this.idLimit(), version);
    for (const id of this.cache.get('SELECT rowid FROM events_fts WHERE events_fts MATCH ?').pluck().all(expression) as number[]) {
      if (id < set.idLimit) set.add(id);
    }
    if (this.remembered.size >= REMEMBERED_SEARCHES) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(expression, set);
    return set;
  }

  /** Adds the matches among events written since the set was read, newest first, stopping at the old limit. */
  private readNewer(set: MatchSet, expression: string, version: number): void {
    const from = set.idLimit;
    const idLimit = this.idLimit();
    for (const id of this.cache.get('SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid DESC').pluck().iterate(expression) as IterableIterator<number>) {
      if (id < from) break;
      if (id < idLimit) set.add(id);
    }
    set.idLimit = idLimit;
    set.version = version;
  }

  /**
   * One past the highest event id whose full text is known, read before the
   * matches: an event committed in between is not taken as a non-match, nor is
   * one the enrichment has not given its full text yet (past `enriched_through`),
   * which it may match once it has: reading newer matches starts at this limit,
   * so an event under it is never looked at again.
   */
  private idLimit(): number {
    return (this.cache.get(ID_LIMIT_SQL).pluck().get() as number) + 1;
  }
}
