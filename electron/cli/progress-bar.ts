import type { IngestProgress } from '../ingest/scan-progress';

const WIDTH = 30;

/** Draws ingest progress on one terminal line (stderr), redrawn in place. */
export class ProgressBar {
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** Redraws the bar for the latest progress. */
  update(progress: IngestProgress): void {
    const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : progress.phase === 'done' ? 1 : 0;
    const filled = Math.round(fraction * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    const label = progress.phase === 'discovering' ? 'discovering files' : `${progress.filesDone}/${progress.filesTotal} files, ${progress.events.toLocaleString('en-US')} events`;
    this.stream.write(`\r[${bar}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}\u001b[K`);
    this.drawn = true;
  }

  /** Clears the bar before the final output. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
