import { cutPayloadOffset, recognizeTextLine, type LineTime, type LogLevel, type TextLineInfo } from '../../shared/formats/text-line';
import { assertNever } from '../../shared/model/family';
import { treeToValue } from '../../shared/model/json-tree';
import { parsePythonLiteral } from '../../shared/model/python-literal';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { LineProblem } from '../../shared/model/problem-code';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { lineToEvent, partsOutcome, type LineOutcome } from './line-to-event';
import { naiveReadingNote, naiveToUtc } from '../families/reading/naive-time-zone';
import { normalizeLine } from '../families/family-registry';

/** A text line's outcome, and whether its prefix was recognized (which decides whether it can continue an entry). */
export interface TextLineOutcome {
  readonly outcome: LineOutcome;
  readonly prefixed: boolean;
}

const FAILED_LEVELS: ReadonlySet<LogLevel> = new Set(['error', 'critical']);

/**
 * One line of a plain-text log (captured stdout, Python logging, service logs;
 * producers.md "Text logs"). A line that is a JSON object reads as in a JSON-lines
 * file. A line with a structured payload after a prefix (`[TELEMETRY] {json}`,
 * `… | EXECUTION_EVENT | {'trace_id': …}`) becomes an event of the family its
 * payload's shape shows, the whole line kept as its raw text and its prefix time
 * used when the payload has none; a payload that parses as neither JSON nor a
 * Python literal stays a text event with a problem. Any other line is a `text`
 * event: searchable, with its prefix's time and level. Never throws.
 */
export function textLineToEvent(text: string): TextLineOutcome {
  const json = text.charCodeAt(0) === 0x7b ? lineToEvent(text) : null;
  if (json !== null && json.type === 'event') return { outcome: json, prefixed: false };
  const first = text.charCodeAt(0);
  if (text.length === 0 || ((first === 0x20 || first === 0x09 || first === 0x0d) && text.trim() === '')) return { outcome: { type: 'blank' }, prefixed: false };
  if (text.includes('\u0000')) {
    return { outcome: { type: 'problem', problem: { code: 'line.nul_bytes', message: 'The line contains NUL bytes (a torn or preallocated write); it was not parsed.' } }, prefixed: false };
  }
  const info = recognizeTextLine(text);
  const prefixed = info.timestamp !== null || info.level !== null;
  if (info.payload !== null) {
    const payload = parsePayload(text, info.payload.offset, info.payload.kind);
    if (payload.ok) {
      const [first, ...rest] = normalizeLine(payload.value);
      const timed = first.event.timestampMs === null ? withPrefixTime(first.event, info) : first.event;
      return { outcome: partsOutcome([{ ...first, event: timed }, ...rest]), prefixed };
    }
    const problem: LineProblem = { code: 'text.invalid_payload', message: `The payload at column ${info.payload.offset + 1} is neither a JSON object nor a Python dict literal: ${payload.reason}` };
    return { outcome: textEvent(text, info, [problem]), prefixed };
  }
  const cut = cutPayloadOffset(text, info.messageOffset);
  if (cut !== null) {
    const problem: LineProblem = { code: 'text.invalid_payload', message: `The payload at column ${cut + 1} ends before it closes (a truncated write?); the line is kept as text` };
    return { outcome: textEvent(text, info, [problem]), prefixed };
  }
  return { outcome: textEvent(text, info, []), prefixed };
}

/**
 * The same line as a continuation of the entry before it (a traceback frame, an
 * indented line): it takes its head's time and level, so it sorts and filters
 * with the record it belongs to.
 */
export function asContinuation(outcome: LineOutcome, head: NormalizedEvent): LineOutcome {
  if (outcome.type !== 'event' || outcome.event.family !== 'generic' || outcome.event.kind !== 'text') return outcome;
  const event = outcome.event;
  return {
    ...outcome,
    event: { ...event, kind: 'text.continuation', timestampMs: event.timestampMs ?? head.timestampMs, status: event.status ?? head.status, failed: event.failed || head.failed },
  };
}

type ParsedPayload = { readonly ok: true; readonly value: Record<string, unknown> } | { readonly ok: false; readonly reason: string };

/** The payload as a plain object: by the parser its look suggests, then the other one. */
function parsePayload(text: string, offset: number, kind: 'json' | 'python'): ParsedPayload {
  const first = kind === 'json' ? parseJsonPayload(text, offset) : parsePythonPayload(text, offset);
  if (first.ok) return first;
  const second = kind === 'json' ? parsePythonPayload(text, offset) : parseJsonPayload(text, offset);
  return second.ok ? second : first;
}

function parseJsonPayload(text: string, offset: number): ParsedPayload {
  let value: unknown;
  try {
    value = JSON.parse(text.slice(offset));
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message.slice(0, 200) : String(error) };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'the payload is not a JSON object' };
  if (jsonDepthExceeds(value as Record<string, unknown>)) return { ok: false, reason: `the payload nests deeper than ${MAX_JSON_DEPTH} levels` };
  return { ok: true, value: value as Record<string, unknown> };
}

function parsePythonPayload(text: string, offset: number): ParsedPayload {
  const parsed = parsePythonLiteral(text, { start: offset });
  if (!parsed.ok) return { ok: false, reason: `${parsed.reason} (at column ${parsed.offset + 1})` };
  // Integers beyond 2^53 keep their digits as text rather than being rounded.
  const value = treeToValue(parsed.tree, { unsafeIntegers: 'string' });
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, reason: 'the literal is not a dict' };
  return { ok: true, value: value as Record<string, unknown> };
}

function textEvent(text: string, info: TextLineInfo, problems: readonly LineProblem[]): LineOutcome {
  const time = prefixTime(info.timestamp?.time ?? null);
  const event: NormalizedEvent = {
    family: 'generic',
    kind: 'text',
    executionKey: null,
    timestampMs: time.ms,
    status: info.level,
    errorCode: null,
    actor: info.logger,
    failed: info.level !== null && FAILED_LEVELS.has(info.level),
    problems: time.problem === null ? problems : [...problems, time.problem],
    facts: { family: 'generic' },
  };
  return { type: 'event', event, searchText: text, more: [] };
}

function withPrefixTime(event: NormalizedEvent, info: TextLineInfo): NormalizedEvent {
  const time = prefixTime(info.timestamp?.time ?? null);
  if (time.ms === null) return event;
  return { ...event, timestampMs: time.ms, problems: time.problem === null ? event.problems : [...event.problems, time.problem] };
}

/** A prefix time in UTC ms; a naive one is read as UTC (or in the reviewer's producer zone) and flagged (once per file, by the index); a yearless one is not placed. */
function prefixTime(time: LineTime | null): { readonly ms: number | null; readonly problem: LineProblem | null } {
  if (time === null) return { ms: null, problem: null };
  switch (time.kind) {
    case 'zoned':
      return { ms: time.ms, problem: null };
    case 'naive':
      return { ms: naiveToUtc(time.ms), problem: { code: 'time.no_zone', message: `The line's time has no time zone; this file's times without zone are ${naiveReadingNote()} (first one shown)` } };
    case 'yearless':
      // syslog writes no year: rather than guess one, the line is kept without a place on the timeline.
      return { ms: null, problem: null };
    default:
      return assertNever(time, 'line time');
  }
}
