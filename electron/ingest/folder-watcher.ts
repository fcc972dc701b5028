import { watch, type FSWatcher } from 'chokidar';
import { posix, relative, sep } from 'node:path';

/** The directories (relative, '' for the root) in which something changed since the last call. */
export type OnDirtyDirectories = (dirs: ReadonlySet<string>) => void;

const SETTLE_MS = 40;

/**
 * How long after a file's last reported change its directory is reported once
 * more. chokidar drops a file's `change` within 50 ms of the one before (and a
 * raw event within 5 ms), with no trailing event: a last append in that window,
 * after the scan for the change before had read the file, was never reported,
 * and its lines were not indexed until the file changed again.
 */
const TRAILING_MS = 120;

/**
 * Watches a folder recursively with chokidar and reports which directories
 * changed, batched over a short settle time. Symlinks are not followed: they may
 * point outside the evidence folder or loop.
 */
export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  /** Per directory: the report due TRAILING_MS after a file's last change in it. */
  private readonly trailing = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly folder: string,
    private readonly onDirty: OnDirtyDirectories,
    private readonly onError: (message: string) => void = () => undefined,
  ) {}

  /** Starts watching; resolves once chokidar has walked the tree (every directory is then known). */
  start(): Promise<ReadonlySet<string>> {
    const dirs = new Set<string>(['']);
    const watcher = watch(this.folder, { persistent: true, ignoreInitial: false, followSymlinks: false, atomic: false, alwaysStat: false });
    this.watcher = watcher;
    return new Promise((resolve) => {
      let ready = false;
      watcher.on('all', (event, path) => {
        const rel = this.relative(path);
        if (!ready) {
          if (event === 'addDir') dirs.add(rel);
          return;
        }
        this.mark(event === 'addDir' || event === 'unlinkDir' ? rel : parentOf(rel));
        if (event === 'addDir' || event === 'unlinkDir') this.mark(parentOf(rel));
        if (event === 'change') this.markAgainLater(parentOf(rel));
      });
      watcher.on('error', (error) => this.onError(error instanceof Error ? error.message : String(error)));
      watcher.on('ready', () => {
        ready = true;
        resolve(dirs);
      });
    });
  }

  /** Stops watching and drops anything not yet reported. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const timer of this.trailing.values()) clearTimeout(timer);
    this.trailing.clear();
    await this.watcher?.close();
    this.watcher = null;
  }

  private mark(dir: string): void {
    this.dirty.add(dir);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      const dirs = this.dirty;
      this.dirty = new Set();
      this.onDirty(dirs);
    }, SETTLE_MS);
  }

  /** Reports a directory again TRAILING_MS after its latest change, for a change chokidar dropped. */
  private markAgainLater(dir: string): void {
    const pending = this.trailing.get(dir);
    if (pending) clearTimeout(pending);
    this.trailing.set(
      dir,
      setTimeout(() => {
        this.trailing.delete(dir);
        this.mark(dir);
      }, TRAILING_MS),
    );
  }

  private relative(path: string): string {
    const rel = relative(this.folder, path);
    return rel.split(sep).join(posix.sep);
  }
}

function parentOf(rel: string): string {
  const parent = posix.dirname(rel);
  return parent === '.' ? '' : parent;
}
