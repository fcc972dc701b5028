import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { API, ApiResponse, EXECUTION_SORTS } from '../../../shared/api/contract';
import type { executionRowSchema } from '../../../shared/api/views';
import { formatExecutionId } from '../../../shared/model/execution-id';
import { assertNever, type ExecutionFamily } from '../../../shared/model/family';
import { decodeCursor, type SortValue } from './keyset-cursor';
import { readKeysetPage, type KeysetOrder, type KeysetRange } from './keyset-page';
import { containsPattern } from './like-pattern';
import { SqlFilter } from './sql-filter';
import type { StatementCache } from './statement-cache';

/** The executions list request, validated. */
export type ListExecutionsRequest = z.output<(typeof API)['listExecutions']['request']>;

/** A sort of the executions list. */
export type ExecutionSort = (typeof EXECUTION_SORTS)[number];

/** One row of the executions list as the API shows it. */
export type ExecutionRow = z.infer<typeof executionRowSchema>;

/** An executions row as selected by EXECUTION_COLUMNS. */
export interface StoredExecution {
  readonly id: number;
  readonly family: ExecutionFamily;
  readonly key: string;
  readonly label: string | null;
  readonly status: string | null;
  readonly outcome: ExecutionRow['outcome'];
  readonly first_ts: number | null;
  readonly last_ts: number | null;
  readonly event_count: number;
  readonly failure_count: number;
  readonly problem_count: number;
  readonly actor: string | null;
  readonly product: string | null;
  readonly live_mode: string | null;
  readonly plan_id: string | null;
}

/** The columns toExecutionRow needs, from `executions x`. */
export const EXECUTION_COLUMNS =
  'x.id, x.family, x.key, x.label, x.status, x.outcome, x.first_ts, x.last_ts, x.event_count, x.failure_count, x.problem_count, x.actor, x.product, x.live_mode, x.plan_id';

/** Maps a stored execution to the API row. */
export function toExecutionRow(row: StoredExecution): ExecutionRow {
  return {
    id: formatExecutionId(row.family, row.key),
    family: row.family,
    key: row.key,
    label: row.label,
    status: row.status,
    outcome: row.outcome,
    startMs: row.first_ts,
    endMs: row.last_ts,
    durationMs: row.first_ts !== null && row.last_ts !== null ? row.last_ts - row.first_ts : null,
    eventCount: row.event_count,
    failureCount: row.failure_count,
    problemCount: row.problem_count,
    actor: row.actor,
    product: row.product,
    liveMode: row.live_mode,
    planId: row.plan_id,
  };
}

const DEFAULT_LIMIT = 100;

/** Remembered totals and spans are dropped past this many, so the memory cannot grow with the filters tried. */
const MAX_REMEMBERED = 64;

/**
 * The executions of every family in one list: filtered and sorted in SQL,
 * paged by keyset so that page 1000 costs what page 1 does.
 */
export class ExecutionList {
  private readonly dataVersion: Database.Statement;
  private readonly longestSpanQuery: Database.Statement;
  private readonly remembered = new Map<string, number | null>();
  private rememberedVersion: number | null = null;

  constructor(
    db: Database.Database,
    private readonly cache: StatementCache,
  ) {
    this.dataVersion = db.prepare('PRAGMA data_version').pluck();
    this.longestSpanQuery = db.prepare('SELECT max(last_ts - first_ts) FROM executions').pluck();
  }

  /**
   * One page of executions and the number of executions the filters match;
   * `onlyRowIds`, when given, keeps only those executions (a verdict computed
   * outside SQL, as against a baseline).
   */
  list(request: ListExecutionsRequest, onlyRowIds?: readonly number[]): ApiResponse<'listExecutions'> {
    const only = (filter: SqlFilter): SqlFilter => (onlyRowIds === undefined ? filter : filter.add('x.id IN (SELECT value FROM json_each(?))', JSON.stringify(onlyRowIds)));
    const filter = only(this.filter(request, 'page'));
    const sort = request.sort ?? 'start';
    const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
    const page = readKeysetPage(
      executionOrder(sort, request.descending ?? false),
      after,
      request.limit ?? DEFAULT_LIMIT,
      (range, limit) => this.read(filter, range, limit),
      (row) => ({ value: sortValueOf(row, sort), id: row.id }),
    );
    return { items: page.rows.map(toExecutionRow), nextCursor: page.nextCursor, total: this.total(only(this.filter(request, 'count'))) };
  }

