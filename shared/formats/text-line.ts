/** A log level, normalized from the many spellings producers use (WARN, ERR, FATAL, CRIT…). */
export type LogLevel = 'trace' | 'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical';

/**
 * A time read from a line prefix. `naive` has no zone (Python's asctime,
 * `datetime.now().isoformat()`): its fields are read as if UTC, and the caller
 * flags it and may re-derive it with a producer time zone. `yearless` is
 * syslog's `Mon dd HH:MM:SS`, which needs a year from elsewhere (yearlessToNaiveMs).
 */
export type LineTime =
  | { readonly kind: 'zoned'; readonly ms: number; readonly offsetMinutes: number }
  | { readonly kind: 'naive'; readonly ms: number }
  | { readonly kind: 'yearless'; readonly month: number; readonly day: number; readonly msOfDay: number };

/** The timestamp of a line prefix: its text as written, where it starts, and what it means. */
export interface LineTimestamp {
  readonly text: string;
  readonly offset: number;
  readonly time: LineTime;
}

/** Where a structured payload starts in a line, and which parser reads it. */
export interface LinePayload {
  readonly offset: number;
  readonly kind: 'json' | 'python';
}

/** What the recognizable prefix of one text line says, and where its message and payload start. */
export interface TextLineInfo {
  readonly timestamp: LineTimestamp | null;
  readonly level: LogLevel | null;
  /** The level as written (`WARN`, `[error]` → `error`), for display. */
  readonly levelText: string | null;
  /** The logger name of Python's `LEVEL:name:` or `asctime - name - LEVEL - ` formats. */
  readonly logger: string | null;
  readonly messageOffset: number;
  /** The rest of the line after the prefix (the whole line when there is none). */
  readonly message: string;
  readonly payload: LinePayload | null;
}

/**
 * Reads the prefix a logging setup puts before a message (producers.md "Text
 * logs"): any order of a timestamp (ISO-8601, Python's `YYYY-MM-DD HH:MM:SS,mmm`,
 * syslog `Mon dd HH:MM:SS`, bare or in brackets), a level (`[LEVEL]`, bare
 * upper-case `LEVEL`, Python's `LEVEL:name:`), a logger name between them, and
 * the separators ` | `, ` - `, `: ` after each. A line starting with whitespace
 * has no prefix (it is a continuation). Then finds a structured payload: a `{`
 * that opens an object with a quoted first key, runs to the end of the line,
 * and follows the message start directly or after at most three tag-like words
 * (`EXECUTION_EVENT | `, `[TELEMETRY] `, `host app[12]: `); `python` when the
 * payload shows Python-only syntax (single-quoted strings, True/False/None,
 * tuples), else `json`. Never throws; one pass over the line, no backtracking regex.
 */
