import type { z } from 'zod';
import { EVENTS_BEFORE_ANCHOR, type API, type ApiResponse } from '../../../shared/api/contract';
import type { eventRowSchema } from '../../../shared/api/views';
import { formatExecutionId } from '../../../shared/model/execution-id';
import type { ExecutionFamily, Family } from '../../../shared/model/family';
import { SECRET_VALUE_CODES } from '../../../shared/model/problem-code';
import { originalPath } from '../source-row';
import { rawTextSql } from '../raw-blocks';
import { toFtsQuery, type HasTokens } from './fts-query';
import { tokenizerTerms } from './query-terms';
import { decodeCursor, type KeysetPosition } from './keyset-cursor';
import { rangesAfter, readKeysetPage, type KeysetOrder, type KeysetRange } from './keyset-page';
import { FullTextCheck } from './full-text-check';
import { EXACT_ROWS_LIMIT, SORTED_MATCHES_LIMIT, SearchMatches, type MatchSet } from './search-matches';
import type { SearchTextReaders } from '../stored-search-text';
import { SqlFilter } from './sql-filter';
import type { StatementCache } from './statement-cache';

/** The events list request, validated, with its execution id already resolved to the executions row. */
export type ListEventsRequest = Omit<z.output<(typeof API)['listEvents']['request']>, 'executionId'> & { readonly executionRowId?: number };

/** One row of an events list as the API shows it. */
export type EventRow = z.infer<typeof eventRowSchema>;

/** An events row as selected by EVENT_COLUMNS from EVENT_TABLES. */
export interface StoredEvent {
  readonly id: number;
  readonly ts: number | null;
  readonly family: Family;
  readonly kind: string;
  readonly status: string | null;
  readonly error_code: string | null;
  readonly actor: string | null;
  readonly failed: number;
  readonly source_id: number;
  readonly line: number;
  readonly byte_offset: number;
  readonly byte_length: number;
  readonly preview: string;
  readonly path: string;
  readonly source_state: string;
  readonly execution_family: ExecutionFamily | null;
  readonly execution_key: string | null;
  /** JSON array of {code, message}: the line's problems in SECRET_VALUE_CODES. */
  readonly secret_flags: string;
}

/** How much of the raw line a list row shows. */
const PREVIEW_CHARS = 300;

/** Events with their source file and execution, for EVENT_COLUMNS. */
export const EVENT_TABLES = 'events e JOIN sources s ON s.id = e.source_id LEFT JOIN executions x ON x.id = e.execution_id';

/**
 * What toEventRow needs. Only the preview's bytes of the raw line are decoded: a
 * document's raw text can be megabytes. N UTF-16 units take at most 3N UTF-8
 * bytes (3N + 1 with a surrogate pair across the end), so with 4N bytes a
 * character cut at the limit lies past the preview.
 */
export const EVENT_COLUMNS = `e.id, e.ts, e.family, e.kind, e.status, e.error_code, e.actor, e.failed, e.source_id, e.line, e.byte_offset, e.byte_length,
  ${rawTextSql('e', PREVIEW_CHARS * 4)} AS preview, s.path, s.state AS source_state, x.family AS execution_family, x.key AS execution_key,
  (SELECT json_group_array(json_object('code', p.code, 'message', p.message)) FROM problems p
    WHERE p.source_id = e.source_id AND p.line = e.line AND p.event_id = e.id AND p.code IN (${SECRET_VALUE_CODES.map((code) => `'${code}'`).join(', ')})) AS secret_flags`;

/** Maps a stored event to the API row. */
export function toEventRow(row: StoredEvent): EventRow {
  return {
    id: row.id,
    ts: row.ts,
    family: row.family,
    kind: row.kind,
    status: row.status,
    errorCode: row.error_code,
    actor: row.actor,
    failed: row.failed !== 0,
    executionId: row.execution_family === null || row.execution_key === null ? null : formatExecutionId(row.execution_family, row.execution_key),
    source: { path: originalPath(row.path), line: row.line, byteOffset: row.byte_offset, byteLength: row.byte_length, gone: row.source_state === 'gone' },
    // The decoded byte prefix is longer than the preview: cut it so the preview is raw.slice(0, 300).
    preview: row.preview.slice(0, PREVIEW_CHARS),
    secretFlags: row.secret_flags === '[]' ? [] : (JSON.parse(row.secret_flags) as EventRow['secretFlags']),
  };
}

