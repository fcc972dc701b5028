import { INDEX_FAMILY_RULES } from '../families/family-registry';
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { coldBuildMode, scanColdIfFirst } from '../index/cold-build';
import { IndexWriter } from '../index/index-writer';
import { openIndex, type IndexOpenOptions } from '../index/open-index';
import { SourceZones } from '../index/source-zones';
import { ExecutionProblems } from './execution-problems';
import { discoverDirectories } from './discover-directories';
import { FolderWatcher } from './folder-watcher';
import { PendingDirectories } from './pending-directories';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions } from './ingest-options';
import { EnrichmentRunner, TEXTS_AHEAD_MIN_EVENTS, type EnrichmentProgress } from './enrichment-runner';
import { FullTextWorker } from './full-text-worker';
import { PLAIN_EVENTS } from './whole-line-search-text';
import { Ingestor } from './ingestor';
import type { IngestProgress } from './scan-progress';
import { renormalizeIn } from './renormalize-raw';
import { NO_TIME_ZONES, zoneForPath, type TimeZoneSettings } from '../index/time-zone-settings';

/** What an ingest session needs: the evidence folder (its real path) and where its index lives. */
export interface IngestSessionConfig {
  readonly folder: string;
  readonly dbPath: string;
  readonly options?: Partial<IngestOptions>;
  /** How the index file is opened (native binding, size cap). */
  readonly index?: IndexOpenOptions;
  /** The producer time zones the reviewer set (times without zone are read in them); default none, UTC. */
  readonly timeZones?: TimeZoneSettings;
  /** Whether a first index may be built in cold mode (cold-build.ts); default on unless the environment turns it off. */
  readonly coldBuild?: boolean;
}

/** What a session tells its owner as it goes. */
export interface IngestSessionListener {
  /**
   * How far a scan has got. `full` is true for the scans a reviewer waits for
   * (the first one, a rescan) and for the notice that indexing was cancelled;
   * false for the small scans that follow changes while watching.
   */
  onProgress?(progress: IngestProgress, full: boolean): void;
  /** Called after every committed batch: the index changed. */
  onCommit?(eventsAdded: number): void;
  /**
   * A full scan ended, `done` or `cancelled`. Called before the next scan can
   * start, so the owner never hears of a scan's end after the next one's start.
   */
  onScanned?(progress: IngestProgress): void;
  /** How far the enrichment that follows a scan is (full text, derived rows, checks). */
  onEnrichment?(progress: EnrichmentProgress): void;
  /** Search covers every stored event, its index merged; the checks may still be running. */
  onSearchable?(): void;
  /** Nothing is left to enrich: search, details and checks cover every stored event. */
  onEnriched?(): void;
  /** The watcher or a scan it started failed; the session goes on. */
  onWatchError?(message: string): void;
}

/** A rescan as requested: whether it began, and its result (null when it never ran). */
export interface RescanRun {
  /** True once the scan has begun; false when it was not needed, the session is closed, or it was cancelled before its turn. */
  readonly started: Promise<boolean>;
  readonly finished: Promise<IngestProgress | null>;
}

const NO_PROGRESS: IngestProgress = { phase: 'discovering', filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, events: 0, problems: 0 };

/**
 * One folder's ingest: the index's single writer, a one-shot scan or a watch
 * that keeps the index in step with the folder until closed. A cancelled
 * session holds still: changes seen while watching are remembered, not read,
 * until `rescan` (the reviewer asked it to stop, so a busy folder must not
 * start it again).
 */
export class IngestSession {
  readonly db: Database.Database;
  readonly rebuiltBecause: string | null;
  private readonly ingestor: Ingestor;
  private readonly writer: IndexWriter;
  private watcher: FolderWatcher | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** Every directory seen so far (relative, '' is the root): what a rescan reconciles. */
  private readonly knownDirs = new Set<string>(['']);
  /** Set by `cancel`, cleared by `rescan`: no scan starts while it is set. */
  private paused = false;
  /** Full scans requested and not finished (counted from before their directories are known). */
  private fullScans = 0;
  /** Scans queued or running. */
  private activeScans = 0;
  /** A scan is executing (not merely queued). */
  private scanning = false;
  private runningFull = false;
  private lastProgress: IngestProgress = NO_PROGRESS;
  /** Directories changed since the waiting watch scan was queued. */
  private readonly pendingDirs = new PendingDirectories();
  /** The producer time zones now in force; replaced by `setTimeZones`. */
  private timeZones: TimeZoneSettings;
  private readonly sourceZones: SourceZones;
  private readonly options: IngestOptions;
  private readonly enricher: EnrichmentRunner;

