import type { LineProblem } from '../../shared/model/problem-code';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { jsonDepthExceeds, MAX_JSON_DEPTH } from './json-depth';
import { normalizeLine } from '../families/family-registry';
import type { LinePart } from '../families/family-module';
import { normalizeGeneric } from '../families/generic/normalize-generic';
import { searchText } from './search-text';

/**
 * One event a line became, and the text its full-text search row holds. The
 * text is worked out when first read: a scan that leaves full text to the
 * enrichment never reads it for most events.
 */
export interface LineEvent {
  readonly event: NormalizedEvent;
  readonly searchText: string;
}

/**
 * A LineEvent whose search text is computed on first read, from the values the
 * family says are searched. A class, not a literal with a getter: such a literal
 * is a dictionary-mode object several times the size, and a scan holds a batch
 * of them across young-generation collections.
 */
class LazyLineEvent implements LineEvent {
  private text: string | null = null;

  constructor(
    readonly event: NormalizedEvent,
    private readonly searched: unknown,
  ) {}

  get searchText(): string {
    this.text ??= searchText(this.searched);
    return this.text;
  }
}

/**
 * What one line of text turned out to be. A line is one event, except where its
 * family packs many into one line (an OTLP request's spans): the first is
 * `event`, the others `more`, stored as parts 1.. of the same line.
 */
export type LineOutcome =
  | { readonly type: 'blank' }
  | { readonly type: 'problem'; readonly problem: LineProblem }
  | ({ readonly type: 'event'; readonly more: readonly LineEvent[] } & LineEvent);

/** The events of a line outcome in part order: part 0 is the outcome's own event. */
export function lineEvents(outcome: LineEvent & { readonly more: readonly LineEvent[] }): readonly LineEvent[] {
  return outcome.more.length === 0 ? [outcome] : [outcome, ...outcome.more];
}

const JSON_BLANK = /^[ \t\r]*$/;

/**
 * What a line's text is before any family reads it: blank, a problem (NUL
 * bytes, not JSON, JSON but no object), or a JSON object. lineToEvent reads
 * every line through it, and so does anything that must read a line as it did.
 */
export type LineObject =
  | { readonly type: 'blank' }
  | { readonly type: 'problem'; readonly problem: LineProblem }
  | { readonly type: 'object'; readonly object: Record<string, unknown> };

/** Reads one line's text as far as a JSON object. Never throws. */
export function lineObject(text: string): LineObject {
  const first = text.charCodeAt(0);
  // Blank means JSON whitespace only (space, tab, CR); only such lines pay for the regex test.
  if (text.length === 0 || ((first === 0x20 || first === 0x09 || first === 0x0d) && JSON_BLANK.test(text))) {
    return { type: 'blank' };
  }
  if (text.includes('\u0000')) {
    return { type: 'problem', problem: { code: 'line.nul_bytes', message: 'The line contains NUL bytes (a torn or preallocated write); it was not parsed.' } };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { type: 'problem', problem: { code: 'line.invalid_json', message: `Not valid JSON: ${shorten(error instanceof Error ? error.message : String(error))}` } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const what = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { type: 'problem', problem: { code: 'line.not_object', message: `The line is JSON but ${what}, not an object.` } };
  }
  return { type: 'object', object: value as Record<string, unknown> };
}

/**
 * Parses and normalizes one line's text. Never throws: whatever the bytes were,
 * the answer is an event, a problem, or a blank line to pass over.
 */
export function lineToEvent(text: string): LineOutcome {
  const read = lineObject(text);
  if (read.type !== 'object') return read;
  const object = read.object;
  try {
    if (jsonDepthExceeds(object)) {
      // Kept and searchable as text, but never walked by the family normalizers, hashing or the API.
      const generic = normalizeGeneric(object);
      const problem: LineProblem = { code: 'line.too_deep', message: `The line nests deeper than ${MAX_JSON_DEPTH} levels; it is kept as a generic event and not interpreted.` };
      return { type: 'event', event: { ...generic, problems: [...generic.problems, problem] }, searchText: searchText(object), more: [] };
    }
    return partsOutcome(normalizeLine(object));
  } catch (error) {
    // A normalizer bug must not take the ingest down; the line stays visible as a problem.
    return { type: 'problem', problem: { code: 'line.invalid_json', message: `The line could not be normalized: ${shorten(String(error))}` } };
  }
}

/** A line's event outcome, its search text worked out on first read (see LazyLineEvent). */
class PartsOutcome extends LazyLineEvent {
  readonly type = 'event';

  constructor(
    first: LinePart,
    readonly more: readonly LineEvent[],
  ) {
    super(first.event, first.searched);
  }
}

/** The outcome of a line normalized into its parts (one event for most families). */
export function partsOutcome(parts: readonly [LinePart, ...LinePart[]]): LineOutcome {
  return new PartsOutcome(parts[0], parts.length === 1 ? NO_MORE : parts.slice(1).map((part) => new LazyLineEvent(part.event, part.searched)));
}

const NO_MORE: readonly LineEvent[] = [];

function shorten(message: string): string {
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}
