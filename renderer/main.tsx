import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { InspectorBridge } from '../shared/api/contract';
import { App } from './app';
import { createHttpBridge } from './bridge/http-bridge';
import { hasSession } from './bridge/session-probe';
import { BROWSER_HOST, DESKTOP_HOST, type FolderHost } from './state/folder-host';
import './styles.css';

/**
 * The bridge this window talks to: the preload's `window.inspector` in the app,
 * otherwise the HTTP client of `serve`, authenticated by the browser session
 * cookie the server set when its printed URL was opened (the server took the
 * token out of that URL before this page ran). The views below never learn
 * which; only the folder page is told what the host does with dropped folders
 * (the app opens them; a browser tab must not navigate to them). Opening
 * folders goes through the bridge in both.
 */
async function selectBridge(): Promise<{ bridge: InspectorBridge | null; host: FolderHost }> {
  const preload = (window as { inspector?: InspectorBridge }).inspector;
  if (preload !== undefined) return { bridge: preload, host: DESKTOP_HOST };
  const bridge = createHttpBridge({ baseUrl: window.location.origin, token: null });
  return { bridge: (await hasSession(bridge)) ? bridge : null, host: BROWSER_HOST };
}

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
void selectBridge().then(({ bridge, host }) => {
  createRoot(container).render(
    <StrictMode>
      <App bridge={bridge} host={host} />
    </StrictMode>,
  );
});