const DEFAULT_LIMIT = 100;

/** Events in time order: those without a timestamp first, then by ts, ties by id (the events_ts index's own order). */
const EVENT_ORDER: KeysetOrder = {
  id: 'e.id',
  descending: false,
  stretches: [
    { where: 'e.ts IS NULL', constant: null },
    { where: 'e.ts IS NOT NULL', value: 'e.ts', kind: 'number' },
  ],
};

/** EVENT_ORDER backwards: from an event towards the start of the list. */
const EVENT_ORDER_BACKWARDS: KeysetOrder = { ...EVENT_ORDER, descending: true, stretches: [...EVENT_ORDER.stretches].reverse() };

/** How a search page chooses between sorting the matches and walking events in order (tests make them small). */
export interface SearchLimits {
  /** Up to this many matches are sorted (see SORTED_MATCHES_LIMIT). */
  readonly sortedMatches: number;
  /** Past this many events walked for one range of a page, the walk gives way to sorting the matches. */
  readonly walk: number;
  /** Up to this many matching full-text rows, every match is read at once (see EXACT_ROWS_LIMIT). */
  readonly exactRows?: number;
  /** Past this many events checked one by one for one range of a page, the walk gives way to reading every match (see WALK_CHECKS). */
  readonly checks?: number;
  /** Past this many events walked for one range of a page without meeting a match or an event to check, the walk gives way (see WALK_BARREN). */
  readonly barren?: number;
}

/**
 * A walk that has checked this many events on their own without filling its
 * page gives way: the filters leave few matches, and each check reads an
 * event's raw block (about 50 µs when the walk jumps between files), while
 * reading every match from the index's columns takes tens of milliseconds.
 * It checks no more than this, and a read's events past the last it could
 * check are left unread: a read of 2,048 events checked whole and then
 * dropped for being over the limit cost a new search narrowed by a family and
 * a start time 2,000 checks it then did not use (at 5,000,000 events, "crm
 * send_email" in the exec-event lines from a time on took 350 ms; read up to
 * the limit, the same page is found within it, in 90-190 ms).
 */
const WALK_CHECKS = 2_000;

/**
 * A walk that has met neither a match nor an event it had to check in this
 * many events gives way to sorting the matches: the filters leave it a stretch
 * of events where the words are not, and each event a filtered walk reads is
 * a lookup of its row (about 2.5 µs), while sorting looks up the matches
 * alone. At 5,000,000 events, "pytest" in the exec-event lines from a time on
 * (none of which holds the word) walked 200,000 events for 500-950 ms before
 * the sort found nothing in 70-135 ms.
 */
const WALK_BARREN = 10_000;

const SEARCH_LIMITS: SearchLimits = { sortedMatches: SORTED_MATCHES_LIMIT, walk: 200_000, exactRows: EXACT_ROWS_LIMIT };

/** Events a walk reads at a time: few for a first page, more as it goes on (the events they hold are checked between reads). */
const WALK_CHUNK_FIRST = 128;
const WALK_CHUNK_MAX = 4_096;

/** Events filtered by execution, family, kind, status, time and full text, paged by keyset in time order. */
export class EventList {
  private readonly searches: SearchMatches;
  /** Whether a search term holds a word, by the index's own tokenizer. */
  private readonly hasTokens: HasTokens;

  constructor(
    private readonly cache: StatementCache,
    /** How a stored event's search text is derived again, to check the events a walk meets in a matching full-text row. */
    readers: SearchTextReaders,
    private readonly limits: SearchLimits = SEARCH_LIMITS,
  ) {
    this.hasTokens = tokenizerTerms(cache.db);
    const check = new FullTextCheck(cache.db, cache, readers);
    this.searches = new SearchMatches(cache, (expression, ids) => check.matching(expression, ids), limits.exactRows ?? EXACT_ROWS_LIMIT);
  }

