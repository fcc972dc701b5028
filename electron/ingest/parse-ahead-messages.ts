import type { PreparedTexts } from '../index/full-text-preparation';
import type { ChunkReading, ParsedChunk } from './parsed-chunk';
import type { PendingTail } from './split-lines';

/** What the reader (and the enrichment, `prepareTexts`) asks of a parse worker; it answers each `chunk`, `finish` and `prepareTexts` in order. */
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
  | ({ readonly type: 'prepareTexts' } & TextsAsk);

/** A step of the enrichment's full-text pass asked of the worker (FullTextPreparation.next), read from the index itself. */
export interface TextsAsk {
  readonly dbPath: string;
  /** The better-sqlite3 addon the writer loaded (IndexOpenOptions.nativeBinding). */
  readonly nativeBinding: string | undefined;
  /** After this event id; after the step asked before when null. */
  readonly afterId: number | null;
  readonly limit: number;
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
  | { readonly type: 'texts'; readonly step: PreparedTexts }
  | { readonly type: 'failed'; readonly message: string };
