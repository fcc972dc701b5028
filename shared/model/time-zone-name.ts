/** The longest producer time zone name accepted (IANA names are far shorter; this bounds a request). */
export const MAX_TIME_ZONE_NAME_LENGTH = 64;

/** Letters, digits and the punctuation IANA names use (`America/Argentina/Buenos_Aires`, `Etc/GMT+5`). */
const NAME_SHAPE = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

/**
 * True for an IANA time zone name this runtime knows, such as `Asia/Kolkata` or
 * `UTC`. Checked with Intl.DateTimeFormat, which refuses unknown names, so a zone
 * the reviewer sets is one the conversion can use; the shape check first keeps
 * offsets such as `+05:30` out (they are no producer's zone and never change with DST).
 */
export function isTimeZoneName(name: string): boolean {
  if (name.length === 0 || name.length > MAX_TIME_ZONE_NAME_LENGTH || !NAME_SHAPE.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * How a file's times without zone were read, as the problems, the screen and the
 * reports say it: in UTC by default, or in the zone the reviewer set.
 */
export function naiveReadingNote(zone: string | null): string {
  return zone === null ? 'read as UTC' : `read as ${zone} (set by the reviewer)`;
}
