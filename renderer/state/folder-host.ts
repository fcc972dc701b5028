import { createContext, useContext } from 'react';

/**
 * Folder actions a desktop shell object could expose to the page (the
 * contract's bridge serves one opened folder and has none of them). When a
 * preload provides `window.inspectorShell` with this shape, the folder page's
 * buttons use it; otherwise they explain where the host does these things.
 */
export interface FolderShell {
  /** Shows the OS folder picker and opens the chosen folder. */
  readonly pickFolder: () => Promise<void>;
  /** Opens a recently opened folder by path. */
  readonly openFolder: (path: string) => Promise<void>;
  /** Recently opened folders, newest first. */
  readonly recentFolders: () => Promise<readonly string[]>;
  /** Stops the indexing run in progress (what is indexed stays). */
  readonly cancelIndexing: () => Promise<void>;
}

/** What the window's host does with folders. */
export interface FolderHost {
  /** Where the user opens another folder in this host, as a sentence. */
  readonly openHint: string;
  /** Where recent folders are, when not listed on the page. */
  readonly recentHint: string;
  /**
   * The host opens a folder dropped on the window itself (the desktop app reads
   * it from the navigation Chromium starts on drop), so the page must let drops through.
   */
  readonly opensDroppedFolders: boolean;
  readonly shell: FolderShell | null;
}

/** The desktop app: its menu opens folders and it takes dropped folders. */
export function desktopHost(shell: FolderShell | null): FolderHost {
  return {
    openHint: 'Open another folder with File → Open Folder… (Ctrl+O, ⌘O on macOS), or drop a folder anywhere on this window.',
    recentHint: 'Reopen a folder from File → Open Recent.',
    opensDroppedFolders: true,
    shell,
  };
}

/** A browser tab of `serve`: one folder, fixed when the server started. */
export const BROWSER_HOST: FolderHost = {
  openHint: 'Browser mode serves one folder, fixed when execution-inspector serve started. To inspect another folder, run serve on it, or use the desktop app.',
  recentHint: 'Browser mode lists only the folder it serves.',
  opensDroppedFolders: false,
  shell: null,
};

/** The window's folder host. */
export const FolderHostContext = createContext<FolderHost>(BROWSER_HOST);

/** The window's folder host. */
export function useFolderHost(): FolderHost {
  return useContext(FolderHostContext);
}

/** Reads `window.inspectorShell` when it has the shape of a FolderShell. */
export function folderShellOf(host: unknown): FolderShell | null {
  const shell = (host as { inspectorShell?: unknown } | null)?.inspectorShell;
  if (shell === null || typeof shell !== 'object') return null;
  const candidate = shell as Record<string, unknown>;
  const required = ['pickFolder', 'openFolder', 'recentFolders', 'cancelIndexing'];
  return required.every((name) => typeof candidate[name] === 'function') ? (shell as FolderShell) : null;
}
