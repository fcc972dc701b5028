import { encodeCursor, InvalidCursor, type KeysetPosition, type SortValue } from './keyset-cursor';

/**
 * One run of a keyset order. A sort column with NULLs (or, under a partial
 * index, zeros) cannot be paged as one index range, so those rows form a
 * stretch of their own, ordered by id alone, placed before or after the rest.
 */
export type KeysetStretch =
  | { readonly where: string; readonly constant: null | 0 }
  | { readonly where: string | null; readonly value: string; readonly kind: 'number' | 'text' };

/** A list's order: its stretches in page order, the id column that breaks ties, and the direction within each stretch. */
export interface KeysetOrder {
  readonly stretches: readonly KeysetStretch[];
  readonly id: string;
  readonly descending: boolean;
}

/** One SQL range of a page: conditions added to the list's filters, their parameters, and the ORDER BY an index can serve. */
export interface KeysetRange {
  readonly where: readonly string[];
  readonly params: readonly unknown[];
  readonly orderBy: string;
}

/** A page of rows and the cursor of the next page (null at the end). */
export interface KeysetPage<Row> {
  readonly rows: readonly Row[];
  readonly nextCursor: string | null;
}

/** The ranges that follow a position, in page order (every range of the order for a first page). */
export function rangesAfter(order: KeysetOrder, after: KeysetPosition | null): KeysetRange[] {
  const first = after === null ? 0 : stretchOf(order, after.value);
  const op = order.descending ? '<' : '>';
  const dir = order.descending ? 'DESC' : 'ASC';
  return order.stretches.slice(first).map((stretch, i): KeysetRange => {
    const where = stretch.where === null ? [] : [stretch.where];
    const from = i === 0 ? after : null;
    if ('constant' in stretch) {
      return from === null
        ? { where, params: [], orderBy: `${order.id} ${dir}` }
        : { where: [...where, `${order.id} ${op} ?`], params: [from.id], orderBy: `${order.id} ${dir}` };
    }
    const orderBy = `${stretch.value} ${dir}, ${order.id} ${dir}`;
    return from === null
      ? { where, params: [], orderBy }
      : { where: [...where, `(${stretch.value}, ${order.id}) ${op} (?, ?)`], params: [from.value, from.id], orderBy };
  });
}

/**
 * Reads a page range by range until it holds `limit` rows plus one, which only
 * tells whether a next page exists. Each range is one indexed SQL query.
 */
export function readKeysetPage<Row>(
  order: KeysetOrder,
  after: KeysetPosition | null,
  limit: number,
  read: (range: KeysetRange, limit: number) => readonly Row[],
  positionOf: (row: Row) => KeysetPosition,
): KeysetPage<Row> {
  const rows: Row[] = [];
  for (const range of rangesAfter(order, after)) {
    rows.push(...read(range, limit + 1 - rows.length));
    if (rows.length > limit) break;
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(positionOf(last)) : null };
}

/** The stretch a cursor's sort value belongs to; a value of the wrong type means the cursor came from another list. */
function stretchOf(order: KeysetOrder, value: SortValue): number {
  const constant = order.stretches.findIndex((s) => 'constant' in s && s.constant === value);
  if (constant >= 0) return constant;
  const valued = order.stretches.findIndex((s) => 'value' in s && typeof value === (s.kind === 'number' ? 'number' : 'string'));
  if (valued < 0) throw new InvalidCursor();
  return valued;
}
