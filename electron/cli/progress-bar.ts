import type { EnrichmentProgress } from '../ingest/enrichment-runner';
import type { IngestProgress } from '../ingest/scan-progress';

const WIDTH = 30;

/** Draws ingest progress on one terminal line (stderr), redrawn in place. */
export class ProgressBar {
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  /** Redraws the bar for the latest progress. */
  update(progress: IngestProgress): void {
    const fraction = progress.bytesTotal > 0 ? Math.min(1, progress.bytesDone / progress.bytesTotal) : progress.phase === 'done' ? 1 : 0;
    const label = progress.phase === 'discovering' ? 'discovering files' : `${progress.filesDone}/${progress.filesTotal} files, ${progress.events.toLocaleString('en-US')} events`;
    this.draw(fraction, label);
  }

  /** Redraws the bar for the enrichment after the scan: full text, the search index's merge, derived rows, then checks. */
  enrichment(progress: EnrichmentProgress): void {
    const counted = progress.stage === 'events' || progress.stage === 'rows';
    const fraction = counted && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 1;
    const eta = progress.etaMs === null ? '' : `, about ${Math.ceil(progress.etaMs / 1000)} s left`;
    const of = `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} events${eta}`;
    const label =
      progress.stage === 'events'
        ? `search: ${of}`
        : progress.stage === 'rows'
          ? `steps, spans and side effects: ${of}`
          : progress.stage === 'checks'
            ? `checking ${progress.done.toLocaleString('en-US')} executions`
            : 'compacting the search index';
    this.draw(fraction, label);
  }

  private draw(fraction: number, label: string): void {
    const filled = Math.round(fraction * WIDTH);
    const bar = `${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}`;
    this.stream.write(`\r[${bar}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}\u001b[K`);
    this.drawn = true;
  }

  /** Clears the bar before the final output. */
  clear(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
    this.drawn = false;
  }
}
