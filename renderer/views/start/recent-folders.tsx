import type { ApiResponse } from '../../../shared/api/contract';
import { ErrorState } from '../../components/error-state';
import { Panel } from '../../components/panel';
import type { ApiState } from '../../hooks/use-api';
import { useBridgeAction } from '../../hooks/use-bridge-action';

/**
 * Folders opened before, newest first, as the host lists them; each reopens by
 * its opaque id (the path is shown as text only). A host that serves one folder
 * lists that folder.
 */
export function RecentFolders({ recent, current }: { readonly recent: ApiState<ApiResponse<'listRecentFolders'>>; readonly current: string | null }) {
  const open = useBridgeAction('openRecentFolder');
  if (recent.error?.code === 'not_applicable') {
    return (
      <Panel title="Recent folders">
        {current !== null && (
          <ul className="recent-list">
            <li>
              <code>{current}</code> <span className="muted">(open now)</span>
            </li>
          </ul>
        )}
        <p className="muted">Browser mode lists only the folder it serves.</p>
      </Panel>
    );
  }
  return (
    <Panel title="Recent folders">
      {recent.value === undefined ? (
        recent.error !== null ? (
          <ErrorState error={recent.error} title="The recent folders could not be read" onRetry={recent.reload} />
        ) : (
          <p className="muted">Loading…</p>
        )
      ) : recent.value.items.length === 0 ? (
        <p className="muted">No folder opened yet.</p>
      ) : (
        <ul className="recent-list">
          {recent.value.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="link-button"
                disabled={open.busy || item.path === current}
                onClick={() => void open.run({ id: item.id }).then(() => recent.reload())}
              >
                {item.name}
              </button>{' '}
              <span className="muted recent-path">{item.path}</span>
              {item.path === current && <span className="muted"> (open now)</span>}
            </li>
          ))}
        </ul>
      )}
      {open.error !== null && (
        <p className="notice notice-warn" role="status">
          Nothing was opened: {open.error.message}
        </p>
      )}
    </Panel>
  );
}
