import type { ApiResponse } from '../../../shared/api/contract';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { Panel } from '../../components/panel';
import type { ApiState } from '../../hooks/use-api';
import { FolderControls } from './folder-controls';
import { IndexingProgress } from './indexing-progress';
import { RecentFolders } from './recent-folders';

/** The folder that is open, how far its indexing is, and (in the app) how to open another. */
export function StartView({ summary }: { readonly summary: ApiState<ApiResponse<'summary'>> }) {
  return (
    <div className="view view-start">
      <h1>Folder</h1>
      {summary.value !== undefined ? (
        <Panel title="Open folder">
          <p className="folder-path">
            <span className="muted">Evidence folder (read only): </span>
            <code>{summary.value.folder}</code>
          </p>
          <IndexingProgress summary={summary.value} />
        </Panel>
      ) : summary.error !== null ? (
        <ErrorState error={summary.error} onRetry={summary.reload} />
      ) : (
        <LoadingState label="Reading the folder…" />
      )}
      <FolderControls />
      <RecentFolders current={summary.value?.folder ?? null} />
    </div>
  );
}
