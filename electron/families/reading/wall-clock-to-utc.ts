/** Milliseconds in a day: offsets are sampled this far either side of a wall-clock time to see a transition. */
const DAY_MS = 86_400_000;

/** Offsets are cached per quarter hour of UTC: every zone's transitions fall on a quarter hour. */
const QUARTER_HOUR_MS = 900_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Converts a wall-clock time in an IANA zone to UTC milliseconds. `wallMs` is the
 * wall clock's fields read as if UTC (what parseTimestamp computes for a value
 * without zone). Uses the runtime's Intl time zone data, no dependency.
 *
 * Deterministic at DST transitions, as Python's `fold=0` and Temporal's
 * `compatible` disambiguation: a time that occurs twice (clocks set back) is the
 * earlier instant, with the offset before the transition; a time that never
 * occurs (clocks set forward) is read with the offset before the transition too,
 * so it lands that many minutes after the gap (02:30 in a 02:00→03:00 gap is 03:30).
 */
export function wallClockToUtc(wallMs: number, zone: string): number {
  const before = offsetAt(wallMs - DAY_MS, zone);
  const early = wallMs - before;
  if (before === offsetAt(wallMs + DAY_MS, zone)) return early;
  // A transition is near: the offset before it, when the wall clock exists with it (also the earlier of two); else the one after.
  if (offsetAt(early, zone) === before) return early;
  const after = wallMs - offsetAt(wallMs + DAY_MS, zone);
  return offsetAt(after, zone) === wallMs - after ? after : early;
}

/** The zone's offset from UTC (wall clock minus UTC, in ms) at a UTC instant. */
export function offsetAt(utcMs: number, zone: string): number {
  let byQuarter = offsetCache.get(zone);
  if (byQuarter === undefined) offsetCache.set(zone, (byQuarter = new Map()));
  const quarter = Math.floor(utcMs / QUARTER_HOUR_MS);
  const cached = byQuarter.get(quarter);
  if (cached !== undefined) return cached;
  const start = quarter * QUARTER_HOUR_MS;
  const offset = wallFieldsMs(start, zone) - start;
  // Bounded: a folder's timestamps span few quarter hours, but a hostile file could spread them.
  if (byQuarter.size > 100_000) byQuarter.clear();
  byQuarter.set(quarter, offset);
  return offset;
}

/** The zone's wall clock at a UTC instant, as its fields read as if UTC (seconds precision). */
function wallFieldsMs(utcMs: number, zone: string): number {
  let format = formatters.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, format);
  }
  const fields: Record<string, number> = {};
  let bc = false;
  for (const part of format.formatToParts(utcMs)) {
    if (part.type === 'era') bc = part.value === 'BC' || part.value === 'B';
    else if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const year = bc ? 1 - (fields.year ?? 0) : (fields.year ?? 0);
  const date = new Date(0);
  date.setUTCFullYear(year, (fields.month ?? 1) - 1, fields.day ?? 1);
  date.setUTCHours(fields.hour ?? 0, fields.minute ?? 0, fields.second ?? 0, 0);
  return date.getTime();
}