  /** One page of events. */
  list(request: ListEventsRequest): ApiResponse<'listEvents'> {
    const search = toFtsQuery(request.query ?? '', this.hasTokens);
    if (search.kind === 'none') return { items: [], nextCursor: null };
    const filter = new SqlFilter()
      .oneOf('e.execution_id', request.executionRowId === undefined ? undefined : [request.executionRowId])
      .oneOf('e.family', request.families)
      // Kinds are matched without regard to (ASCII) case: a reviewer types `checkpoint` for CHECKPOINT.
      .oneOf('e.kind COLLATE NOCASE', request.kinds)
      .oneOf('e.status', request.statuses);
    if (request.failed !== undefined) filter.add('e.failed = ?', request.failed ? 1 : 0);
    if (request.from !== undefined) filter.add('e.ts >= ?', request.from);
    if (request.to !== undefined) filter.add('e.ts <= ?', request.to);
    const limit = request.limit ?? DEFAULT_LIMIT;
    const position = (row: StoredEvent): KeysetPosition => ({ value: row.ts, id: row.id });
    let readIn: (order: KeysetOrder) => (range: KeysetRange, limit: number) => StoredEvent[];
    if (search.kind === 'all') {
      readIn = () => (range, n) => this.read(filter, range, n);
    } else {
      // A rare word's matches are sorted; a common one's are walked in page order (within an execution, along its own index).
      const expression = search.expression;
      const matches = this.searches.matchesOf(expression);
      // The matches' ids once per page, however many ranges it reads: a common word's are a million.
      let idsJson: string | null = null;
      const sorted = (range: KeysetRange, n: number): StoredEvent[] => {
        if (idsJson === null) {
          this.searches.complete(matches, expression);
          idsJson = JSON.stringify(matches.ids());
        }
        return this.readSorted(idsJson, filter, range, n);
      };
      readIn =
        matches.exact && matches.size <= this.limits.sortedMatches ? () => sorted : (order) => (range, n) => this.walk(matches, expression, filter, order, range, n) ?? sorted(range, n);
    }
    const after = request.cursor !== undefined ? decodeCursor(request.cursor) : request.anchor !== undefined ? this.startBefore(request.anchor, readIn(EVENT_ORDER_BACKWARDS), position) : null;
    const page = readKeysetPage(EVENT_ORDER, after, limit, readIn(EVENT_ORDER), position);
    return { items: page.rows.map(toEventRow), nextCursor: page.nextCursor };
  }

  /**
   * Where a list anchored at an event starts: after the event that lies
   * EVENTS_BEFORE_ANCHOR + 1 rows before it under the same filters, so the
   * first page holds the anchor and the rows just before it; at the list's
   * start when fewer rows precede it. An event not in the index anchors nothing.
   */
  private startBefore(anchor: number, read: (range: KeysetRange, limit: number) => StoredEvent[], position: (row: StoredEvent) => KeysetPosition): KeysetPosition | null {
    const at = this.cache.get('SELECT id, ts FROM events WHERE id = ?').get(anchor) as { id: number; ts: number | null } | undefined;
    if (at === undefined) return null;
    const before = readKeysetPage(EVENT_ORDER_BACKWARDS, { value: at.ts, id: at.id }, EVENTS_BEFORE_ANCHOR + 1, read, position).rows;
    const start = before[EVENTS_BEFORE_ANCHOR];
    return start === undefined ? null : position(start);
  }

  /** The kinds of the index with their counts, most frequent first (at most `limit`). */
  kinds(limit: number): ApiResponse<'listEventKinds'> {
    const rows = this.cache.get('SELECT kind, count(*) AS count FROM events GROUP BY kind ORDER BY count DESC, kind LIMIT ?').all(limit + 1) as { kind: string; count: number }[];
    return { items: rows.slice(0, limit).filter((row) => row.kind !== ''), truncated: rows.length > limit };
  }

