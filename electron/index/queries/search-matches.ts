import { RUN_COLUMNS } from '../full-text-runs';
import { TEXT_THROUGH_SQL } from './enrichment-state';
import type { StatementCache } from './statement-cache';

/**
 * Up to this many matches, a search page looks each match up and sorts them by
 * time (tens of milliseconds); past it, walking events in time order and keeping
 * the matches is cheaper, since at least one event in (events / this) matches.
 */
export const SORTED_MATCHES_LIMIT = 20_000;

/**
 * Up to this many full-text rows match an expression, its matches are all read
 * at once, column by column (tens of milliseconds for so few rows); past it, a
 * walk's events are checked one by one (full-text-check.ts) until a sort needs
 * them all. Each column costs a pass over the expression's rows: for a common
 * word at 5,000,000 events, 32 passes took 130–150 ms before a first page.
 */
export const EXACT_ROWS_LIMIT = 16_000;

/** The highest event id whose full text is known: the highest stored, or the enrichment's full-text mark when it is behind (index-enrichment.ts). */
const ID_LIMIT_SQL = `SELECT min(coalesce((SELECT max(id) FROM events), 0), ${TEXT_THROUGH_SQL})`;

/** The full-text rows an expression matches that begin in [from, to), with the run's last event (FTS5 gives rowids ascending). */
const MATCHING_RUNS_SQL = 'SELECT r.first_id, r.last_id FROM text_runs_fts f JOIN text_runs r ON r.first_id = f.rowid WHERE text_runs_fts MATCH ? AND f.rowid >= ? AND f.rowid < ?';

/** Searches whose match sets are kept, for paging on through the same results. */
const REMEMBERED_SEARCHES = 4;

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

/** A growable bit per event id. */
class IdBits {
  private bits: Uint8Array;

  constructor(ids: number) {
    this.bits = new Uint8Array((ids >>> 3) + 1);
  }

  has(id: number): boolean {
    return ((this.bits[id >>> 3] ?? 0) & (1 << (id & 7))) !== 0;
  }

  /** Sets the bit; false when it was set already. */
  set(id: number): boolean {
    if (id >>> 3 >= this.bits.length) {
      const grown = new Uint8Array(Math.max((id >>> 3) + 1, this.bits.length * 2));
      grown.set(this.bits);
      this.bits = grown;
    }
    const byte = this.bits[id >>> 3] as number;
    const bit = 1 << (id & 7);
    if ((byte & bit) !== 0) return false;
    this.bits[id >>> 3] = byte | bit;
    return true;
  }

  /** The ids set, ascending. */
  ids(): number[] {
    const ids: number[] = [];
    for (let byte = 0; byte < this.bits.length; byte++) {
      const value = this.bits[byte] as number;
      if (value === 0) continue;
      for (let bit = 0; bit < 8; bit++) if ((value & (1 << bit)) !== 0) ids.push(byte * 8 + bit);
    }
    return ids;
  }
}

/**
 * The events a full-text expression matches. Exact, every match read from the
 * index's columns; or, for an expression many rows match, known so far: the
 * runs it matches are known, and an event of one is known to match or not once
 * it has been checked on its own (SearchMatches.check).
 */
export class MatchSet {
  private readonly matched: IdBits;
  private count = 0;
  /** While not exact: the matching runs (first and last event ids, ascending), and the events of them checked so far. */
  private firsts: number[] = [];
  private lasts: number[] = [];
  private checked: IdBits | null;

  constructor(
    /** Ids at or past this were written, or given their full text, after the set was last read: their match is unknown. */
    public idLimit: number,
    /** The index state (PRAGMA data_version) the set was last read at. */
    public version: number,
    exact: boolean,
  ) {
    this.matched = new IdBits(idLimit);
    this.checked = exact ? null : new IdBits(idLimit);
  }

  /** True when every match below idLimit is known. */
  get exact(): boolean {
    return this.checked === null;
  }

  /** How many events match (of those known so far, when not exact). */
  get size(): number {
    return this.count;
  }

  /** The matching ids, ascending (read off the bits: a list of a common word's million matches would hold megabytes for good). */
  ids(): number[] {
    return this.matched.ids();
  }

  /** True when the event matches; below idLimit, and, when not exact, once it is checked (`unchecked` says which are not). */
  has(id: number): boolean {
    return this.matched.has(id);
  }

