import { useEffect } from 'react';
import type { ApiResponse } from '../../../shared/api/contract';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Panel } from '../../components/panel';
import { useApi, type ApiState } from '../../hooks/use-api';
import { FolderControls } from './folder-controls';
import { IndexingProgress } from './indexing-progress';
import { ProducerTimeZones } from './producer-time-zones';
import { RecentFolders } from './recent-folders';
import { UnfinishedLines } from './unfinished-lines';

/** The folder that is open, how far its indexing is (cancel, resume), and how to open another where the host can. */
export function StartView({ summary }: { readonly summary: ApiState<ApiResponse<'summary'>> }) {
  // The host's answer decides the controls: a host of one folder answers not_applicable.
  const recent = useApi('listRecentFolders', {}, { live: false });
  const reloadRecent = recent.reload;
  useEffect(() => {
    // Another window may have opened folders meanwhile.
    window.addEventListener('focus', reloadRecent);
    return () => window.removeEventListener('focus', reloadRecent);
  }, [reloadRecent]);
  const available = recent.value !== undefined ? true : recent.error?.code === 'not_applicable' ? false : null;
  return (
    <div className="view view-start">
      <h1>Folder</h1>
      {summary.value !== undefined ? (
        <Panel title="Open folder">
          <p className="folder-path">
            <span className="muted">Evidence folder (read only): </span>
            <code>{summary.value.folder}</code>
          </p>
          <IndexingProgress summary={summary.value} onChanged={summary.reload} />
          <UnfinishedLines />
        </Panel>
      ) : summary.error !== null ? (
        <ErrorState error={summary.error} onRetry={summary.reload} />
      ) : (
        <LoadingState label="Reading the folder…" />
      )}
      {summary.value !== undefined && <ProducerTimeZones />}
      <FolderControls available={available} onOpened={reloadRecent} />
      <RecentFolders recent={recent} current={summary.value?.folder ?? null} />
    </div>
  );
}
