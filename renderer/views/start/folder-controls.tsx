import { useState } from 'react';
import { Panel } from '../../components/panel';
import { useFolderHost } from '../../state/folder-host';

/**
 * Open another folder: a button and a drop zone. In the desktop app the drop
 * goes through to the app (which opens the folder); a browser tab serves one
 * folder and says so.
 */
export function FolderControls() {
  const host = useFolderHost();
  const shell = host.shell;
  const [dragging, setDragging] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <Panel title="Open another folder">
      <div className="folder-controls">
        <button type="button" disabled={shell === null} onClick={() => void shell?.pickFolder()} title={shell === null ? host.openHint : undefined}>
          Open folder…
        </button>
        <div
          className={`drop-zone${dragging ? ' is-dragging' : ''}`}
          onDragEnter={() => setDragging(true)}
          onDragOver={(event) => {
            setDragging(true);
            if (!host.opensDroppedFolders) event.preventDefault();
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(event) => {
            setDragging(false);
            if (host.opensDroppedFolders) return;
            event.preventDefault();
            setMessage(host.openHint);
          }}
        >
          {host.opensDroppedFolders ? 'Drop a folder here (or anywhere on this window) to open it' : 'Drop a folder here'}
        </div>
      </div>
      <p className="muted">{host.openHint}</p>
      {message !== null && (
        <p className="notice notice-warn" role="status">
          Nothing was opened. {message}
        </p>
      )}
    </Panel>
  );
}