  private read(filter: SqlFilter, range: KeysetRange, limit: number): StoredEvent[] {
    const sql = `SELECT ${EVENT_COLUMNS} FROM ${EVENT_TABLES} WHERE ${filter.sql(range.where)} ORDER BY ${range.orderBy} LIMIT ?`;
    return this.cache.get(sql).all(...filter.params(range.params), limit) as StoredEvent[];
  }

  /**
   * The matches (`idsJson`, their ids as a JSON array) looked up one by one (CROSS JOIN keeps SQLite from walking every
   * event instead) and sorted; a page's columns (its previews inflate raw blocks)
   * are read for that page's events only, not for every match the sort weighs.
   */
  private readSorted(idsJson: string, filter: SqlFilter, range: KeysetRange, limit: number): StoredEvent[] {
    const sql = `SELECT e.id FROM (SELECT value AS id FROM json_each(?)) m CROSS JOIN events e ON e.id = m.id
      WHERE ${filter.sql(range.where)} ORDER BY ${range.orderBy} LIMIT ?`;
    return this.rowsOf(this.cache.get(sql).pluck().all(idsJson, ...filter.params(range.params), limit) as number[]);
  }

  /**
   * Events in page order, kept when the match set has them; null when the walk
   * grows too long (the filters leave few matches) or meets an event newer than
   * the set, so that the caller sorts the matches instead. Read in chunks, each
   * continuing after the last: the events of a chunk the set does not know yet
   * are checked between two reads, since a connection writes nothing, not even
   * its scratch table, while a statement of it is still being read.
   */
  private walk(matches: MatchSet, expression: string, filter: SqlFilter, order: KeysetOrder, range: KeysetRange, limit: number): StoredEvent[] | null {
    const ids: number[] = [];
    let walked = 0;
    let checks = 0;
    // Events met that match or had to be checked: none after `barren` walked, and the walk gives way.
    let met = 0;
    const budget = this.limits.checks ?? WALK_CHECKS;
    const barren = this.limits.barren ?? WALK_BARREN;
    let chunk = WALK_CHUNK_FIRST;
    for (let part: KeysetRange | undefined = range; part !== undefined; ) {
      const sql = `SELECT e.id, e.ts FROM events e WHERE ${filter.sql(part.where)} ORDER BY ${part.orderBy} LIMIT ?`;
      const rows = this.cache.get(sql).all(...filter.params(part.params), chunk) as { id: number; ts: number | null }[];
      // Only what the page may use: the walk stops at its limit, or where an event newer than the set begins.
      let usable = 0;
      while (usable < rows.length && walked + usable < this.limits.walk && (rows[usable] as { id: number }).id < matches.idLimit) usable++;
      // And only as far as the checks left allow: the rows after the first event it cannot afford to check are not read.
      const usableIds = rows.slice(0, usable).map((row) => row.id);
      const unchecked = matches.unchecked(usableIds);
      const affordable = Math.max(0, budget - checks);
      const affordableRows = unchecked.length > affordable ? usableIds.indexOf(unchecked[affordable] as number) : usable;
      checks += this.searches.check(matches, expression, unchecked.slice(0, affordable));
      met += unchecked.length;
      for (let i = 0; i < rows.length; i++) {
        // Out of checks before the page is full: every match is read instead.
        if (i === affordableRows && affordableRows < usable) return null;
        const row = rows[i] as { id: number; ts: number | null };
        if (++walked > this.limits.walk || row.id >= matches.idLimit) return null;
        if (matches.has(row.id)) {
          met++;
          if (ids.push(row.id) >= limit) return this.rowsOf(ids);
        } else if (met === 0 && walked >= barren) {
          return null;
        }
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < chunk) break;
      // The same stretch of the order, after the last event read.
      part = rangesAfter(order, { value: last.ts, id: last.id })[0];
      chunk = Math.min(chunk * 4, WALK_CHUNK_MAX);
    }
    return this.rowsOf(ids);
  }

  /** The list rows of these events, in this order. */
  private rowsOf(ids: readonly number[]): StoredEvent[] {
    if (ids.length === 0) return [];
    const rows = this.cache.get(`SELECT ${EVENT_COLUMNS} FROM ${EVENT_TABLES} WHERE e.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as StoredEvent[];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
