import { naiveReadingNote as noteFor } from '../../../shared/model/time-zone-name';
import { wallClockToUtc } from './wall-clock-to-utc';

/** The producer zone that times without zone are read in while one source is being normalized; null is UTC. */
let current: string | null = null;

/**
 * Normalizes with times without zone read in `zone` (null: as UTC). The
 * normalizers call parseTimestamp deep inside each family's code; rather than
 * thread the source's zone through every one of them, the reader sets it around
 * the synchronous normalization of that source's lines. Nothing in `read` may
 * await, so no other source's line can be normalized in between.
 */
export function withNaiveTimeZone<T>(zone: string | null, read: () => T): T {
  const before = current;
  current = zone;
  try {
    return read();
  } finally {
    current = before;
  }
}

/** A time without zone, its fields read as if UTC, converted from the current producer zone. */
export function naiveToUtc(wallMs: number): number {
  return current === null ? wallMs : wallClockToUtc(wallMs, current);
}

/** How times without zone are being read, for the `time.no_zone` message. */
export function naiveReadingNote(): string {
  return noteFor(current);
}
