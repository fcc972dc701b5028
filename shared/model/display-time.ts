// One way to show a time, in the app and in every export: UTC, to the millisecond,
// with its zone written (`2026-03-02 10:02:11.418Z`), as the evidence is read.

/** `2026-03-02 10:02:11.418Z`, or an em dash for no time. */
export function displayTime(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return '—';
  return date.toISOString().replace('T', ' ');
}

/** An ISO 8601 time with an explicit zone (`Z` or `±hh:mm`): the only kind that names one instant by itself. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time written as text (a snapshot's captured_at, a Benson summary's
 * first_event, an acknowledgement's time) in the one format of displayTime, so
 * every time on screen and in a report reads alike. Only a time that names its
 * zone is converted; one without a zone is shown as written and says so, since
 * reading it in the viewer's zone would invent one.
 */
export function displayWrittenTime(written: string | null | undefined): string {
  if (written === null || written === undefined || written.trim() === '') return '—';
  const text = written.trim();
  if (!ZONED_ISO.test(text)) return `${text} (as written, no zone)`;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(ms) ? displayTime(ms) : `${text} (as written)`;
}
