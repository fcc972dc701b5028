import type Database from 'better-sqlite3';
import { IndexWriter, type Renormalize } from '../index/index-writer';
import { openIndex, type IndexOpenOptions } from '../index/open-index';
import { ExecutionProblems } from '../inspect/execution-problems';
import { eventLabel } from './event-label';
import { discoverDirectories, FolderWatcher } from './folder-watcher';
import { DEFAULT_INGEST_OPTIONS, Ingestor, type IngestListener, type IngestOptions, type IngestProgress } from './ingestor';
import { lineToEvent } from './line-to-event';

/** What an ingest session needs: the evidence folder (its real path) and where its index lives. */
export interface IngestSessionConfig {
  readonly folder: string;
  readonly dbPath: string;
  readonly options?: Partial<IngestOptions>;
  /** How the index file is opened (native binding, size cap). */
  readonly index?: IndexOpenOptions;
}

/** Re-derives an event from stored raw text with the same code the reader used. */
export const renormalizeRaw: Renormalize = (raw, sourcePath) => {
  const outcome = lineToEvent(raw);
  return outcome.type === 'event' ? { event: outcome.event, label: eventLabel(outcome.event, sourcePath) } : null;
};

/**
 * One folder's ingest: the index's single writer, a one-shot scan or a watch
 * that keeps the index in step with the folder until closed.
 */
export class IngestSession {
  readonly db: Database.Database;
  readonly rebuiltBecause: string | null;
  private readonly ingestor: Ingestor;
  private watcher: FolderWatcher | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly config: IngestSessionConfig,
    private readonly listener: IngestListener & { onWatchError?(message: string): void } = {},
  ) {
    const opened = openIndex(config.dbPath, config.folder, config.index);
    this.db = opened.db;
    this.rebuiltBecause = opened.rebuiltBecause;
    const writer = new IndexWriter(this.db, renormalizeRaw, (db) => new ExecutionProblems(db));
    this.ingestor = new Ingestor(config.folder, writer, { ...DEFAULT_INGEST_OPTIONS, ...config.options }, listener);
  }

  /** Indexes the folder once and settles every unterminated final line. */
  async indexOnce(): Promise<IngestProgress> {
    const dirs = await discoverDirectories(this.config.folder);
    return this.serialize(() => this.ingestor.scan(dirs, true));
  }

  /**
   * Indexes the folder and keeps following it. Resolves after the initial scan;
   * later changes are read as they come (final lines wait for their newline).
   */
  async watch(): Promise<IngestProgress> {
    this.watcher = new FolderWatcher(
      this.config.folder,
      (dirs) => void this.serialize(() => this.ingestor.scan(dirs, false)).catch((error) => this.listener.onWatchError?.(String(error))),
      (message) => this.listener.onWatchError?.(message),
    );
    const dirs = await this.watcher.start();
    return this.serialize(() => this.ingestor.scan(dirs, false));
  }

  /** Stops the scan in progress at the next line. */
  cancel(): void {
    this.ingestor.cancel();
  }

  /** Stops watching, waits for the scan in progress, closes the index. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.watcher?.close();
    await this.queue.catch(() => undefined);
    await this.ingestor.close();
    this.db.close();
  }

  /** Scans run one at a time: the index has a single writer. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => (this.closed && this.watcher === null ? Promise.reject(new Error('session closed')) : work()));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
