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
 * The events of the full-text rows that begin in [from, to) which an expression
 * matches. A row is a run of up to 32 events, each in its own column
 * (full-text-runs.ts), so each column is asked in turn: `e3 : (…)` holds every
 * phrase of the expression to the run's fourth event, which is then a match
 * exactly when a row of its own would have matched.
 */
export function matchingEventIds(cache: StatementCache, expression: string, from: number, to: number): number[] {
  const ids: number[] = [];
  RUN_COLUMNS.forEach((column, k) => {
    const sql = `SELECT rowid + ${k} FROM text_runs_fts WHERE text_runs_fts MATCH ? AND rowid >= ? AND rowid < ?`;
    for (const id of cache.get(sql).pluck().all(`${column} : (${expression})`, from, to) as number[]) ids.push(id);
  });
  return ids;
}

/** The highest event id whose full text is known: the highest stored, or the enrichment's mark when it is behind (index-enrichment.ts). */
const ID_LIMIT_SQL = `SELECT min(coalesce((SELECT max(id) FROM events), 0), ${ENRICHED_THROUGH_SQL})`;

/** Searches whose match sets are kept, for paging on through the same results. */
const REMEMBERED_SEARCHES = 4;

/** The events a full-text expression matches, as a bit per event id, and as a list. */
export class MatchSet {
  private bits: Uint8Array;
  private list: number[] = [];
  private sorted = true;

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
    return this.list.length;
  }

  /** The matching ids, ascending: events looked up in id order are read in the table's own order. */
  get ids(): readonly number[] {
    if (!this.sorted) {
      this.list = this.list.sort((a, b) => a - b);
      this.sorted = true;
    }
    return this.list;
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
    if (this.has(id)) return;
    this.bits[id >>> 3] = (this.bits[id >>> 3] as number) | (1 << (id & 7));
    if (this.list.length > 0 && id < (this.list[this.list.length - 1] as number)) this.sorted = false;
    this.list.push(id);
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
    for (const id of matchingEventIds(this.cache, expression, 0, set.idLimit)) set.add(id);
    if (this.remembered.size >= REMEMBERED_SEARCHES) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(expression, set);
    return set;
  }

  /** Adds the matches among the runs written since the set was read. */
  private readNewer(set: MatchSet, expression: string, version: number): void {
    const idLimit = this.idLimit();
    for (const id of matchingEventIds(this.cache, expression, set.idLimit, idLimit)) set.add(id);
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
