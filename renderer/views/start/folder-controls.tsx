import { useState } from 'react';
import { Panel } from '../../components/panel';
import { useBridgeAction } from '../../hooks/use-bridge-action';
import { SINGLE_FOLDER_EXPLANATION, useFolderHost } from '../../state/folder-host';

/**
 * Open another folder: the native folder picker (the host shows it; the page
 * never names a path) and a drop zone the desktop app takes drops on.
 * `available` is false when the host serves one folder, null until it is known.
 */
export function FolderControls({ available, onOpened }: { readonly available: boolean | null; readonly onOpened: () => void }) {
  const host = useFolderHost();
  const choose = useBridgeAction('chooseFolder');
  const [dragging, setDragging] = useState(false);
  if (available === false) {
    return (
      <Panel title="Open another folder">
        <p className="muted">{SINGLE_FOLDER_EXPLANATION}</p>
      </Panel>
    );
  }
  return (
    <Panel title="Open another folder">
      <div className="folder-controls">
        <button
          type="button"
          disabled={available !== true || choose.busy}
          onClick={() =>
            void choose.run({}).then((answer) => {
              if (answer?.opened === true) onOpened();
            })
          }
        >
          Open folder…
        </button>
        {host.opensDroppedFolders && (
          <div
            className={`drop-zone${dragging ? ' is-dragging' : ''}`}
            onDragEnter={() => setDragging(true)}
            onDragOver={() => setDragging(true)}
            onDragLeave={() => setDragging(false)}
            onDrop={() => setDragging(false)}
          >
            Drop a folder here (or anywhere on this window) to open it
          </div>
        )}
      </div>
      {choose.error !== null && (
        <p className="notice notice-warn" role="status">
          Nothing was opened: {choose.error.message}
        </p>
      )}
      <p className="muted">{host.openHint}</p>
    </Panel>
  );
}
