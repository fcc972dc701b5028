import type { BrowserWindow, Clipboard, Dialog } from 'electron';
import { DATA_DIR_ENV } from '../index/index-location';
import { assertNever } from '../../shared/model/family';
import type { DataFolderConflict } from './data-folders';

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

  /**
   * Explains why the data folder cannot serve the folder being opened; true when
   * the user chose to pick another data folder, false when they cancelled (or
   * when only closing another window helps, which is all that is offered then).
   */
  async explainDataFolderConflict(parent: BrowserWindow | null, conflict: DataFolderConflict): Promise<boolean> {
    const { message, detail } = dataFolderConflictText(conflict);
    const remedy = conflict.kind !== 'other-index-inside';
    const options = {
      type: 'warning' as const,
      title: 'Data folder inside the evidence',
      message,
      detail,
      buttons: remedy ? ['Choose Another Data Folder…', 'Cancel'] : ['OK'],
      defaultId: 0,
      cancelId: remedy ? 1 : 0,
      noLink: true,
    };
    const { response } = parent ? await this.dialog.showMessageBox(parent, options) : await this.dialog.showMessageBox(options);
    return remedy && response === 0;
  }

  /** Asks for a data folder (it may be created in the picker); null when cancelled. */
  async chooseDataFolder(parent: BrowserWindow | null, suggested: string): Promise<string | null> {
    const options = {
      title: 'Choose a Data Folder Outside the Evidence',
      buttonLabel: 'Use This Data Folder',
      defaultPath: suggested,
      properties: ['openDirectory' as const, 'createDirectory' as const, 'dontAddToRecent' as const],
    };
    const result = parent ? await this.dialog.showOpenDialog(parent, options) : await this.dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  }

  /** Reports a folder that could not be opened. */
  showOpenFailure(folder: string, error: unknown): void {
    this.dialog.showErrorBox('Cannot open folder', `${folder}\n\n${error instanceof Error ? error.message : String(error)}`);
  }
}

/** What the user reads about a data folder conflict: what is wrong, where, and what to do. */
export function dataFolderConflictText(conflict: DataFolderConflict): { readonly message: string; readonly detail: string } {
  const lasting = `The choice lasts until the app quits. To move the data folder for good, start the app with ${DATA_DIR_ENV} set to a folder outside the evidence.`;
  const kept = 'Execution Inspector keeps its index, review journal (notes and rollback acknowledgements), recent folders and window positions in its data folder';
  switch (conflict.kind) {
    case 'inside-opening':
      return {
        message: 'The folder you are opening contains Execution Inspector\'s data folder.',
        detail: `${kept}:\n${conflict.dataDir}\nwhich is inside\n${conflict.folder}\n\nAn opened folder is evidence and is never written, so it cannot be opened with this data folder. Choose a data folder outside it, or cancel.\n\n${lasting}`,
      };
    case 'inside-open':
      return {
        message: 'Execution Inspector\'s data folder is inside a folder open in another window.',
        detail: `${kept}:\n${conflict.dataDir}\nwhich is inside\n${conflict.folder}\n\nAn opened folder is evidence and is never written. Choose a data folder outside every opened folder, or cancel.\n\n${lasting}`,
      };
    case 'holds-opening':
      return {
        message: 'The folder you are opening is inside Execution Inspector\'s data folder.',
        detail: `${conflict.folder}\nis inside the data folder\n${conflict.dataDir}\nwhere its own index would be written. Choose a data folder outside it, or cancel.\n\n${lasting}`,
      };
    case 'other-index-inside':
      return {
        message: 'The folder you are opening contains the index of a folder open in another window.',
        detail: `The index of\n${conflict.owner}\nis written in\n${conflict.dataDir}\nwhich is inside\n${conflict.folder}\n\nAn opened folder is evidence and is never written. Close the window of ${conflict.owner} first, then open this folder again.`,
      };
    default:
      return assertNever(conflict);
  }
}
