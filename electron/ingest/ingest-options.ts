/** Tunables of the reader; the defaults are what the app uses. */
export interface IngestOptions {
  /** Lines longer than this are reported and skipped, never buffered. */
  readonly maxLineBytes: number;
  /** Events per transaction. */
  readonly batchEvents: number;
  /** A `.json` file larger than this (a `.json.gz` document, decompressed) is read as JSON lines rather than parsed whole. */
  readonly maxDocumentBytes: number;
  /**
   * Whether a full scan leaves full text, derived rows and checks to the
   * enrichment that follows it (lists usable sooner), or writes them inline.
   */
  readonly deferEnrichment: boolean;
  /**
   * A scan with at least this many unread bytes has its JSON lines files split
   * and normalized by a parse worker while the writer stores them, when it
   * defers the enrichment; 1 MiB when not given. Tests set 0 to read every such
   * file that way, or Infinity to read none.
   */
  readonly parseAheadMinBytes?: number;
}

/** The app's reader settings: a 1 MiB line cap, 4,000 events per transaction, JSON documents up to 64 MiB, full scans enriched after. */
export const DEFAULT_INGEST_OPTIONS: IngestOptions = { maxLineBytes: 1 << 20, batchEvents: 4000, maxDocumentBytes: 64 << 20, deferEnrichment: true };
