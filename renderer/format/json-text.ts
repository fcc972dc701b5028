import { lineObject } from '../../shared/formats/line-payload';
import { withVisibleControls } from './visible-controls';

/** Pretty JSON of a parsed value, for display as text, hidden controls escaped; `undefined` (did not parse) gives null. */
export function prettyJson(value: unknown): string | null {
  if (value === undefined) return null;
  try {
    const text = JSON.stringify(value, null, 2) as string | undefined;
    return text === undefined ? null : withVisibleControls(text);
  } catch {
    return null;
  }
}

/**
 * One value as a short line of text: strings as JSON strings (so `"7"` and `7`
 * differ, as they do in the evidence), absent as an em dash.
 */
export function valueText(value: unknown): string {
  if (value === undefined) return '—';
  try {
    return withVisibleControls(JSON.stringify(value) ?? String(value));
  } catch {
    return withVisibleControls(String(value));
  }
}

/** A string shown as itself, anything else as its JSON. */
export function plainText(value: unknown): string {
  if (value === undefined || value === null) return '—';
  return typeof value === 'string' ? withVisibleControls(value) : valueText(value);
}

/** The value at a path of nested plain objects, or undefined. */
export function readPath(value: unknown, path: readonly string[]): unknown {
  let current: unknown = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A plain object (not an array, not null), or null. */
export function asRecord(value: unknown): Readonly<Record<string, unknown>> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * An event's preview (the start of its raw line) as the object it carries — the
 * line itself, or the payload after a text log's prefix — when it is the whole
 * line; null when it was cut or carries no object.
 */
export function parsePreview(preview: string): Readonly<Record<string, unknown>> | null {
  return lineObject(preview);
}
