/** Upper bound on the text indexed for one event; the raw line is still stored whole. */
const MAX_SEARCH_CHARS = 64 * 1024;

/**
 * The text full-text search indexes for an event: its string, number and boolean
 * values, not its keys. Keys repeat on every line and would double the index
 * while no one searches for `"trace_id"`; values are what a reviewer types.
 * Values are taken in document order at any depth (a line nested too deep for
 * the normalizers is still searched by all of its values), through a stack of
 * its own rather than recursion, so no nesting can exhaust the call stack.
 */
export function searchText(value: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && length < MAX_SEARCH_CHARS) {
    const v = stack.pop();
    if (typeof v === 'string') {
      parts.push(v);
      length += v.length + 1;
    } else if (typeof v === 'number' || typeof v === 'boolean') {
      const s = String(v);
      parts.push(s);
      length += s.length + 1;
    } else if (Array.isArray(v)) {
      for (let index = v.length - 1; index >= 0; index--) stack.push(v[index]);
    } else if (v !== null && typeof v === 'object') {
      const values: unknown[] = [];
      for (const key in v) values.push((v as Record<string, unknown>)[key]);
      for (let index = values.length - 1; index >= 0; index--) stack.push(values[index]);
    }
  }
  const text = parts.join(' ');
  return text.length > MAX_SEARCH_CHARS ? text.slice(0, MAX_SEARCH_CHARS) : text;
}