export function recognizeTextLine(line: string): TextLineInfo {
  let position = 0;
  let timestamp: LineTimestamp | null = null;
  let level: LogLevel | null = null;
  let levelText: string | null = null;
  let logger: string | null = null;
  for (let elements = 0; elements < MAX_PREFIX_ELEMENTS; elements++) {
    const start = position;
    if (line.charCodeAt(position) === OPEN_BRACKET) {
      const close = line.indexOf(']', position + 1);
      if (close < 0 || close - position > MAX_BRACKET_LENGTH) break;
      const inner = line.slice(position + 1, close).trim();
      const time: ScannedTime | null = timestamp === null ? scanTimestamp(inner, 0) : null;
      const bracketLevel: LogLevel | undefined = level === null ? LEVELS.get(inner.toUpperCase()) : undefined;
      if (time !== null && time.end === inner.length) {
        timestamp = { text: inner, offset: line.indexOf(inner, position), time: time.time };
      } else if (bracketLevel !== undefined) {
        level = bracketLevel;
        levelText = inner;
      } else {
        break;
      }
      position = close + 1;
    } else {
      const time: ScannedTime | null = timestamp === null ? scanTimestamp(line, position) : null;
      const word = level === null ? upperWordAt(line, position) : '';
      const wordLevel = LEVELS.get(word);
      if (time !== null) {
        timestamp = { text: line.slice(position, time.end), offset: position, time: time.time };
        position = time.end;
      } else if (wordLevel !== undefined && isWordEnd(line, position + word.length)) {
        level = wordLevel;
        levelText = word;
        position += word.length;
        if (elements === 0 && line.charCodeAt(position) === COLON) {
          // Python's default format, `LEVEL:name:message`; `INFO:     text` (no name) also occurs.
          position++;
          const nameEnd = line.indexOf(':', position);
          const name = nameEnd < 0 ? '' : line.slice(position, nameEnd);
          if (name !== '' && name.length <= MAX_NAME_LENGTH && !/\s/.test(name)) {
            logger = name;
            position = nameEnd + 1;
          } else {
            position = skipSpaces(line, position);
          }
          return finish(line, position, timestamp, level, levelText, logger);
        }
      } else if (level !== null && logger === null && isLowerName(line, position)) {
        // `LEVEL name: message` (e.g. `%(asctime)s [%(levelname)s] %(name)s: %(message)s`), see isLowerName.
        const nameEnd = nameEndAt(line, position);
        logger = line.slice(position, nameEnd);
        position = skipSpaces(line, nameEnd + 1);
        continue;
      } else if (elements > 0 && level === null && logger === null) {
        // `asctime - name - LEVEL - message`: a name is only taken when a level follows it.
        const nameEnd = nameEndAt(line, position);
        const afterName = skipSeparator(line, nameEnd);
        const nextWord = upperWordAt(line, afterName);
        if (nameEnd === position || afterName === nameEnd || !LEVELS.has(nextWord) || !isWordEnd(line, afterName + nextWord.length)) break;
        logger = line.slice(position, nameEnd);
        position = afterName;
        continue;
      } else {
        break;
      }
    }
    if (position === start) break;
    position = skipSeparator(line, position);
  }
  return finish(line, position, timestamp, level, levelText, logger);
}

/** The naive UTC milliseconds of a syslog time once its year is known (e.g. from the file's modification time). */
export function yearlessToNaiveMs(time: { readonly month: number; readonly day: number; readonly msOfDay: number }, year: number): number {
  return utcMs(year, time.month, time.day, 0, 0, 0, 0) + time.msOfDay;
}

const MAX_PREFIX_ELEMENTS = 5;
const MAX_BRACKET_LENGTH = 64;
const MAX_NAME_LENGTH = 100;
const MAX_TAG_WORDS = 3;
const MAX_TAG_LENGTH = 80;
const OPEN_BRACKET = 0x5b;
const COLON = 0x3a;
const SPACE = 0x20;
const TAB = 0x09;

/** Every spelling of a level a logging setup writes, upper case, to its normalized level. */
const LEVELS: ReadonlyMap<string, LogLevel> = new Map<string, LogLevel>([
  ['TRACE', 'trace'],
  ['DEBUG', 'debug'],
  ['INFO', 'info'],
  ['INFORMATION', 'info'],
  ['NOTICE', 'notice'],
  ['WARN', 'warning'],
  ['WARNING', 'warning'],
  ['ERROR', 'error'],
  ['ERR', 'error'],
  ['SEVERE', 'error'],
  ['CRITICAL', 'critical'],
  ['CRIT', 'critical'],
  ['FATAL', 'critical'],
  ['ALERT', 'critical'],
  ['EMERG', 'critical'],
  ['EMERGENCY', 'critical'],
]);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

function finish(line: string, messageOffset: number, timestamp: LineTimestamp | null, level: LogLevel | null, levelText: string | null, logger: string | null): TextLineInfo {
  return { timestamp, level, levelText, logger, messageOffset, message: line.slice(messageOffset), payload: findPayload(line, messageOffset) };
}

/** The run of upper-case ASCII letters at `position` (a level candidate). */
function upperWordAt(line: string, position: number): string {
  let end = position;
  while (end - position <= 12) {
    const code = line.charCodeAt(end);
    if (code < 0x41 || code > 0x5a) break;
    end++;
  }
  return line.slice(position, end);
}

