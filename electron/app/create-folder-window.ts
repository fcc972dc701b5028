import { basename } from 'node:path';
import type { BrowserWindow, Dialog, Rectangle } from 'electron';
import { onFolderDropped } from './folder-drop';
import { recoverRenderer } from './renderer-recovery';
import { secureWebPreferences } from './window-security';
import { placeWindow, type WindowStateStore } from './window-state';

/** What a folder window is made with. */
export interface FolderWindowOptions {
  /** Electron's BrowserWindow class (passed in: only main.ts loads Electron). */
  readonly BrowserWindow: typeof BrowserWindow;
  readonly preloadPath: string;
  /** The page to load: always our app:// index. */
  readonly indexUrl: string;
  readonly windowState: WindowStateStore;
  /** The screens' work areas, to keep a remembered position on screen. */
  readonly workAreas: () => readonly Rectangle[];
  /** Opens a folder dropped on the window. */
  readonly openFolder: (folder: string) => void;
  /** Asks the user what to do when the page dies or hangs. */
  readonly dialog: Pick<Dialog, 'showMessageBox'>;
  /** Whether DevTools may open: only in a development run (`!app.isPackaged`). */
  readonly devTools: boolean;
}

/**
 * Creates the window of one folder: secure preferences, the remembered size and
 * place (cascaded), shown once painted, our index page, folder drops, recovery
 * of a dead or hung page; its geometry is remembered when it closes.
 */
export function createFolderWindow(options: FolderWindowOptions, folder: string, cascade: number): BrowserWindow {
  const state = options.windowState.load();
  const window = new options.BrowserWindow({
    ...placeWindow(state, cascade, options.workAreas()),
    minWidth: 720,
    minHeight: 480,
    title: `${basename(folder) || folder} — Execution Inspector`,
    show: false,
    backgroundColor: '#14171c',
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  if (state.maximized && cascade === 0) window.maximize();
  window.once('ready-to-show', () => window.show());
  // The page's <title> would otherwise replace the folder name, which is what tells windows apart.
  window.on('page-title-updated', (event) => event.preventDefault());
  window.on('close', () => {
    try {
      options.windowState.save(window.getNormalBounds(), window.isMaximized());
    } catch {
      // Losing the remembered geometry is not worth keeping a window from closing.
    }
  });
  onFolderDropped(window.webContents, options.openFolder);
  const load = (): void => {
    window.loadURL(options.indexUrl).catch((error: unknown) => {
      // A failed load leaves an empty window; the protocol handler answers 404 when the renderer was not built.
      console.error(`Execution Inspector: cannot load ${options.indexUrl}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  recoverRenderer(window, basename(folder) || folder, options.dialog, load);
  load();
  return window;
}
