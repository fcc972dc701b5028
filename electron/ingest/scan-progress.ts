/** How far a scan has got, for progress bars; a scan ends `done`, or `cancelled` when stopped by `cancel()`. */
export interface IngestProgress {
  readonly phase: 'discovering' | 'indexing' | 'done' | 'cancelled';
  readonly filesTotal: number;
  readonly filesDone: number;
  readonly bytesTotal: number;
  readonly bytesDone: number;
  readonly events: number;
  readonly problems: number;
}

/** The counts of IngestProgress, kept up to date by the parts of a scan as they go. */
export type ScanCounts = { -readonly [K in Exclude<keyof IngestProgress, 'phase'>]: number };

const PROGRESS_INTERVAL_MS = 100;

/**
 * One scan's counts, whether it was cancelled, and its progress notices at most
 * every 100 ms. The reader, the batch and the reconciler share it, so a cancel
 * reaches the reader at its next chunk.
 */
export class ScanProgress {
  counts: ScanCounts = emptyCounts();
  /** Set by `cancel`: the reader stops at the next chunk, and no notice but the last is sent. */
  cancelled = false;
  private lastProgressAt = 0;

  constructor(private readonly onProgress?: (progress: IngestProgress) => void) {}

  /** A new scan: counts from zero, not cancelled. */
  start(): void {
    this.cancelled = false;
    this.counts = emptyCounts();
  }

  /** Tells the owner how far the scan is; `force` skips the throttle (a phase change, the end). */
  report(phase: IngestProgress['phase'], force: boolean): void {
    // Once cancelled, the scan says nothing but that it stopped: no late "indexing" after the owner was told.
    if (this.cancelled && phase !== 'cancelled') return;
    const now = Date.now();
    if (!force && now - this.lastProgressAt < PROGRESS_INTERVAL_MS) return;
    this.lastProgressAt = now;
    this.onProgress?.(this.snapshot(phase));
  }

  /** The counts as they are now, in a phase. */
  snapshot(phase: IngestProgress['phase']): IngestProgress {
    return { phase, ...this.counts };
  }
}

function emptyCounts(): ScanCounts {
  return { filesTotal: 0, filesDone: 0, bytesTotal: 0, bytesDone: 0, events: 0, problems: 0 };
}
