import type { AheadFile } from './ahead-file';

/** One file sent to the parse worker before its turn, and its place in the scan's order of files. */
export interface QueuedAhead {
  readonly order: number;
  readonly file: AheadFile;
}

/**
 * The files sent to the parse worker ahead of the one the writer stores, in
 * the scan's order: every one ended (`AheadFile.finish`) except possibly the
 * last, which the worker is still in the middle of. Nothing is sent after an
 * unended file: the worker reads one file at a time, in the order it is told.
 */
export class AheadQueue {
  private readonly files: QueuedAhead[] = [];
  /** The last position of the scan's order looked at for reading ahead; -1 when none. */
  lookedThrough = -1;

  get length(): number {
    return this.files.length;
  }

  /** Bytes sent ahead and not yet taken by the writer. */
  get bytes(): number {
    let total = 0;
    for (const { file } of this.files) total += file.pushedBytes;
    return total;
  }

  /** Whether another file may follow: none is queued, or the last one is ended. */
  get open(): boolean {
    const last = this.files.at(-1);
    return last === undefined || last.file.complete;
  }

  push(order: number, file: AheadFile): void {
    this.files.push({ order, file });
  }

  /**
   * The file read ahead for position `order`, taken off the queue; null when
   * none was. Files queued for earlier positions were not read after all (gone,
   * no longer active): they are dropped first.
   */
  async take(order: number): Promise<AheadFile | null> {
    while (this.files.length > 0 && (this.files[0] as QueuedAhead).order < order) await (this.files.shift() as QueuedAhead).file.drop();
    const first = this.files[0];
    if (first === undefined || first.order !== order) return null;
    this.files.shift();
    return first.file;
  }

  /** Drops the last file if it is not ended: another file is about to begin in the worker. */
  async dropUnended(): Promise<void> {
    const last = this.files.at(-1);
    if (last === undefined || last.file.complete) return;
    this.files.pop();
    // Looked at again when the queue is next filled.
    this.lookedThrough = last.order - 1;
    await last.file.drop();
  }

  /** Drops everything queued (the scan ended, or the files are read otherwise). */
  async clear(): Promise<void> {
    const files = this.files.splice(0);
    this.lookedThrough = -1;
    for (const { file } of files) await file.drop();
  }
}
