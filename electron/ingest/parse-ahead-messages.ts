import type { PreparedStep } from '../index/enrichment-preparation';
import type { TimeZoneSettings } from '../index/time-zone-settings';
import type { ChunkReading, ParsedChunk } from './parsed-chunk';
import type { PendingTail } from './split-lines';

/** What the reader (and the enrichment, `prepare`) asks of a parse worker; it answers each `chunk`, `finish` and `prepare` in order. */
export type ToParseWorker =
  | {
      readonly type: 'begin';
      readonly reading: ChunkReading;
      /** Where the file's unread bytes start: the source's committed offset and line. */
      readonly offset: number;
      readonly line: number;
      readonly maxLineBytes: number;
      readonly maxDocumentBytes: number;
    }
  | { readonly type: 'chunk'; readonly bytes: Uint8Array }
  | { readonly type: 'finish' }
  | ({ readonly type: 'prepare' } & EnrichmentAsk);

/** A step of the enrichment asked of the worker (EnrichmentPreparation.next), read from the index itself. */
export interface EnrichmentAsk {
  readonly dbPath: string;
  /** The better-sqlite3 addon the writer loaded (IndexOpenOptions.nativeBinding). */
  readonly nativeBinding: string | undefined;
  /** After this event id; after the step asked before when null. */
  readonly afterId: number | null;
  readonly limit: number;
  readonly timeZones: TimeZoneSettings;
}

/** Where a file's reading ended: past its last complete line, and the bytes after it. */
export interface ParsedFileEnd {
  readonly offset: number;
  readonly line: number;
  readonly tail: PendingTail | null;
}

export type FromParseWorker =
  /** Sent once, unasked, when the worker has loaded and listens. */
  | { readonly type: 'ready' }
  | { readonly type: 'chunk'; readonly chunk: ParsedChunk }
  | { readonly type: 'finished'; readonly end: ParsedFileEnd }
  | { readonly type: 'prepared'; readonly step: PreparedStep }
  | { readonly type: 'failed'; readonly message: string };
