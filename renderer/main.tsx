import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { InspectorBridge } from '../shared/api/contract';
import { App } from './app';
import { createHttpBridge, tokenFromLocation } from './bridge/http-bridge';
import { BROWSER_HOST, DESKTOP_HOST, type FolderHost } from './state/folder-host';
import './styles.css';

/**
 * The bridge this window talks to: the preload's `window.inspector` in the app,
 * otherwise the HTTP client of `serve`, whose token is taken from the URL, kept
 * in memory only and removed from the address bar (and so from history). The
 * views below never learn which; only the folder page is told what the host
 * does with dropped folders (the app opens them; a browser tab must not
 * navigate to them). Opening folders goes through the bridge in both.
 */
function selectBridge(): { bridge: InspectorBridge | null; host: FolderHost } {
  const preload = (window as { inspector?: InspectorBridge }).inspector;
  if (preload !== undefined) return { bridge: preload, host: DESKTOP_HOST };
  const token = tokenFromLocation(window.location);
  const url = new URL(window.location.href);
  if (url.searchParams.has('token')) {
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return { bridge: token === null ? null : createHttpBridge({ baseUrl: window.location.origin, token }), host: BROWSER_HOST };
}

const { bridge, host } = selectBridge();
const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <App bridge={bridge} host={host} />
  </StrictMode>,
);
