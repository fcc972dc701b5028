import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * The web preferences of every window: an isolated, sandboxed page without Node,
 * without <webview>, with web security on. `navigateOnDragDrop` lets a folder
 * dropped on the window arrive as a (refused) file:// navigation that the main
 * process reads; every such navigation is prevented, see folder-drop.ts.
 * DevTools only in a development run: in an installed app they would let
 * anyone at the keyboard run code in the page that holds the IPC bridge.
 */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
    navigateOnDragDrop: true,
  };
}

/** The one permission the page gets: writing text to the clipboard, which the Copy buttons (navigator.clipboard.writeText) need. */
export const CLIPBOARD_WRITE_PERMISSION = 'clipboard-sanitized-write';

/**
 * Grants `clipboard-sanitized-write` to our own top-level page and denies every
 * other permission (camera, notifications, clipboard reading, …) and every other
 * asker (a sub-frame, another origin, contents that are not ours): the inspector
 * needs nothing else. Request and check handlers decide alike, since Chromium
 * asks either one depending on the API.
 */
export function restrictPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>, isOwnOrigin: (url: string) => boolean): void {
  const ownTopLevelPage = (contents: WebContents | null, isMainFrame: boolean, requestingUrl: string | undefined): boolean =>
    contents !== null && isMainFrame && requestingUrl !== undefined && isOwnOrigin(requestingUrl) && isOwnOrigin(contents.getURL());
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permission === CLIPBOARD_WRITE_PERMISSION && ownTopLevelPage(contents, details.isMainFrame, details.requestingUrl)),
  );
  session.setPermissionCheckHandler(
    (contents, permission, requestingOrigin, details) =>
      permission === CLIPBOARD_WRITE_PERMISSION &&
      ownTopLevelPage(contents, details.isMainFrame, requestingOrigin) &&
      (details.embeddingOrigin === undefined || details.embeddingOrigin === '' || isOwnOrigin(details.embeddingOrigin)),
  );
}

/**
 * Locks down any web contents the app creates: no navigation away from our page,
 * no redirects elsewhere, no new windows, no <webview>, and (in an installed
 * app) DevTools closed as soon as anything opens them. Installed from
 * `web-contents-created`, so it also covers contents we did not create ourselves.
 */
export function lockDownWebContents(contents: WebContents, isOwnPage: (url: string) => boolean, devTools: boolean): void {
  if (!devTools) contents.on('devtools-opened', () => contents.closeDevTools());
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
