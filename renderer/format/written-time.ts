import { formatTimestamp } from './time';

/** An ISO 8601 time with an explicit zone (`Z` or `±hh:mm`): the only kind that names one instant by itself. */
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time written in the evidence (a snapshot's captured_at, an acknowledgement's
 * time), shown in the app's one format (`2026-03-02 10:02:11.418Z`) so every
 * time on screen reads alike. Only a time that names its zone is converted; one
 * without a zone is shown as written and says so, since reading it in the
 * browser's zone would invent one.
 */
export function writtenTimeText(written: string | null | undefined): string {
  if (written === null || written === undefined || written.trim() === '') return '—';
  const text = written.trim();
  if (!ZONED_ISO.test(text)) return `${text} (as written, no zone)`;
  const ms = Date.parse(text.replace(' ', 'T'));
  return Number.isFinite(ms) ? formatTimestamp(ms) : `${text} (as written)`;
}
