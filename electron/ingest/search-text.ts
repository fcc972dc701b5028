/** Upper bound on the text indexed for one event; the raw line is still stored whole. */
const MAX_SEARCH_CHARS = 64 * 1024;
const MAX_DEPTH = 64;

/**
 * The text full-text search indexes for an event: its string, number and boolean
 * values, not its keys. Keys repeat on every line and would double the index
 * while no one searches for `"trace_id"`; values are what a reviewer types.
 */
export function searchText(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const visit = (v: unknown, depth: number): void => {
    if (length >= MAX_SEARCH_CHARS || depth > MAX_DEPTH) return;
    if (typeof v === 'string') {
      parts.push(v);
      length += v.length + 1;
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      const s = String(v);
      parts.push(s);
      length += s.length + 1;
    } else if (Array.isArray(v)) {
      for (const item of v) visit(item, depth + 1);
    } else if (v !== null && typeof v === 'object') {
      for (const key in v) visit((v as Record<string, unknown>)[key], depth + 1);
    }
  };
  visit(value, 0);
  const text = parts.join(' ');
  return text.length > MAX_SEARCH_CHARS ? text.slice(0, MAX_SEARCH_CHARS) : text;
}