/** True when `position` ends a word: end of line, whitespace, or punctuation. */
function isWordEnd(line: string, position: number): boolean {
  if (position >= line.length) return true;
  const code = line.charCodeAt(position);
  return !isAlphanumeric(code) && code !== 0x5f;
}

function isAlphanumeric(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * True when a logger name followed by `: ` starts at `position`: lower case, and
 * dotted, with an underscore, or `root` (`svc.worker`, `__main__`), as Python's
 * `__name__` loggers are; `connection: refused` stays message text.
 */
function isLowerName(line: string, position: number): boolean {
  const first = line.charCodeAt(position);
  if (!(first >= 0x61 && first <= 0x7a) && first !== 0x5f) return false;
  const end = nameEndAt(line, position);
  if (line.charCodeAt(end) !== COLON || line.charCodeAt(end + 1) !== SPACE) return false;
  let marked = end - position === 4 && line.startsWith('root', position);
  for (let index = position; index < end; index++) {
    const code = line.charCodeAt(index);
    if (code >= 0x41 && code <= 0x5a) return false;
    if (code === 0x2e || code === 0x5f) marked = true;
  }
  return marked;
}

/** Where a logger name (letters, digits, `_`, `.`, `-`) starting at `position` ends. */
function nameEndAt(line: string, position: number): number {
  let end = position;
  while (end - position < MAX_NAME_LENGTH) {
    const code = line.charCodeAt(end);
    if (!isAlphanumeric(code) && code !== 0x5f && code !== 0x2e && code !== 0x2d) break;
    end++;
  }
  return end;
}

/** Past the spaces and one separator (`|`, `-`, `:` followed by a space or the end) after a prefix element. */
function skipSeparator(line: string, from: number): number {
  let position = skipSpaces(line, from);
  const char = line.charAt(position);
  if ((char === '|' || char === '-' || char === ':') && (position + 1 >= line.length || line.charCodeAt(position + 1) === SPACE)) {
    position = skipSpaces(line, position + 1);
  }
  return position;
}

function skipSpaces(line: string, from: number): number {
  let position = from;
  while (line.charCodeAt(position) === SPACE || line.charCodeAt(position) === TAB) position++;
  return position;
}

interface ScannedTime {
  readonly end: number;
  readonly time: LineTime;
}

/** A timestamp starting exactly at `position` and ending at a word boundary, or null. */
function scanTimestamp(text: string, position: number): ScannedTime | null {
  const scanned = isDigit(text.charCodeAt(position)) ? scanIso(text, position) : scanSyslog(text, position);
  return scanned !== null && isWordEnd(text, scanned.end) ? scanned : null;
}

/** `YYYY-MM-DD[T ]HH:MM[:SS[.,fraction]][zone]`, zone `Z`, `±HH`, `±HHMM`, `±HH:MM`, optionally after one space, or ` UTC`. */
function scanIso(text: string, start: number): ScannedTime | null {
  const year = digits(text, start, 4);
  const month = digits(text, start + 5, 2);
  const day = digits(text, start + 8, 2);
  const separator = text.charAt(start + 10);
  const hour = digits(text, start + 11, 2);
  const minute = digits(text, start + 14, 2);
  if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || text.charAt(start + 4) !== '-' || text.charAt(start + 7) !== '-' || text.charAt(start + 13) !== ':') return null;
  if (separator !== 'T' && separator !== 't' && separator !== ' ') return null;
  let position = start + 16;
  let second = 0;
  let millis = 0;
  if (text.charAt(position) === ':' && digits(text, position + 1, 2) >= 0) {
    second = digits(text, position + 1, 2);
    position += 3;
    const mark = text.charAt(position);
    if ((mark === '.' || mark === ',') && isDigit(text.charCodeAt(position + 1))) {
      const fractionStart = position + 1;
      position = fractionStart;
      while (isDigit(text.charCodeAt(position))) position++;
      millis = fractionMillis(text, fractionStart, position);
    }
  }
  if (!validFields(year, month, day, hour, minute, second)) return null;
  const wall = utcMs(year, month, day, hour, minute, second, millis);
  const zone = scanZone(text, position);
  if (zone === null) return { end: position, time: { kind: 'naive', ms: wall } };
  return { end: zone.end, time: { kind: 'zoned', ms: wall - zone.offsetMinutes * 60_000, offsetMinutes: zone.offsetMinutes } };
}

