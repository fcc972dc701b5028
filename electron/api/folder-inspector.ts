import type Database from 'better-sqlite3';
import type { IndexChange } from '../../shared/api/contract';
import type { IndexingProgress as Progress } from '../../shared/api/indexing-progress';
import { placeIndex } from '../index/index-placement';
import { openIndexReadOnly, type IndexOpenOptions } from '../index/open-index';
import { EnrichmentState } from '../index/queries/enrichment-state';
import { codeCacheDirFor } from '../ingest/code-cache';
import { IngestWorkerClient } from '../ingest/ingest-worker-client';
import { TimeZoneStore } from '../inspect/time-zone-store';
import type { IngestProgress } from '../ingest/scan-progress';
import { createHandlers } from './create-handlers';
import type { HostHandlers } from './host-handlers';
import { InspectorService } from './inspector-service';

/** How to open a folder. */
export interface FolderInspectorOptions {
  /** The evidence folder's real path. */
  readonly folder: string;
  readonly dbPath: string;
  /** The app's own data folder. */
  readonly dataDir: string;
  /** Keep following the folder (app, serve) or index it once (CLI). */
  readonly watch: boolean;
  /** The shortest interval between two change notices; the UI re-queries on each. */
  readonly changeThrottleMs?: number;
  /** How the index is opened (in the app: the Electron-ABI build of better-sqlite3). */
  readonly index?: IndexOpenOptions;
  /** Who answers the host methods (opening folders): the desktop shell; by default a host of this one folder. */
  readonly host?: HostHandlers;
}

/** How often, at most, the enrichment's progress also tells windows that data changed. */
const ENRICHMENT_DATA_INTERVAL_MS = 3_000;

/**
 * One opened folder: its ingest worker (the index's only writer), a read-only
 * connection for queries, the API service over it, and throttled "index changed"
 * notices. The composition root of the app, `serve` and the CLI alike.
 */
export class FolderInspector {
  readonly service: InspectorService;
  private readonly listeners = new Set<(change: IndexChange) => void>();
  private readonly client: IngestWorkerClient;
  private progress: Progress = { phase: 'discovering', filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, events: 0, message: null, enrichment: null };
  private enrichment: EnrichmentState | null = null;
  private db: Database.Database | null = null;
  private rebuiltBecause: string | null = null;
  private pendingChange: NodeJS.Timeout | null = null;
  private lastChangeAt = 0;
  private lastDataChangeAt = 0;
  /** Whether a notice waiting in the throttle reports changed data, not only progress. */
  private pendingData = false;
  private eventsAdded = 0;
  private readonly opened: Promise<void>;
  private readonly scanned: Promise<void>;
  private readonly indexed: Promise<void>;
  private enrichmentDb: Database.Database | null = null;
  private failure: string | null = null;

  private constructor(private readonly options: FolderInspectorOptions) {
    let resolveOpened: () => void = () => undefined;
    let resolveScanned: () => void = () => undefined;
    this.opened = new Promise((resolve) => (resolveOpened = resolve));
    this.scanned = new Promise((resolve) => (resolveScanned = resolve));
    let resolveIndexed: () => void = () => undefined;
    this.indexed = new Promise((resolve) => (resolveIndexed = resolve));
    // The reviewer's producer time zones are in force from the first read: an index read with others is re-read where they differ.
    const timeZones = new TimeZoneStore(options.dataDir, options.folder).read();
    this.client = new IngestWorkerClient({ folder: options.folder, dbPath: options.dbPath, watch: options.watch, index: options.index, timeZones, codeCacheDir: codeCacheDirFor(options.dataDir, options.folder) }, (message) => {
      switch (message.type) {
        case 'opened':
          this.rebuiltBecause = message.rebuiltBecause;
          resolveOpened();
          break;
        case 'progress': {
          const shown = shownScanPhase(message.full, message.progress.phase);
          this.progress = { ...this.progressFrom(message.progress, shown.phase), message: shown.message };
          this.notify(shown.phase === 'cancelled');
          break;
        }
        case 'changed':
          this.eventsAdded += message.eventsAdded;
          this.notify(false);
          break;
        case 'scanned':
          this.progress = this.progressFrom(message.progress, message.progress.phase === 'cancelled' ? 'cancelled' : options.watch ? 'watching' : 'done');
          resolveScanned();
          if (message.progress.phase === 'cancelled' || !this.enrichmentState().pending()) {
            // Nothing to enrich (a folder unchanged since its last index): no enrichment message follows.
            resolveIndexed();
          } else {
            // The enrichment starts now: the top bar says so before its first step reports.
            const marks = this.enrichmentState().marks();
            this.progress = { ...this.progress, enrichment: this.progress.enrichment ?? { stage: 'events', done: 0, total: Math.max(0, marks.lastEventId - marks.textThrough), etaMs: null } };
          }
          this.notify(true);
          break;
        case 'enrichment':
          this.progress = { ...this.progress, enrichment: message.progress };
          // Each step moves the progress; the checks' problems and derived rows it adds reach the lists only now and then,
          // or a window would re-read everything it shows several times a second for the whole enrichment.
          this.notify(false, Date.now() - this.lastDataChangeAt >= ENRICHMENT_DATA_INTERVAL_MS);
          break;
        case 'enriched':
          this.progress = { ...this.progress, enrichment: null };
          resolveIndexed();
          this.notify(true);
          break;
        case 'warning':
          this.progress = { ...this.progress, message: message.message };
          break;
        case 'failed':
          this.failure = message.message;
          this.progress = { ...this.progress, phase: 'failed', message: message.message };
          resolveOpened();
          resolveScanned();
          resolveIndexed();
          this.notify(true);
          break;
        case 'stopped':
          resolveIndexed();
          break;
      }
    });
    this.service = new InspectorService(
      createHandlers(
        {
          db: () => this.connection(),
          folder: options.folder,
          dataDir: options.dataDir,
          progress: () => this.progress,
          // The worker replies once the scan has stopped and reported the cancelled phase, so the next summary reads it.
          cancelIndexing: () => this.client.cancel(),
          rescan: () => this.client.rescan(),
          applyTimeZones: (settings) => this.client.setTimeZones(settings),
          enriched: (rowIds) => this.enrichedNow(rowIds),
          rebuiltBecause: () => this.rebuiltBecause,
          now: () => new Date(),
        },
        options.host,
      ),
    );
  }

