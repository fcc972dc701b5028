import type { LineProblem, ProblemCode } from '../../shared/model/problem-code';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { PackedBlock, RawPlacement } from './raw-blocks';
import type { ScanFacts } from './scan-facts';

/** One event ready to be stored: where it came from and what it means. */
export interface PendingEvent {
  readonly sourceId: number;
  readonly line: number;
  /**
   * Which event of its line this is: 0 but for a line that holds many (an OTLP
   * request's spans), whose events share the line's offset, length and raw text.
   */
  readonly part: number;
  readonly offset: number;
  readonly length: number;
  /** The line's text, packed into raw blocks by the writer; null when it arrives packed already (`packed`). */
  readonly raw: string | null;
  /** Where a parse worker packed the line: `block` indexes the batch's `packedBlocks`. */
  readonly packed: RawPlacement | null;
  /** The text full-text search indexes (the event's values). */
  readonly searchText: string;
  /**
   * The event as normalized, or null for one a parse worker read: such an event
   * comes as its scan facts only, and only a deferred batch stores it (it writes
   * no full text and no derived rows now).
   */
  readonly event: NormalizedEvent | null;
  /** What the scan stores of it; null when the writer works them out from `event`. */
  readonly facts: ScanFacts | null;
  /** A display label decided by the reader (the mission stream id, an exec-event's action). */
  readonly label: string | null;
  /** Reading problems on top of the normalizer's (invalid UTF-8, missing newline). */
  readonly extraProblems: readonly LineProblem[];
}

/** A problem not tied to a stored event (an unparseable line, an unreadable file). */
export interface PendingProblem {
  readonly sourceId: number | null;
  readonly line: number | null;
  readonly code: ProblemCode;
  readonly message: string;
  readonly transient?: boolean;
  /**
   * How many of the batch's events were found before it. It is stored among
   * them, so problems keep the order they were found in however a scan's
   * batches fall across files; after all of them when not given.
   */
  readonly eventsBefore?: number;
}

/** Where a source's reader stands after this batch; committed with its events. */
export interface SourceProgress {
  readonly sourceId: number;
  readonly offset: number;
  readonly line: number;
  readonly pendingBytes: number;
  /** Set when the file was read to its end: the size and mtime the read saw. */
  readonly size?: number | undefined;
  readonly mtimeMs?: number | undefined;
}

/** The hash of a file's first bytes, which identifies it across renames and rotations; committed with what was read of it. */
export interface SourceHead {
  readonly sourceId: number;
  readonly hash: string;
  readonly length: number;
}

/** One transaction's worth of ingest. */
export interface IngestBatch {
  readonly events: readonly PendingEvent[];
  /** Raw blocks a parse worker packed and deflated, which events point into by `packed`. */
  readonly packedBlocks?: readonly PackedBlock[];
  readonly problems: readonly PendingProblem[];
  readonly progress: readonly SourceProgress[];
  readonly heads?: readonly SourceHead[];
}
