import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { API, ApiResponse } from '../../../shared/api/contract';
import { SqlFilter } from './sql-filter';
import type { StatementCache } from './statement-cache';

/** The histogram request, validated. */
export type HistogramRequest = z.output<(typeof API)['histogram']['request']>;

const DEFAULT_BUCKETS = 60;

/** Event counts per time bucket, split failed and ok, over a range of the events_ts index. */
export class Histogram {
  private readonly range: Database.Statement;

  constructor(
    db: Database.Database,
    private readonly cache: StatementCache,
  ) {
    // Two scalar subqueries, so each of min and max is one seek in events_ts (min skips the NULLs).
    this.range = db.prepare('SELECT (SELECT min(ts) FROM events) AS lo, (SELECT max(ts) FROM events) AS hi');
  }

  /**
   * Buckets of `ceil((to - from + 1) / buckets)` ms from `from`, as many as it
   * takes to cover `to`. The range defaults to the events' own; events without
   * a timestamp are not counted. An empty range has no buckets.
   */
  read(request: HistogramRequest): ApiResponse<'histogram'> {
    const needed = request.from === undefined || request.to === undefined ? (this.range.get() as { lo: number | null; hi: number | null }) : null;
    const from = request.from ?? needed?.lo ?? null;
    const to = request.to ?? needed?.hi ?? null;
    if (from === null || to === null || from > to) return { from, to, bucketMs: 0, buckets: [] };
    const buckets = request.buckets ?? DEFAULT_BUCKETS;
    const bucketMs = Math.ceil((to - from + 1) / buckets);
    const filter = new SqlFilter().add('e.ts >= ?', from).add('e.ts <= ?', to).oneOf('e.family', request.families);
    // Parameters are bound as REAL; the casts keep the bucket number an integer division.
    const sql = `SELECT (e.ts - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS bucket, count(*) AS n, sum(e.failed) AS failed
      FROM events e WHERE ${filter.sql()} GROUP BY bucket`;
    const rows = this.cache.get(sql).all(from, bucketMs, ...filter.params()) as { bucket: number; n: number; failed: number }[];
    const counts = Array.from({ length: Math.ceil((to - from + 1) / bucketMs) }, (_, i) => ({ start: from + i * bucketMs, ok: 0, failed: 0 }));
    for (const row of rows) {
      const bucket = counts[row.bucket];
      if (bucket === undefined) continue;
      bucket.failed = row.failed;
      bucket.ok = row.n - row.failed;
    }
    return { from, to, bucketMs, buckets: counts };
  }
}
