/**
 * A shallow copy of a JSON object without some keys, e.g. a step event without
 * `kind` for hash verification. An own `__proto__` key (legal in JSON) is
 * copied as a plain property instead of replacing the copy's prototype.
 */
export function copyWithoutKeys(obj: Readonly<Record<string, unknown>>, omitted: ReadonlySet<string>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(obj)) {
    if (omitted.has(key)) continue;
    if (key === '__proto__') {
      Object.defineProperty(copy, key, { value: obj[key], enumerable: true, writable: true, configurable: true });
    } else {
      copy[key] = obj[key];
    }
  }
  return copy;
}
