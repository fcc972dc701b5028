/** The sort value a cursor carries: a timestamp or count, a text, or null for rows that have none. */
export type SortValue = number | string | null;

/** Where a page ended: the last row's sort value and id; the next page starts strictly after it. */
export interface KeysetPosition {
  readonly value: SortValue;
  readonly id: number;
}

/** A cursor that no list of ours could have returned (edited, truncated, or from another list). */
export class InvalidCursor extends Error {
  constructor() {
    super('the cursor is not one this list returned');
  }
}

/** The opaque cursor of a position: base64url of `[sortValue, id]`. */
export function encodeCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.value, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor back; throws InvalidCursor for anything encodeCursor did not write. */
export function decodeCursor(cursor: string): KeysetPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw new InvalidCursor();
  const [value, id] = decoded as [unknown, unknown];
  if (!Number.isSafeInteger(id)) throw new InvalidCursor();
  if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) throw new InvalidCursor();
  return { value, id: id as number };
}
