import type { StatusContribution } from '../index/family-rules';
import { RawBlockPacker } from '../index/raw-blocks';
import { scanFactsOf, type ScanFacts } from '../index/scan-facts';
import type { Family } from '../../shared/model/family';
import type { LineProblem, ProblemCode } from '../../shared/model/problem-code';
import { eventLabel, INDEX_FAMILY_RULES } from '../families/family-registry';
import { withNaiveTimeZone } from '../families/reading/naive-time-zone';
import { lineEvents, lineToEvent } from './line-to-event';
import type { SplitLine } from './split-lines';

/**
 * One chunk of a file as a parse worker read it, in columns: what each line
 * was, and each event's scan facts, with the chunk's raw lines packed and
 * deflated. Passing typed arrays and flat string lists between threads costs a
 * fifth of passing the same events as objects (measured: 0.4 µs against 2.2 µs
 * per event to deserialize), and whole normalized events cost more to pass than
 * to parse again.
 */
export interface ParsedChunk {
  /** LINE_FIELDS numbers per line, in file order. */
  readonly lines: Float64Array;
  /** EVENT_NUMBERS numbers per event, in line and part order. */
  readonly eventNumbers: Float64Array;
  /**
   * EVENT_STRINGS strings per event, each as its place in `strings` (-1 for
   * null): a chunk's events repeat their family, kind, status and actor, and
   * each string passed between threads arrives as a string of its own, which
   * the writer holds until its batch commits.
   */
  readonly eventStrings: Int32Array;
  /** The chunk's distinct event strings. */
  readonly strings: string[];
  /** Code and message of each problem: a problem line's, then each event's own, in order. */
  readonly problems: string[];
  /**
   * The search text of each event of a family counted once across files, in
   * order: the writer compares such events by it (EventSightings).
   */
  readonly searchTexts: string[];
  /** The events' raw lines, packed and deflated; an event's block indexes this list. */
  readonly blocks: Uint8Array[];
  /** Bytes of the lines read, as the reader counts progress. */
  readonly bytesDone: number;
}

/** What one line of a chunk was. */
export const enum LineKind {
  /** Nothing to store. */
  Blank = 0,
  /** Over the line cap: not parsed. */
  TooLong = 1,
  /** Not an event: one problem (problems list). */
  Problem = 2,
  /** One event or more (the events columns). */
  Events = 3,
}

/** Per line: kind, line number, offset, length, end offset, invalid UTF-8 (0/1), events. */
export const LINE_FIELDS = 7;
/** Per event: part, time, end time, failed, opens, closes, cycle, status rank, problems, block, at, length, search text given (0/1). */
export const EVENT_NUMBERS = 13;
/** Per event: family, kind, key, status, error code, actor, status given, outcome, product, plan id, live mode, label. */
export const EVENT_STRINGS = 12;

/** How a parse worker reads a file: as the writer's thread would, in the source's producer zone. */
export interface ChunkReading {
  readonly sourceId: number;
  /** The source's path, which some families' labels come from. */
  readonly path: string;
  readonly timeZone: string | null;
}

/**
 * Gathers the lines of one chunk into columns. Each line is read exactly as the
 * writer's thread reads it (lineToEvent in the source's zone), so both give the
 * same index.
 */
export class ChunkColumns {
  private readonly lines: number[] = [];
  private readonly eventNumbers: number[] = [];
  private readonly eventStrings: number[] = [];
  private readonly strings: string[] = [];
  private readonly stringPlaces = new Map<string, number>();
  private readonly problems: string[] = [];
  private readonly searchTexts: string[] = [];
  private readonly packer = new RawBlockPacker();
  private bytesDone = 0;

  constructor(private readonly reading: ChunkReading) {}

  /** Reads one line. */
  add(line: SplitLine): void {
    this.bytesDone += line.endOffset - line.offset;
    if (line.text === null) return this.line(LineKind.TooLong, line, 0);
    const text = line.text;
    const outcome = withNaiveTimeZone(this.reading.timeZone, () => lineToEvent(text));
    if (outcome.type === 'blank') return this.line(LineKind.Blank, line, 0);
    if (outcome.type === 'problem') {
      this.problems.push(outcome.problem.code, outcome.problem.message);
      return this.line(LineKind.Problem, line, 0);
    }
    const events = lineEvents(outcome);
    events.forEach((found, part) => {
      const event = found.event;
      const rules = INDEX_FAMILY_RULES[event.family];
      const facts = scanFactsOf(event, rules);
      const status = facts.statusContribution;
      const raw = this.packer.add(this.reading.sourceId, text, part);
      if (rules.countsOnceAcrossFiles) this.searchTexts.push(found.searchText);
      this.eventNumbers.push(
        part, nullable(facts.timestampMs), nullable(facts.endTimestampMs), facts.failed ? 1 : 0, facts.opens ? 1 : 0, facts.closes ? 1 : 0,
        nullable(facts.cycle), status?.rank ?? Number.NaN, facts.problems.length, raw.block, raw.at, raw.length, rules.countsOnceAcrossFiles ? 1 : 0,
      );
      this.eventStrings.push(
        this.place(facts.family), this.place(facts.kind), this.place(facts.executionKey), this.place(facts.status), this.place(facts.errorCode),
        this.place(facts.actor), this.place(status?.status ?? null), this.place(status?.outcome ?? null), this.place(facts.product),
        this.place(facts.planId), this.place(facts.liveMode), this.place(eventLabel(event, this.reading.path)),
      );
      for (const problem of facts.problems) this.problems.push(problem.code, problem.message);
    });
    this.line(LineKind.Events, line, events.length);
  }

