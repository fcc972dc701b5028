import type Database from 'better-sqlite3';
import type { HandlerContext } from '../../electron/api/handler-context';

/**
 * The handler context of an index that is already complete: one connection,
 * indexing done, nothing to cancel or re-read. For tests and benchmarks that
 * call the API without an ingest worker.
 */
export function staticHandlerContext(options: {
  readonly db: Database.Database;
  readonly folder: string;
  readonly dataDir: string;
  readonly now?: () => Date;
  /** The ingest's progress as the handlers see it; indexing done unless given. */
  readonly progress?: HandlerContext['progress'];
}): HandlerContext {
  return {
    db: () => options.db,
    folder: options.folder,
    dataDir: options.dataDir,
    progress: options.progress ?? (() => ({ phase: 'done', filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, events: 0, message: null, enrichment: null })),
    // Indexes built by the test helpers are enriched before they are read.
    enriched: () => Promise.resolve(),
    cancelIndexing: async () => false,
    rescan: async () => false,
    applyTimeZones: async () => false,
    rebuiltBecause: () => null,
    now: options.now ?? (() => new Date()),
  };
}