  /** Records a match. */
  add(id: number): void {
    if (this.matched.set(id)) this.count++;
  }

  /** The ids among these that lie in a matching run and are not checked yet (none once exact). */
  unchecked(ids: readonly number[]): number[] {
    const checked = this.checked;
    if (checked === null) return [];
    return ids.filter((id) => !checked.has(id) && this.inRun(id));
  }

  /** Records that these events were checked, the matching ones among them added. */
  checkedNow(ids: readonly number[], matching: readonly number[]): void {
    for (const id of ids) this.checked?.set(id);
    for (const id of matching) this.add(id);
  }

  /** Adds matching runs, each past every run held. */
  addRuns(runs: readonly (readonly [number, number])[]): void {
    for (const [first, last] of runs) {
      this.firsts.push(first);
      this.lasts.push(last);
    }
  }

  /** Marks the set exact: every match has been added. */
  becomeExact(): void {
    this.checked = null;
    this.firsts = [];
    this.lasts = [];
  }

  /** True when the id lies in a matching run (runs never overlap). */
  private inRun(id: number): boolean {
    let low = 0;
    let high = this.firsts.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if ((this.firsts[mid] as number) <= id) low = mid + 1;
      else high = mid - 1;
    }
    return high >= 0 && (this.lasts[high] as number) >= id;
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

  constructor(
    private readonly cache: StatementCache,
    /** Which of some events an expression matches, each checked on its own (full-text-check.ts). */
    private readonly checkEvents: (expression: string, ids: readonly number[]) => number[],
    private readonly exactRowsLimit = EXACT_ROWS_LIMIT,
  ) {}

  /** The match set of an expression, up to date with the index. */
  matchesOf(expression: string): MatchSet {
    const version = this.cache.get('PRAGMA data_version').pluck().get() as number;
    const known = this.remembered.get(expression);
    if (known !== undefined) {
      if (known.version !== version) this.readNewer(known, expression, version);
      return known;
    }
    const idLimit = this.idLimit();
    const runs = this.cache.get(MATCHING_RUNS_SQL).raw().all(expression, 0, idLimit) as [number, number][];
    const set = new MatchSet(idLimit, version, runs.length <= this.exactRowsLimit);
    if (set.exact) matchingEventIds(this.cache, expression, 0, idLimit, (id) => set.add(id));
    else set.addRuns(runs);
    if (this.remembered.size >= REMEMBERED_SEARCHES) this.remembered.delete(this.remembered.keys().next().value as string);
    this.remembered.set(expression, set);
    return set;
  }

  /** Checks, in one go, these events that the set does not know yet (MatchSet.unchecked), so that `has` answers each of them; returns how many it checked. */
  check(set: MatchSet, expression: string, unchecked: readonly number[]): number {
    if (unchecked.length > 0) set.checkedNow(unchecked, this.checkEvents(expression, unchecked));
    return unchecked.length;
  }

  /** Makes the set exact, reading every match from the index's columns. */
  complete(set: MatchSet, expression: string): void {
    if (set.exact) return;
    matchingEventIds(this.cache, expression, 0, set.idLimit, (id) => set.add(id));
    set.becomeExact();
  }

  /** Adds the matches, or the matching runs, among the runs written since the set was read. */
  private readNewer(set: MatchSet, expression: string, version: number): void {
    const idLimit = this.idLimit();
    if (set.exact) matchingEventIds(this.cache, expression, set.idLimit, idLimit, (id) => set.add(id));
    else set.addRuns(this.cache.get(MATCHING_RUNS_SQL).raw().all(expression, set.idLimit, idLimit) as [number, number][]);
    set.idLimit = idLimit;
    set.version = version;
  }

  /**
   * One past the highest event id whose full text is known, read before the
   * matches: an event committed in between is not taken as a non-match, nor is
   * one the enrichment has not given its full text yet (past `text_through`),
   * which it may match once it has: reading newer matches starts at this limit,
   * so an event under it is never looked at again. A run is written whole, in
   * the transaction that moves the mark past it, so none straddles the limit.
   */
  private idLimit(): number {
    return (this.cache.get(ID_LIMIT_SQL).pluck().get() as number) + 1;
  }
}