  /** The chunk's columns, its raw lines packed; the gatherer is spent. */
  finish(): ParsedChunk {
    return {
      lines: Float64Array.from(this.lines), eventNumbers: Float64Array.from(this.eventNumbers), eventStrings: Int32Array.from(this.eventStrings),
      strings: this.strings, problems: this.problems, searchTexts: this.searchTexts,
      blocks: this.packer.finish().map((block) => block.data), bytesDone: this.bytesDone,
    };
  }

  /** A string's place in the chunk's strings, added on first sight; -1 for null. */
  private place(value: string | null): number {
    if (value === null) return -1;
    let at = this.stringPlaces.get(value);
    if (at === undefined) {
      at = this.strings.push(value) - 1;
      this.stringPlaces.set(value, at);
    }
    return at;
  }

  private line(kind: LineKind, line: SplitLine, events: number): void {
    this.lines.push(kind, line.lineNo, line.offset, line.length, line.endOffset, line.invalidUtf8 ? 1 : 0, events);
  }
}

/** One line of a parsed chunk, as the writer's thread takes it back. */
export interface ParsedLine {
  readonly kind: LineKind;
  readonly split: SplitLine;
  /** A problem line's problem. */
  readonly problem: LineProblem | null;
  /** An Events line's events, in part order. */
  readonly events: readonly ParsedEvent[];
}

/**
 * One event of a parsed chunk: its facts, label and raw place, `block` counted
 * from the first block given to parsedLines (it is the event's RawPlacement).
 */
export interface ParsedEvent {
  readonly part: number;
  readonly facts: ScanFacts;
  readonly label: string | null;
  /** Given for a family counted once across files only. */
  readonly searchText: string | null;
  readonly block: number;
  readonly at: number;
  readonly length: number;
}

/** Reads a parsed chunk's columns back, line by line; its blocks are counted from `firstBlock`. */
export function parsedLines(chunk: ParsedChunk, firstBlock: number): ParsedLine[] {
  const { lines, eventNumbers: n, eventStrings, strings, problems, searchTexts } = chunk;
  const s = (at: number): string | null => {
    const place = eventStrings[at] as number;
    return place === -1 ? null : (strings[place] as string);
  };
  const parsed: ParsedLine[] = [];
  let event = 0;
  let problem = 0;
  let searched = 0;
  for (let at = 0; at < lines.length; at += LINE_FIELDS) {
    const kind = lines[at] as LineKind;
    // The text stays with the worker: only a line over the cap (text null) is read again, to be reported.
    const split: SplitLine = {
      lineNo: lines[at + 1] as number, offset: lines[at + 2] as number, length: lines[at + 3] as number, endOffset: lines[at + 4] as number,
      invalidUtf8: lines[at + 5] === 1, text: null,
    };
    let lineProblem: LineProblem | null = null;
    if (kind === LineKind.Problem) {
      lineProblem = { code: problems[problem] as ProblemCode, message: problems[problem + 1] as string };
      problem += 2;
    }
    const count = lines[at + 6] as number;
    const events: ParsedEvent[] = count === 0 ? NO_EVENTS : [];
    for (let left = count; left > 0; left--, event++) {
      const i = event * EVENT_NUMBERS;
      const j = event * EVENT_STRINGS;
      let own = NO_PROBLEMS;
      const problemCount = n[i + 8] as number;
      if (problemCount > 0) {
        const found: LineProblem[] = [];
        for (let k = 0; k < problemCount; k++, problem += 2) found.push({ code: problems[problem] as ProblemCode, message: problems[problem + 1] as string });
        own = found;
      }
      const rank = n[i + 7] as number;
      const statusContribution: StatusContribution | null = Number.isNaN(rank)
        ? null
        : { status: s(j + 6) as string, outcome: s(j + 7) as StatusContribution['outcome'], rank };
      const facts: ScanFacts = {
        family: s(j) as Family, kind: s(j + 1) as string, executionKey: s(j + 2), timestampMs: orNull(n[i + 1]), endTimestampMs: orNull(n[i + 2]),
        status: s(j + 3), errorCode: s(j + 4), actor: s(j + 5), failed: n[i + 3] === 1, problems: own,
        statusContribution, product: s(j + 8), planId: s(j + 9), liveMode: s(j + 10),
        opens: n[i + 4] === 1, closes: n[i + 5] === 1, cycle: orNull(n[i + 6]),
      };
      const searchText = n[i + 12] === 1 ? (searchTexts[searched++] as string) : null;
      events.push({
        part: n[i] as number, facts, label: s(j + 11), searchText, block: firstBlock + (n[i + 9] as number), at: n[i + 10] as number, length: n[i + 11] as number,
      });
    }
    parsed.push({ kind, split, problem: lineProblem, events });
  }
  return parsed;
}

const NO_EVENTS: ParsedEvent[] = [];
const NO_PROBLEMS: readonly LineProblem[] = [];

/** A nullable number as a column value: null is NaN (no time, cycle or rank is NaN). */
function nullable(value: number | null): number {
  return value ?? Number.NaN;
}

function orNull(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}
