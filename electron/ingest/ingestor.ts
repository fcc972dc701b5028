import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IndexWriter } from '../index/index-writer';
import { DEFAULT_INGEST_OPTIONS, type IngestOptions } from './ingest-options';
import { ParseAhead } from './parse-ahead';
import { PendingBatch } from './pending-batch';
import { DirectoryReconciler } from './reconcile-directory';
import { SourceReader, type ReadTask, type ZoneReading } from './read-source';
import { ScanProgress, type IngestProgress } from './scan-progress';
import { TailHandles } from './tail-handles';

/** What the ingest tells its owner as it goes. */
export interface IngestListener {
  onProgress?(progress: IngestProgress): void;
  /** Called after every committed batch: the index changed. */
  onCommit?(eventsAdded: number): void;
}

/**
 * Reads a folder into the index: reconciles what is on disk with what the index
 * knows (DirectoryReconciler), then reads only the bytes not yet indexed
 * (SourceReader) in batches of one transaction each (PendingBatch), telling its
 * owner how far it is (ScanProgress). The folder is only ever read.
 */
export class Ingestor {
  private readonly scanProgress: ScanProgress;
  private readonly batch: PendingBatch;
  private readonly reconciler: DirectoryReconciler;
  private readonly reader: SourceReader;
  /** Whether a scan has once run to its end: until then every scan is a full one. */
  private completedOnce = false;
  private readonly tails = new TailHandles();
  private readonly parseAhead = new ParseAhead();

  constructor(
    private readonly folder: string,
    private readonly writer: IndexWriter,
    options: IngestOptions = DEFAULT_INGEST_OPTIONS,
    listener: IngestListener = {},
    zoning: ZoneReading | null = null,
  ) {
    this.scanProgress = new ScanProgress((progress) => listener.onProgress?.(progress));
    this.batch = new PendingBatch(writer, options.batchEvents, this.scanProgress, (added) => listener.onCommit?.(added));
    this.reader = new SourceReader(writer, options, this.tails, this.batch, this.scanProgress, zoning, this.parseAhead);
    this.reconciler = new DirectoryReconciler(folder, writer, this.tails, this.reader, this.batch);
  }

  /** Closes the files held open for tailing, and ends the parse worker. */
  async close(): Promise<void> {
    await this.tails.closeAll();
    await this.parseAhead.release();
  }

  /** Stops the current scan at the next line boundary; what was committed stays. */
  cancel(): void {
    this.scanProgress.cancelled = true;
  }

  /**
   * Reconciles the given directories (relative, '' is the root) and reads every
   * file in them that has unread bytes. `final` is a one-shot index: final lines
   * without a newline are settled now instead of waiting for their newline.
   */
  async scan(dirs: Iterable<string>, final: boolean): Promise<IngestProgress> {
    const progress = this.scanProgress;
    progress.start();
    progress.report('discovering', true);
    const tasks = new Map<number, ReadTask>();
    for (const dir of [...(await this.scope(dirs, final))].sort()) {
      for (const task of await this.reconciler.reconcile(dir, final)) tasks.set(task.sourceId, task);
    }
    progress.counts.filesTotal = tasks.size;
    for (const task of tasks.values()) progress.counts.bytesTotal += Math.max(0, task.file.size - this.writer.sourceAt(task.file.rel)!.offset);
    progress.report('indexing', true);
    // The parse worker is started by the first file it reads (SourceReader), not here: a reopen with nothing new
    // waited about 80 ms for a worker it never used.
    const ordered = [...tasks.values()];
    try {
      for (const [index, task] of ordered.entries()) {
        if (progress.cancelled) break;
        await this.reader.read(task, final, { tasks: ordered, at: index });
        progress.counts.filesDone++;
        progress.report('indexing', false);
      }
    } finally {
      // Its memory is the enrichment's after a scan: a later scan starts it again.
      await this.reader.dropPrefetched();
      await this.parseAhead.release();
    }
    this.batch.flush();
    if (!progress.cancelled) this.completedOnce = true;
    const phase = progress.cancelled ? 'cancelled' : 'done';
    progress.report(phase, true);
    return progress.snapshot(phase);
  }

  /**
   * Which directories a scan reconciles. A one-shot index and the first complete
   * scan cover every directory the index knows (one may have vanished); after that,
   * a watcher's scan covers only the directories that changed, and everything
   * under one that no longer exists: a rescan of ten thousand files per appended
   * line would make live tailing take seconds.
   */
  private async scope(dirs: Iterable<string>, final: boolean): Promise<ReadonlySet<string>> {
    const given = new Set(dirs);
    if (final || !this.completedOnce) return new Set([...given, ...this.writer.liveDirectories()]);
    const scoped = new Set(given);
    // Read only when a directory vanished: it is every source's directory, and most scans need none of it.
    let live: string[] | null = null;
    for (const dir of given) {
      if (await exists(join(this.folder, dir))) continue;
      live ??= this.writer.liveDirectories();
      for (const known of live) if (dir === '' || known.startsWith(`${dir}/`)) scoped.add(known);
    }
    return scoped;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
