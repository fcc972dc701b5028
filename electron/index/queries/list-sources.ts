import type { z } from 'zod';
import type { API, ApiResponse } from '../../../shared/api/contract';
import type { sourceRowSchema } from '../../../shared/api/views';
import { originalPath } from '../source-row';
import { naiveTimesOf } from '../source-zones';
import { decodeCursor } from './keyset-cursor';
import { readKeysetPage, type KeysetOrder, type KeysetRange } from './keyset-page';
import { SqlFilter } from './sql-filter';
import type { StatementCache } from './statement-cache';

/** The sources list request, validated. */
export type ListSourcesRequest = z.output<(typeof API)['listSources']['request']>;

/** One file as the API shows it. */
export type SourceListRow = z.infer<typeof sourceRowSchema>;

interface StoredSource {
  readonly id: number;
  readonly path: string;
  readonly kind: string;
  readonly state: SourceListRow['state'];
  readonly reason: string | null;
  readonly size: number;
  readonly event_count: number;
  readonly family: string | null;
  readonly pending_bytes: number;
  readonly carry: string | null;
  readonly time_zone: string | null;
}

const DEFAULT_LIMIT = 100;

/** By path (the unique index on it), ties impossible but broken by id all the same. */
const SOURCE_ORDER: KeysetOrder = { id: 's.id', descending: false, stretches: [{ where: null, value: 's.path', kind: 'text' }] };

/** The folder's files as the index knows them, filtered by state (and by a last line still unfinished), paged by keyset in path order. */
export class SourceList {
  constructor(private readonly cache: StatementCache) {}

  /** One page of sources. */
  list(request: ListSourcesRequest): ApiResponse<'listSources'> {
    const after = request.cursor === undefined ? null : decodeCursor(request.cursor);
    const filter = new SqlFilter().oneOf('s.state', request.states);
    if (request.unfinished === true) filter.add('s.pending_bytes > 0');
    const page = readKeysetPage(SOURCE_ORDER, after, request.limit ?? DEFAULT_LIMIT, (range, limit) => this.read(filter, range, limit), (row) => ({ value: row.path, id: row.id }));
    return {
      items: page.rows.map((row) => ({
        id: row.id,
        // A vanished file keeps its events under a marked path; the state says it is gone, the path says what it was.
        path: originalPath(row.path),
        kind: row.kind,
        state: row.state,
        reason: row.reason,
        size: row.size,
        eventCount: row.event_count,
        family: row.family,
        pendingBytes: row.pending_bytes,
        naiveTimes: naiveTimesOf(row.carry, row.time_zone),
      })),
      nextCursor: page.nextCursor,
    };
  }

  private read(filter: SqlFilter, range: KeysetRange, limit: number): StoredSource[] {
    const sql = `SELECT s.id, s.path, s.kind, s.state, s.reason, s.size, s.event_count, s.family, s.pending_bytes, s.carry, s.time_zone FROM sources s
      WHERE ${filter.sql(range.where)} ORDER BY ${range.orderBy} LIMIT ?`;
    return this.cache.get(sql).all(...filter.params(range.params), limit) as StoredSource[];
  }
}
