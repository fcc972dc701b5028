/**
 * Numbers repeated keys by occurrence (`navigation#1`, `navigation#2`, …), so
 * the n-th step of a kind in one run pairs with the n-th of that kind in the
 * other: a run that inserts or skips one step does not shift every later pair.
 */
export function occurrenceKeys(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}#${n}`;
  });
}

/** The label of the n-th occurrence: the base alone for the first, `base (n)` after. */
export function occurrenceLabel(base: string, key: string): string {
  const n = key.slice(key.lastIndexOf('#') + 1);
  return n === '1' ? base : `${base} (${n})`;
}
