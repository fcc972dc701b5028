import { basename } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do; the composition root supplies them. */
export interface MenuActions {
  readonly openFolder: () => void;
  readonly openRecent: (folder: string) => void;
  readonly clearRecent: () => void;
  readonly revealIndexLocation: () => void;
  readonly about: () => void;
}

/**
 * The View menu: Electron's standard one in a development run; in an installed
 * app the same items without Toggle Developer Tools (and its accelerator).
 */
export function viewMenu(devTools: boolean): MenuItemConstructorOptions {
  if (devTools) return { role: 'viewMenu' };
  return {
    label: '&View',
    submenu: [{ role: 'reload' }, { role: 'forceReload' }, { type: 'separator' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
  };
}

/**
 * The application menu: File (open, recent, reveal index location, close),
 * the standard Edit, View and Window roles, and Help ▸ About. On macOS the app
 * menu comes first and Quit lives there.
 */
export function appMenuTemplate(actions: MenuActions, recent: readonly string[], platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = [
    ...recent.map((folder): MenuItemConstructorOptions => ({ label: `${basename(folder) || folder} — ${folder}`, click: () => actions.openRecent(folder) })),
    ...(recent.length > 0 ? [{ type: 'separator' } as const] : []),
    { label: 'Clear Recent', enabled: recent.length > 0, click: () => actions.clearRecent() },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFolder() },
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        { label: 'Reveal Index Location…', click: () => actions.revealIndexLocation() },
        { type: 'separator' },
        { label: 'Close Window', accelerator: 'CmdOrCtrl+W', role: 'close' },
        ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
      ],
    },
    { role: 'editMenu' },
    viewMenu(devTools),
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ label: 'About Execution Inspector', click: () => actions.about() }] },
  ];
}
