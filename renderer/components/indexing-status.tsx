import type { ApiResponse } from '../../shared/api/contract';
import { percent, plural } from '../format/numbers';

/** A compact indexing indicator for the top bar while the folder is read. */
export function IndexingStatus({ summary }: { readonly summary: ApiResponse<'summary'> | undefined }) {
  if (summary === undefined) return null;
  const progress = summary.progress;
  const busy = progress.phase === 'discovering' || progress.phase === 'indexing';
  const pct = percent(progress.bytesDone, progress.bytesTotal);
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
