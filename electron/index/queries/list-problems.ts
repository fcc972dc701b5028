import type { z } from 'zod';
import type { API, ApiResponse } from '../../../shared/api/contract';
import type { problemRowSchema } from '../../../shared/api/views';
import { formatExecutionId } from '../../../shared/model/execution-id';
import type { ExecutionFamily } from '../../../shared/model/family';
import type { ProblemCode } from '../../../shared/model/problem-code';
import { originalPath } from '../source-row';
import { decodeCursor } from './keyset-cursor';
import { readKeysetPage, type KeysetOrder, type KeysetRange } from './keyset-page';
import { containsPattern } from './like-pattern';
import { SqlFilter } from './sql-filter';
import type { StatementCache } from './statement-cache';

/** The problems list request, validated, with its execution id already resolved to the executions row. */
export type ListProblemsRequest = Omit<z.output<(typeof API)['listProblems']['request']>, 'executionId'> & { readonly executionRowId?: number };

/** One problem as the API shows it. */
export type ProblemRow = z.infer<typeof problemRowSchema>;

/** A problems row as selected by PROBLEM_COLUMNS from PROBLEM_TABLES. */
export interface StoredProblem {
  readonly id: number;
  readonly code: ProblemCode;
  readonly message: string;
  readonly path: string | null;
  readonly line: number | null;
  readonly execution_family: ExecutionFamily | null;
  readonly execution_key: string | null;
  readonly event_id: number | null;
}

/** Problems with their file and execution; both may be absent (a folder-level problem, a line that is no event). */
export const PROBLEM_TABLES = 'problems p LEFT JOIN sources s ON s.id = p.source_id LEFT JOIN executions x ON x.id = p.execution_id';

/** What toProblemRow needs. */
export const PROBLEM_COLUMNS = 'p.id, p.code, p.message, s.path, p.line, x.family AS execution_family, x.key AS execution_key, p.event_id';

/** Maps a stored problem to the API row. */
export function toProblemRow(row: StoredProblem): ProblemRow {
  return {
    id: row.id,
    code: row.code,
    message: row.message,
    path: row.path === null ? null : originalPath(row.path),
    line: row.line,
    executionId: row.execution_family === null || row.execution_key === null ? null : formatExecutionId(row.execution_family, row.execution_key),
    eventId: row.event_id,
  };
}

const DEFAULT_LIMIT = 100;

/** Problems in the order they were found. */
const PROBLEM_ORDER: KeysetOrder = { id: 'p.id', descending: false, stretches: [{ where: null, value: 'p.id', kind: 'number' }] };

/** Problems filtered by code, file path and execution, paged by keyset, with counts per code. */
export class ProblemList {
  constructor(private readonly cache: StatementCache) {}

  /** One page of problems, and how many problems of each code the other filters leave (so the code filter can show its counts). */
  list(request: ListProblemsRequest): ApiResponse<'listProblems'> {
    const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
    const filter = scopeOf(request).oneOf('p.code', request.codes);
    const page = readKeysetPage(PROBLEM_ORDER, after, request.limit ?? DEFAULT_LIMIT, (range, limit) => this.read(filter, range, limit), (row) => ({ value: row.id, id: row.id }));
    return { items: page.rows.map(toProblemRow), nextCursor: page.nextCursor, countsByCode: this.countsByCode(scopeOf(request), hasPath(request)) };
  }

  private read(filter: SqlFilter, range: KeysetRange, limit: number): StoredProblem[] {
    const sql = `SELECT ${PROBLEM_COLUMNS} FROM ${PROBLEM_TABLES} WHERE ${filter.sql(range.where)} ORDER BY ${range.orderBy} LIMIT ?`;
    return this.cache.get(sql).all(...filter.params(range.params), limit) as StoredProblem[];
  }

  private countsByCode(scope: SqlFilter, byPath: boolean): Record<string, number> {
    // Without a path filter the count is a scan of problems_code alone, not a lookup of every problem's file.
    const tables = byPath ? 'problems p JOIN sources s ON s.id = p.source_id' : 'problems p';
    const sql = `SELECT p.code, count(*) AS n FROM ${tables} WHERE ${scope.sql()} GROUP BY p.code`;
    const rows = this.cache.get(sql).all(...scope.params()) as { code: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.code, row.n]));
  }
}

/** The filters other than codes: what countsByCode counts over. */
function scopeOf(request: ListProblemsRequest): SqlFilter {
  const scope = new SqlFilter();
  if (hasPath(request)) scope.add("s.path LIKE ? ESCAPE '\\'", containsPattern(request.path ?? ''));
  if (request.executionRowId !== undefined) scope.add('p.execution_id = ?', request.executionRowId);
  return scope;
}

function hasPath(request: ListProblemsRequest): boolean {
  return (request.path ?? '').length > 0;
}
