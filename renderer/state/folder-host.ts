import { createContext, useContext } from 'react';

/**
 * What a host that serves one folder says instead of folder controls: the
 * contract's host methods (`chooseFolder`, `listRecentFolders`, `openRecentFolder`)
 * answer `not_applicable` there.
 */
export const SINGLE_FOLDER_EXPLANATION =
  'Browser mode serves one folder, fixed when execution-inspector serve started. To inspect another folder, run serve on it, or use the desktop app.';

/** What the page can only know from the kind of window it is in; everything else it asks the bridge. */
export interface FolderHost {
  /** Where else this host opens folders, as a sentence shown under the page's own controls. */
  readonly openHint: string;
  /**
   * The host opens a folder dropped on the window itself (the desktop app reads
   * it from the navigation Chromium starts on drop), so the page must let drops through.
   */
  readonly opensDroppedFolders: boolean;
}

/** The desktop app: besides the page's controls, its menu opens folders and it takes dropped folders. */
export const DESKTOP_HOST: FolderHost = {
  openHint: 'Folders also open from File → Open Folder… (Ctrl+O, ⌘O on macOS) and File → Open Recent, or when dropped anywhere on this window.',
  opensDroppedFolders: true,
};

/** A browser tab of `serve`: one folder, fixed when the server started. */
export const BROWSER_HOST: FolderHost = {
  openHint: SINGLE_FOLDER_EXPLANATION,
  opensDroppedFolders: false,
};

/** The window's folder host. */
export const FolderHostContext = createContext<FolderHost>(BROWSER_HOST);

/** The window's folder host. */
export function useFolderHost(): FolderHost {
  return useContext(FolderHostContext);
}
