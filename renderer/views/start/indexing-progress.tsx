import { useState } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { KeyValueList } from '../../components/key-value-list';
import { formatBytes, formatCount, percent } from '../../format/numbers';
import { useFolderHost } from '../../state/folder-host';

const PHASE_TEXT: Readonly<Record<string, string>> = {
  idle: 'Not started',
  discovering: 'Finding files…',
  indexing: 'Indexing…',
  done: 'Indexed',
  watching: 'Indexed; watching the folder for changes',
  failed: 'Indexing failed',
};

/** The indexing run of the open folder: a progress bar, files and events counted, and a way to stop it. */
export function IndexingProgress({ summary }: { readonly summary: ApiResponse<'summary'> }) {
  const shell = useFolderHost().shell;
  const [cancelling, setCancelling] = useState(false);
  const progress = summary.progress;
  const busy = progress.phase === 'discovering' || progress.phase === 'indexing';
  const pct = busy ? percent(progress.bytesDone, progress.bytesTotal) : 100;
  return (
    <div className="indexing">
      <div className="indexing-line">
        <span className={progress.phase === 'failed' ? 'text-bad' : ''}>{PHASE_TEXT[progress.phase] ?? progress.phase}</span>
        <progress className="indexing-bar" max={100} value={pct ?? undefined} aria-label="Indexing progress" aria-valuetext={pct === null ? 'unknown' : `${pct}%`} />
        <button
          type="button"
          disabled={!busy || shell === null || cancelling}
          title={shell === null ? 'Indexing runs in the process that opened this folder' : undefined}
          onClick={() => {
            if (shell === null) return;
            setCancelling(true);
            void shell.cancelIndexing().finally(() => setCancelling(false));
          }}
        >
          Cancel indexing
        </button>
      </div>
      <KeyValueList
        items={[
          ['Files', `${formatCount(progress.filesDone)} of ${formatCount(progress.filesTotal)} read`],
          ['Bytes', `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`],
          ['Events', formatCount(progress.events)],
          ['Indexed files', `${formatCount(summary.files.indexed)} indexed, ${formatCount(summary.files.skipped)} skipped, ${formatCount(summary.files.gone)} gone`],
        ]}
      />
      {progress.message !== null && <p className="muted">{progress.message}</p>}
      {summary.indexRebuiltBecause !== null && <p className="muted">The index was rebuilt: {summary.indexRebuiltBecause}</p>}
      {shell === null && busy && <p className="muted">Indexing runs in the process that opened this folder (the app window, or serve); closing it stops indexing and keeps what was indexed, which the next opening resumes from.</p>}
    </div>
  );
}
