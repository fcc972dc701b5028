/** Deeper than this, a JSON value is hostile or broken: no telemetry format nests anywhere near it. */
export const MAX_JSON_DEPTH = 200;

/**
 * True when a parsed JSON value nests deeper than `limit`. Iterative, so a
 * 100,000-deep array cannot overflow the stack here the way a recursive walk
 * (JSON.stringify, canonical JSON, structured clone) would.
 */
export function jsonDepthExceeds(value: unknown, limit: number = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    if (Array.isArray(current)) {
      for (const item of current) if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1 });
    } else {
      for (const key in current) {
        const item = (current as Record<string, unknown>)[key];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: depth + 1 });
      }
    }
  }
  return false;
}
