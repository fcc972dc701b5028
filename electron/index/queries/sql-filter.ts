/**
 * A WHERE clause built from the filters a request sets, with its parameters in
 * order. Lists of values go in as one JSON parameter, so the SQL text (and the
 * prepared statement) depends on which filters are set, never on how many values.
 */
export class SqlFilter {
  private readonly conditions: string[] = [];
  private readonly values: unknown[] = [];

  /** Adds a condition and its parameters. */
  add(condition: string, ...params: readonly unknown[]): this {
    this.conditions.push(condition);
    this.values.push(...params);
    return this;
  }

  /**
   * Requires `column` to be one of `values`. An absent or empty list filters
   * nothing (a UI with no box ticked means "any"); a single value is an
   * equality, which an index on the column can seek on.
   */
  oneOf(column: string, values: readonly unknown[] | undefined): this {
    if (values === undefined || values.length === 0) return this;
    return values.length === 1 ? this.add(`${column} = ?`, values[0]) : this.add(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
  }

  /**
   * The conditions joined, with `extra` ones (a keyset range) before them; `1`
   * when there are none. The range comes first because SQLite seeks an index on
   * the first of two bounds on one column it meets: after a filter's `ts >= ?`,
   * a deep page's `(ts, id) > (?, ?)` was a filter read row by row from the
   * window's start (35–47 ms at 100,000 events in, against 7–8 ms).
   */
  sql(extra: readonly string[] = []): string {
    const all = [...extra, ...this.conditions];
    return all.length === 0 ? '1' : all.join(' AND ');
  }

  /** `extra`'s parameters, then the conditions', in the order of sql(). */
  params(extra: readonly unknown[] = []): unknown[] {
    return [...extra, ...this.values];
  }
}
