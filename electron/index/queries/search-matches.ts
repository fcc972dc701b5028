import { RUN_COLUMNS } from '../full-text-runs';
import { ENRICHED_THROUGH_SQL } from './enrichment-state';
import type { StatementCache } from './statement-cache';

/**
 * Up to this many matches, a search page looks each match up and sorts them by
 * time (tens of milliseconds); past it, walking events in time order and keeping
 * the matches is cheaper, since at least one event in (events / this) matches.
 */
export const SORTED_MATCHES_LIMIT = 20_000;

/**
 * Hands `found` the events of the full-text rows that begin in [from, to)
 * which an expression matches. A row is a run of up to 32 events, each in its
 * own column (full-text-runs.ts), so each column is asked in turn: `e3 : (…)`
 * holds every phrase of the expression to the run's fourth event, which is
 * then a match exactly when a row of its own would have matched.
 */
export function matchingEventIds(cache: StatementCache, expression: string, from: number, to: number, found: (id: number) => void): void {
  const sql = 'SELECT rowid FROM text_runs_fts WHERE text_runs_fts MATCH ? AND rowid >= ? AND rowid < ?';
  RUN_COLUMNS.forEach((column, k) => {
    for (const first of cache.get(sql).pluck().all(`${column} : (${expression})`, from, to) as number[]) found(first + k);
  });
}

/** The highest event id whose full text is known: the highest stored, or the enrichment's mark when it is behind (index-enrichment.ts). */
const ID_LIMIT_SQL = `SELECT min(coalesce((SELECT max(id) FROM events), 0), ${ENRICHED_THROUGH_SQL})`;

/** Searches whose match sets are kept, for paging on through the same results. */
const REMEMBERED_SEARCHES = 4;

/** The events a full-text expression matches, as a bit per event id. */
export class MatchSet {
  private bits: Uint8Array;
  private count = 0;

  constructor(
    /** Ids at or past this were written, or given their full text, after the set was last read: their match is unknown. */
    public idLimit: number,
    /** The index state (PRAGMA data_version) the set was last read at. */
    public version: number,
  ) {
    this.bits = new Uint8Array((idLimit >>> 3) + 1);
  }

  /** How many events match. */
  get size(): number {
    return this.count;
  }

  /** The matching ids, ascending (read off the bits: a list of a common word's million matches would hold megabytes for good). */
  ids(): number[] {
    const ids: number[] = [];
    const bits = this.bits;
    for (let byte = 0; byte < bits.length; byte++) {
      const value = bits[byte] as number;
      if (value === 0) continue;
      for (let bit = 0; bit < 8; bit++) if ((value & (1 << bit)) !== 0) ids.push(byte * 8 + bit);
    }
    return ids;
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
    const byte = this.bits[id >>> 3] as number;
    const bit = 1 << (id & 7);
    if ((byte & bit) !== 0) return;
    this.bits[id >>> 3] = byte | bit;
    this.count++;
  }
}

/**
 * The match sets of recent searches, read once and kept for paging on. A page
 * answers few matches by looking each up and sorting them by time; many (a
 * common word matches a million events), by a walk in time order that tests
 * the set, since sorting all of them made a page slow. While the folder is
 * tailed a set is brought up to date by reading only the runs written since:
 * event ids only grow and are never given out twice, and runs are written in
 * id order, so a set's bit for an event taken back since is never asked for again.
 */
export class SearchMatches {
  private readonly remembered = new Map<string, MatchSet>();

  constructor(private readonly cache: StatementCache) {}

  /** The match set of an expression, up to date with the index. */
  matchesOf(expression: string): MatchSet {
    const version = this.cache.get('PRAGMA data_version').pluck().get() as number;
    const known = this.remembered.get(expression);
    if (known !== undefined) {
      if (known.version !== version) this.readNewer(known, expression, version);
      return known;
    }
    const set = new MatchSet(this.idLimit(), version);
    matchingEventIds(this.cache, expression, 0, set.idLimit, (id) => set.add(id));
    if (this.remembered.size >= REMEMBERED_SEARCHES) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(expression, set);
    return set;
  }

  /** Adds the matches among the runs written since the set was read. */
  private readNewer(set: MatchSet, expression: string, version: number): void {
    const idLimit = this.idLimit();
    matchingEventIds(this.cache, expression, set.idLimit, idLimit, (id) => set.add(id));
    set.idLimit = idLimit;
    set.version = version;
  }

  /**
   * One past the highest event id whose full text is known, read before the
   * matches: an event committed in between is not taken as a non-match, nor is
   * one the enrichment has not given its full text yet (past `enriched_through`),
   * which it may match once it has: reading newer matches starts at this limit,
   * so an event under it is never looked at again. A run is written whole, in
   * the transaction that moves the mark past it, so none straddles the limit.
   */
  private idLimit(): number {
    return (this.cache.get(ID_LIMIT_SQL).pluck().get() as number) + 1;
  }
}
