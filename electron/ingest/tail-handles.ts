import { ListedFile } from './listed-file';

/**
 * A bounded set of open files, like `tail -F` keeps: files that are being
 * appended to stay open while watching, so that lines written just before a
 * file is deleted or rotated away can still be read through the handle. Only a
 * few are kept (least recently used closed first), so ten thousand files never
 * cost ten thousand descriptors; a one-shot index holds none.
 */
export class TailHandles {
  private readonly handles = new Map<number, { readonly handle: ListedFile; readonly identity: string }>();

  constructor(private readonly limit = 32) {}

  /**
   * The handle a source reads through: reused while it is the same file, else
   * opened; null when the path no longer holds that file. Other failures (no
   * permission) are thrown.
   */
  async acquire(sourceId: number, absPath: string, identity: string): Promise<ListedFile | null> {
    const held = this.handles.get(sourceId);
    if (held && held.identity === identity) {
      this.handles.delete(sourceId);
      this.handles.set(sourceId, held);
      return held.handle;
    }
    await this.release(sourceId);
    const handle = ListedFile.open(absPath, identity);
    if (handle === null) return null;
    this.handles.set(sourceId, { handle, identity });
    while (this.handles.size > this.limit) {
      const oldest = this.handles.keys().next().value as number;
      await this.release(oldest);
    }
    return handle;
  }

  /** The handle held for a source, if any (to drain a file that is gone from its path). */
  held(sourceId: number): ListedFile | null {
    return this.handles.get(sourceId)?.handle ?? null;
  }

  /** Closes a source's handle. */
  async release(sourceId: number): Promise<void> {
    const held = this.handles.get(sourceId);
    if (!held) return;
    this.handles.delete(sourceId);
    await held.handle.close();
  }

  /** Closes every handle. */
  async closeAll(): Promise<void> {
    for (const id of [...this.handles.keys()]) await this.release(id);
  }

  /** How many files are held open now. */
  get size(): number {
    return this.handles.size;
  }
}
