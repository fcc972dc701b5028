import type { LineProblem } from '../../../shared/model/problem-code';
import { naiveReadingNote, naiveToUtc } from './naive-time-zone';

/** A timestamp read as UTC milliseconds, with the contract problem it raised (if any). */
export interface ParsedTimestamp {
  readonly ms: number | null;
  readonly problem: LineProblem | null;
}

/** Longer values are cut in messages so a megabyte of junk does not land in the problems table. */
const MAX_QUOTED_LENGTH = 64;

/** Character codes the scanner compares against. */
const ZERO = 0x30;
const DASH = 0x2d;
const COLON = 0x3a;
const DOT = 0x2e;
const COMMA = 0x2c;
const PLUS = 0x2b;
const MINUS = 0x2d;
const SPACE = 0x20;
const UPPER_T = 0x54;
const LOWER_T = 0x74;
const UPPER_Z = 0x5a;
const LOWER_Z = 0x7a;

/** Milliseconds in 400 Gregorian years (146,097 days): shifting by it keeps the calendar identical. */
const FOUR_CENTURIES_MS = 146_097 * 86_400_000;

/**
 * Reads a producer timestamp as UTC milliseconds. Producers must write UTC:
 * a value without zone is read as UTC, or in the producer time zone the reviewer
 * set for its file (see withNaiveTimeZone), with `time.no_zone`; a non-zero
 * offset is converted with `time.not_utc`; an unparseable value gives `time.invalid` and null.
 * `field` names the field in problem messages (`timestamp_start`, `ts`, …).
 *
 * Accepted: `YYYY-MM-DD`, `T` / `t` / space, `HH:MM`, optional `:SS` with an
 * optional `.fraction`, optional zone `Z`, `±HH`, `±HHMM` or `±HH:MM`. This is
 * a hand-written scanner rather than Date.parse, which accepts garbage such as
 * "1" or "2026-02-31", and rather than a capturing regex, which costs several
 * times more on a path that runs once per line.
 */
export function parseTimestamp(value: unknown, field = 'timestamp'): ParsedTimestamp {
  if (value === undefined || value === null) return missing(field);
  if (typeof value !== 'string') {
    return invalid(`${field} is ${Array.isArray(value) ? 'an array' : `a ${typeof value}`}, not an ISO-8601 date-time string`);
  }
  const length = value.length;
  const separator = value.charCodeAt(10);
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 2);
  const day = digitsAt(value, 8, 2);
  const hour = digitsAt(value, 11, 2);
  const minute = digitsAt(value, 14, 2);
  if (
    length < 16 ||
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    value.charCodeAt(4) !== DASH ||
    value.charCodeAt(7) !== DASH ||
    (separator !== UPPER_T && separator !== LOWER_T && separator !== SPACE) ||
    value.charCodeAt(13) !== COLON
  ) {
    return notIso(field, value);
  }

  let position = 16;
  let second = 0;
  let millis = 0;
  if (value.charCodeAt(position) === COLON) {
    second = digitsAt(value, position + 1, 2);
    if (second < 0) return notIso(field, value);
    position += 3;
    const mark = value.charCodeAt(position);
    if (mark === DOT || mark === COMMA) {
      position += 1;
      const fractionStart = position;
      while (isDigit(value.charCodeAt(position))) position += 1;
      if (position === fractionStart) return notIso(field, value);
      // Only milliseconds are kept; microseconds (Python's isoformat) are truncated.
      for (let index = 0; index < 3; index += 1) {
        const digit = fractionStart + index < position ? value.charCodeAt(fractionStart + index) - ZERO : 0;
        millis = millis * 10 + digit;
      }
    }
  }

  let offsetMinutes = 0;
  let hasZone = false;
  if (position < length) {
    const zone = value.charCodeAt(position);
    if ((zone === UPPER_Z || zone === LOWER_Z) && position + 1 === length) {
      hasZone = true;
    } else if (zone === PLUS || zone === MINUS) {
      const offsetHours = digitsAt(value, position + 1, 2);
      let offsetMins = 0;
      let end = position + 3;
      if (end < length) {
        if (value.charCodeAt(end) === COLON) end += 1;
        offsetMins = digitsAt(value, end, 2);
        end += 2;
      }
      if (offsetHours < 0 || offsetMins < 0 || end !== length) return notIso(field, value);
      if (offsetHours > 23 || offsetMins > 59) return invalid(`${field} ${quote(value)} has an impossible offset ${value.slice(position)}`);
      hasZone = true;
      offsetMinutes = (zone === MINUS ? -1 : 1) * (offsetHours * 60 + offsetMins);
    } else {
      return notIso(field, value);
    }
  }

  // Second 60 is rejected: Python's datetime, which most producers use, never writes a leap second.
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) {
    return invalid(`${field} ${quote(value)} is not a real date-time (a field is out of range)`);
  }
  // Date.UTC maps years 0-99 to 1900-1999, so those are computed four centuries later and shifted back.
  const local = year < 100 ? Date.UTC(year + 400, month - 1, day, hour, minute, second, millis) - FOUR_CENTURIES_MS : Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const ms = local - offsetMinutes * 60_000;

  if (!hasZone) {
    return {
      ms: naiveToUtc(ms),
      problem: { code: 'time.no_zone', message: `${field} ${quote(value)} has no time zone; this file's times without zone are ${naiveReadingNote()} (first one shown)` },
    };
  }
  if (offsetMinutes !== 0) {
    return { ms, problem: { code: 'time.not_utc', message: `${field} ${quote(value)} has offset ${value.slice(position)}; converted to UTC` } };
  }
  return { ms, problem: null };
}

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/** The decimal number of `count` ASCII digits at `start`, or -1 when any is not a digit (or past the end). */
function digitsAt(value: string, start: number, count: number): number {
  let number = 0;
  for (let index = start; index < start + count; index += 1) {
    const code = value.charCodeAt(index);
    if (!isDigit(code)) return -1;
    number = number * 10 + (code - ZERO);
  }
  return number;
}

function notIso(field: string, value: string): ParsedTimestamp {
  return invalid(`${field} ${quote(value)} is not an ISO-8601 date-time`);
}

function missing(field: string): ParsedTimestamp {
  return { ms: null, problem: { code: 'time.missing', message: `${field} is missing` } };
}

function invalid(message: string): ParsedTimestamp {
  return { ms: null, problem: { code: 'time.invalid', message } };
}

function quote(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
