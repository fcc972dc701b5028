import { realpath, stat } from 'node:fs/promises';
import type { BrowserWindow } from 'electron';
import type { IndexChange } from '../../shared/api/contract';
import type { InspectorService } from '../api/inspector-service';
import { INDEX_CHANGED_CHANNEL } from './ipc-registration';

/** What a folder window needs of its folder's inspector (a FolderInspector). */
export interface FolderSession {
  readonly service: InspectorService;
  onChange(listener: (change: IndexChange) => void): () => void;
  close(): Promise<void>;
}

/** How windows and inspectors are made; the composition root wires Electron and FolderInspector in. */
export interface FolderWindowFactory {
  /** Opens the folder's inspector: ingest worker, read-only index, API service. */
  readonly openSession: (folder: string) => Promise<FolderSession>;
  /** Creates the (hardened) window for a folder; `cascade` counts the windows already open. */
  readonly createWindow: (folder: string, cascade: number) => BrowserWindow;
  /** Called once a folder is shown, to remember it as recent. */
  readonly onOpened?: (folder: string) => void;
}

/** An open folder: its window, its inspector and the web contents id IPC senders are matched against. */
export interface OpenFolder {
  readonly folder: string;
  readonly window: BrowserWindow;
  readonly session: FolderSession;
  readonly webContentsId: number;
}

/**
 * One window per opened folder, keyed by the folder's real path: opening a folder
 * that is already open (or still opening) focuses its window instead of
 * indexing it twice. Closing a window stops its ingest and closes its index.
 */
export class FolderWindows {
  private readonly byFolder = new Map<string, OpenFolder>();
  private readonly byWebContents = new Map<number, OpenFolder>();
  private readonly opening = new Map<string, Promise<OpenFolder>>();
  private readonly closing = new Set<Promise<void>>();

  constructor(private readonly factory: FolderWindowFactory) {}

  /** Shows a folder: focuses its window when it is open, opens it otherwise. Rejects for a path that is not a readable folder. */
  async open(path: string): Promise<OpenFolder> {
    const folder = await realpath(path);
    if (!(await stat(folder)).isDirectory()) throw new Error(`not a folder: ${path}`);
    const known = this.byFolder.get(folder) ?? (await this.opening.get(folder));
    if (known && !known.window.isDestroyed()) {
      focus(known.window);
      return known;
    }
    const opening = this.create(folder);
    this.opening.set(folder, opening);
    try {
      return await opening;
    } finally {
      this.opening.delete(folder);
    }
  }

  /** The service of the folder whose window owns these web contents; null for any other contents. */
  serviceFor(webContentsId: number): InspectorService | null {
    return this.byWebContents.get(webContentsId)?.session.service ?? null;
  }

  /** The open folder whose window owns these web contents, if any. */
  folderOfContents(webContentsId: number): OpenFolder | null {
    return this.byWebContents.get(webContentsId) ?? null;
  }

  /** The open folder shown in a window, if any. */
  folderOf(window: BrowserWindow | null): OpenFolder | null {
    if (!window) return null;
    for (const open of this.byFolder.values()) if (open.window === window) return open;
    return null;
  }

  /** The open folders, oldest first. */
  list(): readonly OpenFolder[] {
    return [...this.byFolder.values()];
  }

  /** Resolves when every closed window's inspector has stopped (the app waits for it before quitting). */
  async settled(): Promise<void> {
    while (this.closing.size > 0) await Promise.all([...this.closing]);
  }

  private async create(folder: string): Promise<OpenFolder> {
    const session = await this.factory.openSession(folder);
    let window: BrowserWindow;
    try {
      window = this.factory.createWindow(folder, this.byFolder.size);
    } catch (error) {
      await session.close();
      throw error;
    }
    const open: OpenFolder = { folder, window, session, webContentsId: window.webContents.id };
    const unsubscribe = session.onChange((change) => {
      if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(INDEX_CHANGED_CHANNEL, change);
    });
    window.once('closed', () => {
      unsubscribe();
      this.byFolder.delete(folder);
      this.byWebContents.delete(open.webContentsId);
      const stopped = session.close().catch(() => undefined);
      this.closing.add(stopped);
      void stopped.finally(() => this.closing.delete(stopped));
    });
    this.byFolder.set(folder, open);
    this.byWebContents.set(open.webContentsId, open);
    this.factory.onOpened?.(folder);
    return open;
  }
}

function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