  /**
   * Opens a folder and starts its ingest; resolves once the index exists and can be queried.
   * Rejects with IndexPlacementRefused, before anything is written, when the index
   * would land inside the folder or on a file that is not one of our indexes.
   */
  static async open(options: FolderInspectorOptions): Promise<FolderInspector> {
    const inspector = new FolderInspector({ ...options, dbPath: placeIndex(options.folder, options.dbPath) });
    await inspector.opened;
    if (inspector.failure !== null) {
      await inspector.close();
      throw new Error(inspector.failure);
    }
    return inspector;
  }

  /**
   * Resolves when the first full scan and the enrichment after it are done
   * (for the CLI, when indexing is complete: search and checks cover everything).
   */
  async initialScan(): Promise<void> {
    await this.scanned;
    await this.indexed;
    if (this.failure !== null) throw new Error(this.failure);
  }

  /** Asks the worker to enrich, ahead of the enrichment, the executions it has not reached; resolves once they are. */
  private async enrichedNow(rowIds: readonly number[]): Promise<void> {
    for (const id of rowIds) {
      if (this.enrichmentState().executionWaits(id)) await this.client.enrichExecution(id);
    }
  }

  /** The enrichment marks as this reader's connection sees them. */
  private enrichmentState(): EnrichmentState {
    const db = this.connection();
    if (this.enrichment === null || this.enrichmentDb !== db) {
      this.enrichment = new EnrichmentState(db);
      this.enrichmentDb = db;
    }
    return this.enrichment;
  }

  /** The folder's real path. */
  get folder(): string {
    return this.options.folder;
  }

  /** Subscribes to "index changed" notices; returns the unsubscribe function. */
  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the ingest, closes the connection. */
  async close(): Promise<void> {
    if (this.pendingChange) clearTimeout(this.pendingChange);
    this.pendingChange = null;
    this.listeners.clear();
    await this.client.stop();
    this.db?.close();
    this.db = null;
  }

  /** The contract's progress shape, in the phase the owner decided. */
  private progressFrom(progress: IngestProgress, phase: Progress['phase']): Progress {
    const { filesTotal, filesDone, bytesTotal, bytesDone, events } = progress;
    return { phase, filesTotal, filesDone, bytesTotal, bytesDone, events, message: null, enrichment: this.progress.enrichment };
  }

  private connection(): Database.Database {
    this.db ??= openIndexReadOnly(this.options.dbPath, this.options.index);
    return this.db;
  }

  private notify(now: boolean, data = true): void {
    const throttle = this.options.changeThrottleMs ?? 150;
    this.pendingData ||= data;
    const fire = (): void => {
      this.pendingChange = null;
      this.lastChangeAt = Date.now();
      const changed = this.pendingData;
      this.pendingData = false;
      if (changed) this.lastDataChangeAt = this.lastChangeAt;
      const change: IndexChange = { events: this.eventsAdded, problems: 0, phase: this.progress.phase, at: this.lastChangeAt, data: changed };
      for (const listener of this.listeners) listener(change);
    };
    if (now) {
      if (this.pendingChange) clearTimeout(this.pendingChange);
      fire();
      return;
    }
    if (this.pendingChange) return;
    this.pendingChange = setTimeout(fire, Math.max(0, throttle - (Date.now() - this.lastChangeAt)));
  }
}

/**
 * The phase the window shows for a scan's progress, and a note to go with it. A
 * full scan (the first, a rescan) shows its phases; the small scans that follow
 * changes read as watching. A full scan's own "done" is not the end: a cold
 * build still recreates its indexes, and only 'scanned' tells whether an
 * enrichment follows. Until then it reads as indexing, so nobody takes search as ready.
 */
function shownScanPhase(full: boolean, phase: IngestProgress['phase']): { readonly phase: Progress['phase']; readonly message: string | null } {
  if (full && phase === 'done') return { phase: 'indexing', message: 'Every file is read; the index is being finished (sorted for the lists) before search is prepared.' };
  return { phase: full || phase === 'cancelled' ? phase : 'watching', message: null };
}
