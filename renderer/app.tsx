import type { InspectorBridge } from '../shared/api/contract';
import { AppShell } from './app-shell';
import { EmptyState } from './components/empty-state';
import { BridgeContext } from './state/bridge-context';
import { FolderHostContext, type FolderHost } from './state/folder-host';
import { IndexRevisionProvider } from './state/index-revision-provider';

/** The whole UI over one bridge; `host` says what the window's host does with folders. */
export function App({ bridge, host }: { readonly bridge: InspectorBridge | null; readonly host: FolderHost }) {
  if (bridge === null) {
    return (
      <main className="app-missing">
        <EmptyState title="This page has no connection to an inspector" pageTitle>
          <p>
            Open the exact address that <code>execution-inspector serve</code> printed, once in this browser: it carries the access token. After that,
            reloads, new tabs and bookmarks of this server work until it stops; a restarted server prints a new address.
          </p>
        </EmptyState>
      </main>
    );
  }
  return (
    <BridgeContext.Provider value={bridge}>
      <FolderHostContext.Provider value={host}>
        <IndexRevisionProvider>
          <AppShell />
        </IndexRevisionProvider>
      </FolderHostContext.Provider>
    </BridgeContext.Provider>
  );
}
