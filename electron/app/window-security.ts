import type { Session, WebContents, WebPreferences } from 'electron';

/**
 * The web preferences of every window: an isolated, sandboxed page without Node,
 * without <webview>, with web security on. `navigateOnDragDrop` lets a folder
 * dropped on the window arrive as a (refused) file:// navigation that the main
 * process reads; every such navigation is prevented, see folder-drop.ts.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
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

/** Denies every permission (camera, notifications, clipboard, …) a page asks for or probes: the inspector needs none. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Locks down any web contents the app creates: no navigation away from our page,
 * no redirects elsewhere, no new windows, no <webview>. Installed from
 * `web-contents-created`, so it also covers contents we did not create ourselves.
 */
export function lockDownWebContents(contents: WebContents, isOwnPage: (url: string) => boolean): void {
  contents.on('will-navigate', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isOwnPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
