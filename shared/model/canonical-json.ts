/**
 * RFC 8785 JSON Canonicalization Scheme for values that came out of JSON.parse.
 * Keys are sorted by UTF-16 code units and numbers use ECMAScript's shortest
 * round-trip form, which is exactly what the RFC prescribes, so JSON.stringify
 * can serialize the leaves.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value);
}

/**
 * A value JSON.parse can produce but JCS cannot write: a number beyond the double
 * range (`1e400` parses to Infinity). No hash over such a value can be recomputed.
 */
export class NotCanonicalizable extends Error {}

/** The canonical JSON of a value, or null when it has none (see NotCanonicalizable). */
export function canonicalJsonOrNull(value: unknown): string | null {
  return nullIfNotCanonicalizable(() => canonical(value));
}

/** What `compute` returns, or null when it needed the canonical form of a value that has none. */
export function nullIfNotCanonicalizable<T>(compute: () => T): T | null {
  try {
    return compute();
  } catch (error) {
    if (error instanceof NotCanonicalizable) return null;
    throw error;
  }
}

function canonical(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotCanonicalizable('canonical JSON has no form for a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item) => canonical(item)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareUtf16);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(record[key])}`).join(',')}}`;
  }
  throw new Error(`canonical JSON has no form for a ${typeof value}`);
}

function compareUtf16(a: string, b: string): number {
  // Plain < compares UTF-16 code units, as RFC 8785 section 3.2.3 requires.
  return a < b ? -1 : a > b ? 1 : 0;
}
