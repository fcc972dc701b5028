import type { BrowserWindow, Clipboard, Dialog } from 'electron';

/** The native dialogs the app shows; `dialog` and `clipboard` are passed in so the module needs no Electron at load time. */
export class AppDialogs {
  constructor(
    private readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showMessageBox' | 'showErrorBox'>,
    private readonly clipboard: Pick<Clipboard, 'writeText'>,
  ) {}

  /** Asks for a folder to open; null when cancelled. */
  async chooseFolder(parent: BrowserWindow | null): Promise<string | null> {
    const options = { title: 'Open Folder', buttonLabel: 'Open', properties: ['openDirectory' as const, 'dontAddToRecent' as const] };
    const result = parent ? await this.dialog.showOpenDialog(parent, options) : await this.dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  /**
   * Shows where a folder's index file is, with a button that copies the path.
   * The inspector never opens a file manager (no `shell`), so the path is text.
   */
  async showIndexLocation(parent: BrowserWindow | null, folder: string, indexPath: string): Promise<void> {
    const options = {
      type: 'info' as const,
      title: 'Index location',
      message: 'The index of this folder is stored here:',
      detail: `${indexPath}\n\nFolder: ${folder}\n\nIt is a cache: deleting it loses nothing, the folder is re-indexed when opened.`,
      buttons: ['Copy path', 'Close'],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    };
    const { response } = parent ? await this.dialog.showMessageBox(parent, options) : await this.dialog.showMessageBox(options);
    if (response === 0) this.clipboard.writeText(indexPath);
  }

  /** Says that no folder window is focused, for commands about "this folder". */
  async showNoFolder(parent: BrowserWindow | null): Promise<void> {
    const options = { type: 'info' as const, title: 'No folder', message: 'Open a folder first.', buttons: ['OK'] };
    await (parent ? this.dialog.showMessageBox(parent, options) : this.dialog.showMessageBox(options));
  }

  /** Help ▸ About: the app's version and the runtime it runs on. */
  async showAbout(parent: BrowserWindow | null, version: string, versions: NodeJS.ProcessVersions): Promise<void> {
    const options = {
      type: 'info' as const,
      title: 'About Execution Inspector',
      message: `Execution Inspector ${version}`,
      detail: `Offline inspector for execution telemetry. It never runs anything and never writes to the folders it opens.\n\nElectron ${versions.electron ?? '?'} · Chromium ${versions.chrome ?? '?'} · Node ${versions.node}`,
      buttons: ['OK'],
    };
    await (parent ? this.dialog.showMessageBox(parent, options) : this.dialog.showMessageBox(options));
  }

  /** Reports a folder that could not be opened. */
  showOpenFailure(folder: string, error: unknown): void {
    this.dialog.showErrorBox('Cannot open folder', `${folder}\n\n${error instanceof Error ? error.message : String(error)}`);
  }
}
