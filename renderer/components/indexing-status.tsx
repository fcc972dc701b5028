import type { ApiResponse } from '../../shared/api/contract';
import { stillReading } from '../format/checks-progress';
import { enrichmentLabel, enrichmentPercent } from '../format/enrichment-label';
import { percent, plural } from '../format/numbers';

/** A compact indexing indicator for the top bar while the folder is read. */
export function IndexingStatus({ summary }: { readonly summary: ApiResponse<'summary'> | undefined }) {
  if (summary === undefined) return null;
  const progress = summary.progress;
  const busy = stillReading(progress);
  const pct = percent(progress.bytesDone, progress.bytesTotal);
  const enrichment = progress.enrichment;
  if (!busy && enrichment !== null && progress.phase !== 'failed' && progress.phase !== 'cancelled') {
    // Lists work already; full-text search, steps and checks are still being written.
    const done = enrichmentPercent(enrichment);
    return (
      <div className="index-status" role="status" aria-live="polite" title="Lists are ready; full-text search and cross-event checks cover what the index has reached so far.">
        <span>{enrichmentLabel(enrichment)}</span>
        <progress max={100} value={done ?? undefined} aria-label="Search and checks progress" />
      </div>
    );
  }
  return (
    <div className="index-status" role="status" aria-live="polite">
      {busy ? (
        <>
          <span>Indexing {pct === null ? '' : `${pct}%`}</span>
          <progress max={100} value={pct ?? undefined} aria-label="Indexing progress" />
          <span className="muted">{plural(progress.events, 'event')}</span>
        </>
      ) : progress.phase === 'failed' ? (
        <span className="text-bad">Indexing failed</span>
      ) : progress.phase === 'cancelled' ? (
        <a className="text-warn" href="#/start">
          Indexing cancelled
        </a>
      ) : progress.phase === 'watching' ? (
        <span className="muted">
          <span className="live-dot" aria-hidden="true" /> Watching for changes
        </span>
      ) : null}
    </div>
  );
}