function scanZone(text: string, from: number): { readonly end: number; readonly offsetMinutes: number } | null {
  const char = text.charAt(from);
  if (char === 'Z' || char === 'z') return { end: from + 1, offsetMinutes: 0 };
  if (text.startsWith(' UTC', from) || text.startsWith(' GMT', from)) return { end: from + 4, offsetMinutes: 0 };
  const signAt = char === ' ' ? from + 1 : from;
  const sign = text.charAt(signAt);
  if (sign !== '+' && sign !== '-') return null;
  const hours = digits(text, signAt + 1, 2);
  if (hours < 0 || hours > 23) return null;
  let end = signAt + 3;
  let minutes = 0;
  const colon = text.charAt(end) === ':' ? 1 : 0;
  const maybeMinutes = digits(text, end + colon, 2);
  if (maybeMinutes >= 0 && maybeMinutes <= 59) {
    minutes = maybeMinutes;
    end += colon + 2;
  } else if (char === ' ') {
    // ` -05` after a space is too likely a separator and a number: only `±HHMM` / `±HH:MM` count there.
    return null;
  }
  return { end, offsetMinutes: (sign === '-' ? -1 : 1) * (hours * 60 + minutes) };
}

/** Syslog's `Mon dd HH:MM:SS[.fraction]`, the day space-padded or two digits. */
function scanSyslog(text: string, start: number): ScannedTime | null {
  const monthIndex = MONTHS.indexOf(text.slice(start, start + 3) as (typeof MONTHS)[number]);
  if (monthIndex < 0 || text.charAt(start + 3) !== ' ') return null;
  const day = text.charAt(start + 4) === ' ' ? digits(text, start + 5, 1) : digits(text, start + 4, 2);
  const hour = digits(text, start + 7, 2);
  const minute = digits(text, start + 10, 2);
  const second = digits(text, start + 13, 2);
  if (day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  if (text.charAt(start + 6) !== ' ' || text.charAt(start + 9) !== ':' || text.charAt(start + 12) !== ':') return null;
  let end = start + 15;
  let millis = 0;
  if (text.charAt(end) === '.' && isDigit(text.charCodeAt(end + 1))) {
    const fractionStart = end + 1;
    end = fractionStart;
    while (isDigit(text.charCodeAt(end))) end++;
    millis = fractionMillis(text, fractionStart, end);
  }
  const msOfDay = ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  return { end, time: { kind: 'yearless', month: monthIndex + 1, day, msOfDay } };
}

/** The milliseconds of a fraction's digits (truncated past three, as the ingest's timestamps are). */
function fractionMillis(text: string, start: number, end: number): number {
  return Number(text.slice(start, Math.min(end, start + 3)).padEnd(3, '0'));
}

function validFields(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Date.UTC without its mapping of years 0-99 to 1900-1999. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number, millis: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime();
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** The decimal value of `count` ASCII digits at `start`, or -1 when any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index++) {
    const code = text.charCodeAt(index);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 0x30);
  }
  return value;
}

/** The structured payload of the message starting at `messageOffset`, if it has one (see recognizeTextLine). */
function findPayload(line: string, messageOffset: number): LinePayload | null {
  let end = line.length;
  while (end > messageOffset && (line.charCodeAt(end - 1) === SPACE || line.charCodeAt(end - 1) === TAB || line.charCodeAt(end - 1) === 0x0d)) end--;
  if (line.charAt(end - 1) !== '}') return null;
  const open = line.indexOf('{', messageOffset);
  if (open < 0 || open - messageOffset > MAX_TAG_LENGTH || !isTagRun(line, messageOffset, open)) return null;
  const firstKey = line.charAt(skipSpaces(line, open + 1));
  if (firstKey !== '"' && firstKey !== "'") return null;
  return { offset: open, kind: payloadKind(line, open, end) };
}

