import { formatCount } from './numbers';

/**
 * What an execution's events list holds beyond the events its header counts:
 * an event logged in two files (ChainBridge's telemetry file and captured
 * stdout) is listed from both, with both lines, and counted once. Null when the
 * list holds no more than the count (or is not read to its end yet).
 */
export function eventCopiesNote(listed: number | null, counted: number): string | null {
  if (listed === null || listed <= counted) return null;
  const copies = listed - counted;
  return `${formatCount(listed)} lines for ${formatCount(counted)} events: ${copies === 1 ? 'one event is' : `${formatCount(copies)} events are`} also logged in another file, listed from both and counted once.`;
}