  /**
   * The request's filters as SQL. For a page, the family term steers the plan: one
   * family other than exec-event is read from migration 004's per-family indexes
   * (whose WHERE SQLite needs spelled out to use them); exec-event, or several
   * families, walk an all-family sort index and skip the others (`+` keeps SQLite
   * from seeking on family and then sorting every row of the family instead). A
   * count may use any index.
   */
  private filter(request: ListExecutionsRequest, purpose: 'page' | 'count'): SqlFilter {
    const families = request.families ?? [];
    const filter = new SqlFilter();
    if (families.length === 1 && families[0] !== 'exec-event') filter.oneOf('x.family', families).add("x.family != 'exec-event'");
    else filter.oneOf(purpose === 'page' ? '+x.family' : 'x.family', families);
    filter.oneOf('x.status', request.statuses).oneOf('x.outcome', request.outcomes);
    if (request.text !== undefined && request.text.length > 0) {
      const pattern = containsPattern(request.text);
      filter.add(
        "(x.key LIKE ? ESCAPE '\\' OR x.label LIKE ? ESCAPE '\\' OR x.actor LIKE ? ESCAPE '\\' OR x.product LIKE ? ESCAPE '\\')",
        pattern, pattern, pattern, pattern,
      );
    }
    if (request.from !== undefined) {
      filter.add('x.last_ts >= ?', request.from);
      // "Ended after `from`" alone is a scan of every later execution; no execution
      // is longer than the longest one, which bounds its start and makes it an index range.
      const span = this.longestSpan();
      if (span !== null) filter.add('x.first_ts >= ?', request.from - span);
    }
    if (request.to !== undefined) filter.add('x.first_ts <= ?', request.to);
    if (request.hasProblems !== undefined) filter.add(request.hasProblems ? 'x.problem_count > 0' : 'x.problem_count = 0');
    return filter;
  }

  private read(filter: SqlFilter, range: KeysetRange, limit: number): StoredExecution[] {
    const sql = `SELECT ${EXECUTION_COLUMNS} FROM executions x WHERE ${filter.sql(range.where)} ORDER BY ${range.orderBy} LIMIT ?`;
    return this.cache.get(sql).all(...filter.params(range.params), limit) as StoredExecution[];
  }

  /** Counted once per filter and index state: paging on through the same list does not count it again. */
  private total(filter: SqlFilter): number {
    const sql = `SELECT count(*) AS n FROM executions x WHERE ${filter.sql()}`;
    const params = filter.params();
    return this.remember(`total ${sql} ${JSON.stringify(params)}`, () => (this.cache.get(sql).get(...params) as { n: number }).n) ?? 0;
  }

  private longestSpan(): number | null {
    return this.remember('span', () => this.longestSpanQuery.get() as number | null);
  }

  /** A value computed at most once while the index is unchanged (PRAGMA data_version moves on every commit of the writer). */
  private remember(key: string, compute: () => number | null): number | null {
    const version = this.dataVersion.get() as number;
    if (version !== this.rememberedVersion || this.remembered.size >= MAX_REMEMBERED) {
      this.remembered.clear();
      this.rememberedVersion = version;
    }
    if (!this.remembered.has(key)) this.remembered.set(key, compute());
    return this.remembered.get(key) ?? null;
  }
}

/** The keyset order of a sort; each stretch is one range of an index (see migrations 001 and 002). */
function executionOrder(sort: ExecutionSort, descending: boolean): KeysetOrder {
  switch (sort) {
    case 'start':
      return timeOrder('x.first_ts', descending);
    case 'end':
      return timeOrder('x.last_ts', descending);
    case 'events':
      return { id: 'x.id', descending, stretches: [{ where: null, value: 'x.event_count', kind: 'number' }] };
    case 'failures':
      return countOrder('x.failure_count', descending);
    case 'problems':
      return countOrder('x.problem_count', descending);
    case 'key':
      return { id: 'x.id', descending, stretches: [{ where: null, value: 'x.key', kind: 'text' }] };
    default:
      return assertNever(sort, 'sort');
  }
}

/** Executions without timestamps come last in both directions: whoever sorts by time wants the dated ones first. */
function timeOrder(column: string, descending: boolean): KeysetOrder {
  return {
    id: 'x.id',
    descending,
    stretches: [
      { where: `${column} IS NOT NULL`, value: column, kind: 'number' },
      { where: `${column} IS NULL`, constant: null },
    ],
  };
}

/**
 * Plain (count, id) order, read in two stretches: most executions count 0 and
 * are left out of the partial index, so they are paged by id (the rowid) instead.
 */
function countOrder(column: string, descending: boolean): KeysetOrder {
  const zero = { where: `${column} = 0`, constant: 0 } as const;
  const counted = { where: `${column} > 0`, value: column, kind: 'number' } as const;
  return { id: 'x.id', descending, stretches: descending ? [counted, zero] : [zero, counted] };
}

function sortValueOf(row: StoredExecution, sort: ExecutionSort): SortValue {
  switch (sort) {
    case 'start':
      return row.first_ts;
    case 'end':
      return row.last_ts;
    case 'events':
      return row.event_count;
    case 'failures':
      return row.failure_count;
    case 'problems':
      return row.problem_count;
    case 'key':
      return row.key;
    default:
      return assertNever(sort, 'sort');
  }
}