/**
 * Where a structured payload starts in a line that ends before the payload
 * closes: a `{` with a quoted first key after at most three tag-like words, on a
 * line not ending in `}` — a payload cut short (a truncated write, a line cap).
 * Null when the line has no such start, or when recognizeTextLine finds a whole
 * payload in it.
 */
export function cutPayloadOffset(line: string, messageOffset: number): number | null {
  let end = line.length;
  while (end > messageOffset && (line.charCodeAt(end - 1) === SPACE || line.charCodeAt(end - 1) === TAB || line.charCodeAt(end - 1) === 0x0d)) end--;
  if (line.charAt(end - 1) === '}') return null;
  const open = line.indexOf('{', messageOffset);
  if (open < 0 || open - messageOffset > MAX_TAG_LENGTH || !isTagRun(line, messageOffset, open)) return null;
  const firstKey = line.charAt(skipSpaces(line, open + 1));
  return firstKey === '"' || firstKey === "'" ? open : null;
}

/** Empty, or at most three words without quotes or braces, ending in whitespace or a separator (`|`, `:`, `=`, `>`, `-`). */
function isTagRun(line: string, start: number, end: number): boolean {
  if (start === end) return true;
  const last = line.charCodeAt(end - 1);
  if (last !== SPACE && last !== TAB && last !== 0x7c && last !== COLON && last !== 0x3d && last !== 0x3e && last !== 0x2d) return false;
  let words = 0;
  let inWord = false;
  for (let position = start; position < end; position++) {
    const code = line.charCodeAt(position);
    if (code === DOUBLE_QUOTE || code === SINGLE_QUOTE || code === 0x7b || code === 0x7d) return false;
    // Spaces and `|` separate words; a lone `-` between spaces (` - `) is a separator, not a word.
    const separates = code === SPACE || code === TAB || code === 0x7c || (code === 0x2d && !inWord && isGap(line.charCodeAt(position + 1)));
    if (separates) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      words++;
      if (words > MAX_TAG_WORDS) return false;
    }
  }
  return true;
}

function isGap(code: number): boolean {
  return code === SPACE || code === TAB || Number.isNaN(code);
}

/** `python` when the payload shows syntax JSON lacks outside its strings; a single pass that jumps over string contents. */
function payloadKind(line: string, start: number, end: number): 'json' | 'python' {
  let position = start;
  while (position < end) {
    const code = line.charCodeAt(position);
    if (code === DOUBLE_QUOTE) {
      position = stringEnd(line, position + 1, end);
    } else if (code === SINGLE_QUOTE || code === OPEN_PAREN) {
      return 'python';
    } else if (PYTHON_WORD_STARTS.has(code) && PYTHON_WORD.test(line.slice(position, position + 6)) && !isAlphanumeric(line.charCodeAt(position - 1))) {
      return 'python';
    }
    position++;
  }
  return 'json';
}

/** The index of the `"` closing a string whose content starts at `from` (or `end`), skipping escaped quotes. */
function stringEnd(line: string, from: number, end: number): number {
  let position = from;
  for (;;) {
    const quote = line.indexOf('"', position);
    if (quote < 0 || quote >= end) return end;
    let backslashes = 0;
    while (line.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    position = quote + 1;
  }
}

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPEN_PAREN = 0x28;
const BACKSLASH = 0x5c;
/** First letters of True, False, None, inf, nan: only these are worth a closer look. */
const PYTHON_WORD_STARTS: ReadonlySet<number> = new Set([0x54, 0x46, 0x4e, 0x69, 0x6e]);

/** Python constants JSON spells differently (`null`, `true`, `false`) or not at all. */
const PYTHON_WORD = /^(?:True|False|None|inf|nan)(?![A-Za-z0-9_])/;