  constructor(
    private readonly config: IngestSessionConfig,
    private readonly listener: IngestSessionListener = {},
  ) {
    const opened = openIndex(config.dbPath, config.folder, config.index);
    this.db = opened.db;
    this.rebuiltBecause = opened.rebuiltBecause;
    this.timeZones = config.timeZones ?? NO_TIME_ZONES;
    const zoneOf = (path: string): string | null => zoneForPath(this.timeZones, path);
    this.sourceZones = new SourceZones(this.db);
    this.writer = new IndexWriter(this.db, renormalizeIn(zoneOf), (db) => new ExecutionProblems(db), INDEX_FAMILY_RULES, PLAIN_EVENTS);
    this.options = { ...DEFAULT_INGEST_OPTIONS, ...config.options };
    this.enricher = new EnrichmentRunner(
      this.writer.enrichment,
      (work) => this.serialize(work),
      () => this.paused || this.closed,
      (progress) => listener.onEnrichment?.(progress),
      () => listener.onEnriched?.(),
      () => listener.onSearchable?.(),
      { preparer: new FullTextWorker(config.dbPath, config.index?.nativeBinding), minEvents: TEXTS_AHEAD_MIN_EVENTS },
    );
    // Records of a migrated index get their integrity state before anything reads it; the enrichment checks the rest.
    new ExecutionProblems(this.db).refreshUnchecked(this.writer.enrichment.marks().checkedThrough);
    this.ingestor = new Ingestor(
      config.folder,
      this.writer,
      this.options,
      {
        onProgress: (progress) => {
          this.lastProgress = progress;
          listener.onProgress?.(progress, this.runningFull);
        },
        onCommit: (eventsAdded) => listener.onCommit?.(eventsAdded),
      },
      { zones: this.sourceZones, zoneOf },
    );
  }

  /** Indexes the folder once and settles every unterminated final line; resolves once the enrichment is done too (or stopped). */
  async indexOnce(): Promise<IngestProgress> {
    let progress: IngestProgress;
    this.fullScans++;
    try {
      const dirs = await discoverDirectories(this.config.folder);
      this.remember(dirs);
      progress = await this.serialize(() => (this.resetStaleZones(), this.fullScan(dirs, true)));
    } finally {
      this.fullScans--;
    }
    await this.enrichAll();
    return progress;
  }

  /**
   * Indexes the folder and keeps following it. Resolves after the initial scan
   * and its enrichment (the listener hears of the scan's end first); later changes are read as they come (final lines wait for their newline).
   */
  async watch(): Promise<IngestProgress> {
    let progress: IngestProgress;
    this.fullScans++;
    try {
      this.watcher = new FolderWatcher(
        this.config.folder,
        (dirs) => this.onDirty(dirs),
        (message) => this.listener.onWatchError?.(message),
      );
      const dirs = await this.watcher.start();
      this.remember(dirs);
      progress = await this.serialize(() => (this.resetStaleZones(), this.fullScan(dirs, false)));
    } finally {
      this.fullScans--;
    }
    await this.enrichAll();
    return progress;
  }

  /**
   * Stops the scan in progress at the next line and skips the ones waiting; what
   * was committed stays. Until `rescan`, nothing more is read. Resolves once they
   * have stopped (their last batch committed, `cancelled` reported): true, or
   * false (and nothing changed) when no scan was running or waiting.
   */
  async cancel(): Promise<boolean> {
    if (this.closed || (this.fullScans === 0 && this.activeScans === 0 && !this.enricher.running)) return false;
    this.paused = true;
    this.ingestor.cancel();
    // A running scan reports `cancelled` itself once it has stopped; a scan not begun yet is cancelled now.
    if (!this.scanning) this.announceCancelled();
    await this.queue;
    // A scan that ended just as it was asked to stop reported `done`: the session is cancelled all the same.
    if (this.paused && this.lastProgress.phase !== 'cancelled') this.announceCancelled();
    return true;
  }

  /**
   * Reconciles every known directory again (those seen by the watcher and those
   * the index holds files of) and reads what is unread: resumes a cancelled
   * index, or catches up on anything a watcher missed. Not started when
   * a full scan is already under way (and not cancelled) or the session is closed.
   */
  rescan(): RescanRun {
    if (this.closed || (this.fullScans > 0 && !this.paused)) return { started: Promise.resolve(false), finished: Promise.resolve(null) };
    this.paused = false;
    return this.queueFullScan(() => undefined);
  }

  /**
   * Puts new producer time zones in force: every source whose times without zone
   * were read in another zone is taken back and read again from its start, so its
   * events' times and everything derived from them (executions' first and last,
   * steps, the histogram) are recomputed; sources with zoned times only are not
   * touched. `started` is true once that scan has begun; while cancelled, the
   * sources wait for the rescan that resumes.
   */
  setTimeZones(settings: TimeZoneSettings): RescanRun {
    if (this.closed) return { started: Promise.resolve(false), finished: Promise.resolve(null) };
    this.timeZones = settings;
    return this.queueFullScan(() => this.resetStaleZones());
  }

