import { displayTime } from '../../shared/model/display-time';

// Times are shown in UTC, as the evidence is written: an incident timeline read
// in the reviewer's own zone would not line up with the raw lines beside it.

/** `2026-03-02 10:02:11.418Z`, or an em dash for no time: the one format exports use too (shared/model/display-time). */
export function formatTimestamp(ms: number | null | undefined): string {
  return displayTime(ms);
}

/** `10:02:11.418` (time of day only, UTC), for rows whose date is clear from context. */
export function formatTimeOfDay(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString().slice(11, 23);
}

/** A compact duration: `812 ms`, `4.2 s`, `3 min 04 s`, `2 h 05 min`, `3 d 4 h`. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '';
  const abs = Math.abs(ms);
  if (abs < 1000) return `${sign}${Math.round(abs)} ms`;
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(abs < 10_000 ? 2 : 1)} s`;
  const totalSeconds = Math.round(abs / 1000);
  if (totalSeconds < 3600) return `${sign}${Math.floor(totalSeconds / 60)} min ${pad(totalSeconds % 60)} s`;
  const totalMinutes = Math.round(totalSeconds / 60);
  if (totalMinutes < 24 * 60) return `${sign}${Math.floor(totalMinutes / 60)} h ${pad(totalMinutes % 60)} min`;
  const totalHours = Math.round(totalMinutes / 60);
  return `${sign}${Math.floor(totalHours / 24)} d ${totalHours % 24} h`;
}

/** `from – to` of a time range, shortening the second side when both are on one day. */
export function formatRange(from: number | null, to: number | null): string {
  if (from === null && to === null) return 'all time';
  const left = formatTimestamp(from);
  const right = formatTimestamp(to);
  if (from !== null && to !== null && left.slice(0, 10) === right.slice(0, 10)) return `${left} – ${right.slice(11)}`;
  return `${left} – ${right}`;
}

function pad(n: number): string {
  return n.toString().padStart(2, '0');
}
