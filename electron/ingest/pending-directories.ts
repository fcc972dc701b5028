/**
 * Directories waiting for a watch scan. Changes that arrive while a scan waits
 * join it instead of queueing another: under a steady writer, scans slower than
 * the watcher's settle time otherwise pile up, and a new line waits behind all of them.
 */
export class PendingDirectories {
  private pending: Set<string> | null = null;

  /** Adds changed directories; true when no scan waits yet, so the caller must queue one. */
  add(dirs: Iterable<string>): boolean {
    if (this.pending !== null) {
      for (const dir of dirs) this.pending.add(dir);
      return false;
    }
    this.pending = new Set(dirs);
    return true;
  }

  /** The directories for the scan that starts now; later changes wait for the next one. */
  take(): ReadonlySet<string> {
    const dirs = this.pending ?? new Set<string>();
    this.pending = null;
    return dirs;
  }
}
