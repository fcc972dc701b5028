import type { ApiResponse } from '../../../shared/api/contract';
import { KeyValueList } from '../../components/key-value-list';
import { stillReading } from '../../format/checks-progress';
import { formatBytes, formatCount, percent } from '../../format/numbers';
import { useBridgeAction } from '../../hooks/use-bridge-action';

const PHASE_TEXT: Readonly<Record<ApiResponse<'summary'>['progress']['phase'], string>> = {
  idle: 'Not started',
  discovering: 'Finding files…',
  indexing: 'Indexing…',
  done: 'Indexed',
  watching: 'Indexed; watching the folder for changes',
  cancelled: 'Indexing cancelled',
  failed: 'Indexing failed',
};

/**
 * The indexing run of the open folder: a progress bar, files and events counted,
 * and a way to stop it (Cancel) and to go on where it stopped (Resume). Both act
 * on the process that indexes (the app window's or serve's); `onChanged` re-reads the summary.
 */
export function IndexingProgress({ summary, onChanged }: { readonly summary: ApiResponse<'summary'>; readonly onChanged?: () => void }) {
  const cancel = useBridgeAction('cancelIndexing');
  const resume = useBridgeAction('rescan');
  const progress = summary.progress;
  const busy = stillReading(progress);
  const cancelled = progress.phase === 'cancelled';
  const pct = busy || cancelled ? percent(progress.bytesDone, progress.bytesTotal) : 100;
  const error = cancel.error ?? resume.error;
  return (
    <div className="indexing">
      <div className="indexing-line">
        <span className={progress.phase === 'failed' ? 'text-bad' : cancelled ? 'text-warn' : ''}>{PHASE_TEXT[progress.phase]}</span>
        <progress className="indexing-bar" max={100} value={pct ?? undefined} aria-label="Indexing progress" aria-valuetext={pct === null ? 'unknown' : `${pct}%`} />
        {cancelled ? (
          <button type="button" disabled={resume.busy} onClick={() => void resume.run({}).then(() => onChanged?.())}>
            Resume indexing
          </button>
        ) : (
          <button type="button" disabled={!busy || cancel.busy} onClick={() => void cancel.run({}).then(() => onChanged?.())}>
            Cancel indexing
          </button>
        )}
      </div>
      <KeyValueList
        items={[
          ['Files', `${formatCount(progress.filesDone)} of ${formatCount(progress.filesTotal)} read`],
          ['Bytes', `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`],
          ['Events', formatCount(progress.events)],
          // Every telemetry file found, read yet or not: "indexed" beside "35 of 200 read" said more than was done.
          ['Files found', `${formatCount(summary.files.indexed)} telemetry, ${formatCount(summary.files.skipped)} skipped, ${formatCount(summary.files.gone)} gone`],
        ]}
      />
      {error !== null && (
        <p className="notice notice-warn" role="status">
          {error.message}
        </p>
      )}
      {progress.message !== null && <p className="muted">{progress.message}</p>}
      {summary.indexRebuiltBecause !== null && <p className="muted">The index was rebuilt: {summary.indexRebuiltBecause}</p>}
      {busy && <p className="muted">Cancelling keeps everything indexed so far; Resume indexing then reads only what is still unread.</p>}
      {cancelled && (
        <p className="muted">What was indexed before the cancel is shown everywhere; the folder is not read further, and changes to it are not followed, until you resume.</p>
      )}
    </div>
  );
}
