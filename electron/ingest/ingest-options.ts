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
   * A file with at least this many unread bytes is split and normalized by a
   * parse worker while the writer stores it, in a scan that defers the
   * enrichment; 2 MiB when not given. Tests set 0 to read every file that way.
   */
  readonly parseAheadMinBytes?: number;
}

/** The app's reader settings: a 1 MiB line cap, 4,000 events per transaction, JSON documents up to 64 MiB, full scans enriched after. */
export const DEFAULT_INGEST_OPTIONS: IngestOptions = { maxLineBytes: 1 << 20, batchEvents: 4000, maxDocumentBytes: 64 << 20, deferEnrichment: true };
