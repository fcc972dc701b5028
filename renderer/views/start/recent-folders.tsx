import { useEffect, useState } from 'react';
import { Panel } from '../../components/panel';
import { useFolderHost } from '../../state/folder-host';

/** Folders opened before, when the host lists them to the page; otherwise the open one and where the host keeps the rest. */
export function RecentFolders({ current }: { readonly current: string | null }) {
  const host = useFolderHost();
  const shell = host.shell;
  const [recent, setRecent] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (shell === null) return;
    let cancelled = false;
    shell.recentFolders().then(
      (list) => !cancelled && setRecent(list),
      () => !cancelled && setRecent([]),
    );
    return () => {
      cancelled = true;
    };
  }, [shell]);
  const list = shell === null ? (current === null ? [] : [current]) : (recent ?? []);
  return (
    <Panel title="Recent folders">
      {shell !== null && recent === null ? (
        <p className="muted">Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted">No folder opened yet.</p>
      ) : (
        <>
        <ul className="recent-list">
          {list.map((path) => (
            <li key={path}>
              <button type="button" className="link-button" disabled={shell === null || path === current} onClick={() => void shell?.openFolder(path)}>
                {path}
              </button>
              {path === current && <span className="muted"> (open now)</span>}
            </li>
          ))}
        </ul>
        {shell === null && <p className="muted">{host.recentHint}</p>}
        </>
      )}
    </Panel>
  );
}
