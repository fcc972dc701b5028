import { displayTime } from '../../shared/model/display-time';

/** A time typed into a range field: its instant (null: that side is open), or why it cannot be read. */
export type TypedTime = { readonly ok: true; readonly ms: number | null } | { readonly ok: false; readonly reason: string };

// Typed times are read as UTC, as every time on screen is shown: a field that
// read them in the reviewer's own zone would not select what the rows beside it say.
const TYPED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?\s*(?:Z|UTC)?$/i;

/**
 * Reads a time typed by hand: the app's own format (`2026-03-02 10:02:11.418Z`,
 * so a shown time pasted back selects exactly that instant), or shorter forms
 * (`2026-03-02T10:15`, `2026-03-02`). A bare date is the start of that day for
 * `from` and its last millisecond for `to`, so "to 2 March" includes 2 March.
 */
export function parseTypedTime(text: string, side: 'from' | 'to'): TypedTime {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, ms: null };
  const match = TYPED.exec(trimmed);
  if (match === null) return { ok: false, reason: 'Write a UTC time as 2026-03-02 10:15:00, or a date as 2026-03-02.' };
  const [year, month, day, hour, minute, second, fraction] = match.slice(1, 8).map((part) => (part === undefined ? undefined : Number(part)));
  const dateOnly = hour === undefined;
  const millis = fraction === undefined ? 0 : Number((match[7] ?? '').padEnd(3, '0'));
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0, millis);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a day or hour that does not exist is refused, not moved.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() + 1 !== month || back.getUTCDate() !== day || (hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) {
    return { ok: false, reason: `${trimmed} is no such time.` };
  }
  return { ok: true, ms: dateOnly && side === 'to' ? ms + 86_400_000 - 1 : ms };
}

/** The text a range field starts with for a time: the app's format, which parseTypedTime reads back to the same millisecond. */
export function typedTimeOf(ms: number | null): string {
  return ms === null ? '' : displayTime(ms);
}