  /**
   * Queues a scan of every directory seen and every one the index holds files of
   * (a watcher's scan covers only what changed), after `prepare`; not run while cancelled.
   */
  private queueFullScan(prepare: () => void): RescanRun {
    this.fullScans++;
    let announce: (started: boolean) => void = () => undefined;
    const started = new Promise<boolean>((resolve) => (announce = resolve));
    const finished = this.serialize(async () => {
      prepare();
      if (this.paused) return null;
      // The scan reports its first progress synchronously, so the owner hears of it before "started".
      const scan = this.fullScan([...this.knownDirs, ...this.writer.liveDirectories()], false);
      announce(true);
      return scan;
    }).finally(() => {
      this.fullScans--;
      announce(false);
    });
    void finished.then(() => this.enrichInBackground(), () => undefined);
    return { started, finished };
  }

  /**
   * Gives one execution its derived rows and checks ahead of the enrichment (a
   * reviewer opened it before the enrichment reached it); resolves true when
   * there was something to do. Not queued behind a scan, which may read for
   * minutes: it is one transaction of its own, run between two of the scan's
   * (each of those commits synchronously on this thread, so none is open now).
   * Events the scan stores for the execution afterwards are past its mark: the
   * enrichment derives and checks them, and the record is `unchecked` until then.
   */
  async enrichExecution(executionId: number): Promise<boolean> {
    if (this.closed) return false;
    return this.writer.enrichment.enrichExecution(executionId);
  }

  /** Runs the enrichment to its end, or until the session is cancelled or closed. */
  private async enrichAll(): Promise<void> {
    if (this.enricher.pending()) await this.enricher.run();
  }

  /** Starts the enrichment without waiting for it (after a watch scan, a rescan); a failure is reported, not thrown. */
  private enrichInBackground(): void {
    if (this.paused || this.closed || !this.enricher.pending()) return;
    this.enricher.run().catch((error: unknown) => {
      if (!this.closed) this.listener.onWatchError?.(`enriching the index failed: ${error instanceof Error ? error.message : String(error)}`);
    });
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

  /** Changes seen while watching: read now, or, while cancelled, remembered for the rescan. */
  private onDirty(dirs: ReadonlySet<string>): void {
    this.remember(dirs);
    if (this.paused || !this.pendingDirs.add(dirs)) return;
    void this.serialize(() => {
      const changed = this.pendingDirs.take();
      return this.paused ? Promise.resolve(null) : this.ingestor.scan(changed, false);
    })
      .then(() => this.enrichInBackground())
      .catch((error) => this.listener.onWatchError?.(String(error)));
  }

  /** A scan the reviewer waits for; skipped (reported as cancelled) when cancelled before its turn. */
  private async fullScan(dirs: Iterable<string>, final: boolean): Promise<IngestProgress> {
    if (this.paused) {
      const progress: IngestProgress = { ...this.lastProgress, phase: 'cancelled' };
      this.listener.onScanned?.(progress);
      return progress;
    }
    this.runningFull = true;
    // A full scan may read the whole folder: lists first, full text, derived rows and checks after.
    this.writer.deferEnrichment = this.options.deferEnrichment;
    try {
      // Announced once its indexes are in place: a first index is made durable right after.
      return await scanColdIfFirst(this.db, coldBuildMode(process.env, this.config.coldBuild), () => this.ingestor.scan(dirs, final), (progress) =>
        this.listener.onScanned?.(progress),
      );
    } finally {
      this.runningFull = false;
      this.writer.deferEnrichment = false;
    }
  }

  /**
   * Takes back the sources read in a zone other than the one now wanted, to be
   * read again by the scan that follows. Their size and time are forgotten too: a
   * JSON document is otherwise only read again when its file changed. A file no
   * longer on disk keeps its events as read: taking them back could not be undone.
   */
  private resetStaleZones(): void {
    for (const stale of this.sourceZones.stale((path) => zoneForPath(this.timeZones, path))) {
      if (!existsSync(join(this.config.folder, stale.path))) continue;
      this.writer.resetSource(stale.id);
      this.writer.updateSource(stale.id, { mtime_ms: -1 });
      this.sourceZones.record(stale.id, zoneForPath(this.timeZones, stale.path));
    }
  }

  private announceCancelled(): void {
    this.lastProgress = { ...this.lastProgress, phase: 'cancelled' };
    this.listener.onProgress?.(this.lastProgress, true);
  }

  private remember(dirs: Iterable<string>): void {
    for (const dir of dirs) this.knownDirs.add(dir);
  }

  /** Scans run one at a time: the index has a single writer. */
  private serialize<T>(work: () => Promise<T>): Promise<T> {
    this.activeScans++;
    const next = this.queue.then(async () => {
      if (this.closed && this.watcher === null) throw new Error('session closed');
      this.scanning = true;
      try {
        return await work();
      } finally {
        this.scanning = false;
      }
    });
    const settled = next.finally(() => this.activeScans--);
    this.queue = settled.catch(() => undefined);
    return next;
  }
}
