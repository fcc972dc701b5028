// The app's composition root: the only place that wires Electron to the
// inspector. Everything it assembles lives in a small module of its own.
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { join } from 'node:path';
import { FolderInspector, type FolderInspectorOptions } from '../api/folder-inspector';
import { defaultDataDir, indexPathFor } from '../index/index-location';
import type { IndexOpenOptions } from '../index/open-index';
import { appMenuTemplate, type MenuActions } from './app-menu';
import { AppDialogs } from './app-dialogs';
import { bundledDemoFolder, type AppLocation } from './app-location';
import { APP_INDEX_URL, APP_SCHEME, createAppProtocolHandler, isAppIndexUrl, isAppOrigin, registerAppScheme } from './app-protocol';
import { folderFromArgv } from './command-line-folder';
import { enforceContentSecurityPolicy } from './content-security-policy';
import { createFolderWindow } from './create-folder-window';
import { DataFolders, OpenDeclined } from './data-folders';
import { desktopHostHandlers } from './desktop-host';
import { evidenceFolderHolding } from './evidence-boundary';
import { FolderWindows } from './folder-windows';
import { registerInspectorIpc } from './ipc-registration';
import { electronSqliteBinding } from './native-binding';
import { RecentFolders } from './recent-folders';
import { guardReportDownloads } from './report-download';
import { lockDownWebContents, restrictPermissions } from './window-security';
import { WindowStateStore } from './window-state';

/** How long quitting waits for ingest workers to close their indexes. */
const QUIT_GRACE_MS = 5_000;

// Both must happen before `ready`: privileges of a scheme are fixed at startup,
// and the data folder is the CLI's, so an index built by one is reused by the other.
registerAppScheme(protocol);
app.enableSandbox();
app.setPath('userData', defaultDataDir());

if (app.requestSingleInstanceLock()) {
  startApp();
} else {
  // Another instance runs: it receives our argv through `second-instance` and opens the folder.
  app.quit();
}

function startApp(): void {
  const dataDir = app.getPath('userData');
  const location: AppLocation = { isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath };
  // DevTools only in a development run: an installed app offers no way to run code in its pages.
  const devTools = !app.isPackaged;
  const dialogs = new AppDialogs(dialog, clipboard);
  const openFolders = (): readonly string[] => windows.list().map((open) => open.folder);
  // The app's own files in the default data folder are not written while they would land inside an opened folder.
  const storesWritable = (): boolean => evidenceFolderHolding(openFolders(), dataDir) === null;
  const recent = new RecentFolders(join(dataDir, 'recent-folders.json'), { mayWrite: storesWritable });
  const windowState = new WindowStateStore(join(dataDir, 'window-state.json'), storesWritable);
  // Each folder's index goes to the default data folder unless that lies inside evidence; then the user picks another.
  const dataFolders = new DataFolders(dataDir, {
    explain: (conflict) => dialogs.explainDataFolderConflict(focusedWindow(), conflict),
    choose: (suggested) => dialogs.chooseDataFolder(focusedWindow(), suggested),
  });

  // Set once ready, before the first folder opens: the Electron build of better-sqlite3.
  let index: IndexOpenOptions = {};

  const windows = new FolderWindows({
    openSession: async (folder) => {
      const inUse = windows.list().map((open) => ({ folder: open.folder, dataDir: dataFolders.dataDirOf(open.folder) }));
      const folderDataDir = await dataFolders.resolve(folder, inUse);
      // `index` reaches openIndex through FolderInspector (see the README section on the native module).
      const options: FolderInspectorOptions & { readonly index: IndexOpenOptions } = {
        folder,
        dbPath: indexPathFor(folder, folderDataDir),
        dataDir: folderDataDir,
        watch: true,
        index,
        // The page's Open folder… and recent list: the picker is shown over this folder's window.
        host: desktopHostHandlers({
          recentFolders: () => recent.list(),
          chooseFolder: () => dialogs.chooseFolder(windows.list().find((open) => open.folder === folder)?.window ?? focusedWindow()),
          openFolder,
        }),
      };
      return FolderInspector.open(options);
    },
    createWindow: (folder, cascade) =>
      createFolderWindow(
        {
          BrowserWindow,
          preloadPath: join(__dirname, 'preload.js'),
          indexUrl: APP_INDEX_URL,
          windowState,
          workAreas: () => screen.getAllDisplays().map((display) => display.workArea),
          openFolder,
          dialog,
          devTools,
        },
        folder,
        cascade,
      ),
    onOpened: (folder) => {
      recent.add(folder);
      refreshMenu();
    },
  });

  /** Shows a folder (focusing its window when open); a failure is shown, never thrown. Resolves whether it is shown. */
  function openFolder(path: string): Promise<boolean> {
    // A second instance or the dock can ask before `ready`; windows can only be made after it.
    return app
      .whenReady()
      .then(() => windows.open(path))
      .then(
        () => true,
        (error: unknown) => {
          // A folder the user declined to open (after being told why) is no failure to report.
          if (!(error instanceof OpenDeclined)) dialogs.showOpenFailure(path, error);
          return false;
        },
      );
  }

  function focusedWindow(): BrowserWindow | null {
    return BrowserWindow.getFocusedWindow();
  }

  const actions: MenuActions = {
    openFolder: () => {
      void dialogs.chooseFolder(focusedWindow()).then((folder) => (folder === null ? undefined : openFolder(folder)));
    },
    openRecent: (folder) => void openFolder(folder),
    clearRecent: () => {
      recent.clear();
      refreshMenu();
    },
    revealIndexLocation: () => {
      const window = focusedWindow();
      const open = windows.folderOf(window);
      void (open ? dialogs.showIndexLocation(window, open.folder, indexPathFor(open.folder, dataFolders.dataDirOf(open.folder))) : dialogs.showNoFolder(window));
    },
    about: () => void dialogs.showAbout(focusedWindow(), app.getVersion(), process.versions),
  };

  function refreshMenu(): void {
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(actions, recent.list(), process.platform, devTools)));
  }

  const startFolder = (): string => bundledDemoFolder(location);
  // macOS sends `activate` at launch too: only a later one, with no window left, opens the demo.
  let launched = false;

  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, isAppIndexUrl, devTools));

  // macOS hands over folders dropped on the Dock icon or opened with "Open With" as
  // `open-file`, also at launch before `ready`: those are kept until the app is ready
  // and opened then instead of the demo folder.
  const launchFolders: string[] = [];
  let acceptingFolders = false;
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (acceptingFolders) void openFolder(path);
    else launchFolders.push(path);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    // Opening a folder that is already open focuses (and restores) its window.
    const folder = folderFromArgv(argv, workingDirectory, app.isPackaged) ?? windows.list()[0]?.folder ?? startFolder();
    void openFolder(folder);
  });

  app.on('activate', () => {
    if (launched && windows.list().length === 0) void openFolder(startFolder());
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let indexesClosed = false;
  app.on('will-quit', (event) => {
    if (indexesClosed) return;
    // Let the ingest workers commit and close their indexes (WAL checkpoint) before the process ends.
    event.preventDefault();
    const grace = new Promise<void>((resolve) => setTimeout(resolve, QUIT_GRACE_MS).unref());
    void Promise.race([windows.settled(), grace]).finally(() => {
      indexesClosed = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    try {
      index = { nativeBinding: electronSqliteBinding(location) };
    } catch (error) {
      dialog.showErrorBox('Execution Inspector cannot start', error instanceof Error ? error.message : String(error));
      indexesClosed = true;
      app.quit();
      return;
    }
    const ownSession = session.defaultSession;
    restrictPermissions(ownSession, isAppOrigin);
    enforceContentSecurityPolicy(ownSession);
    guardReportDownloads(
      ownSession,
      {
        windowOf: (contents) => windows.folderOfContents(contents.id)?.window ?? null,
        openFolders,
        isOwnOrigin: isAppOrigin,
        defaultDirectory: () => app.getPath('downloads'),
      },
      dialog,
    );
    protocol.handle(APP_SCHEME, createAppProtocolHandler(join(__dirname, '..', '..', 'renderer')));
    registerInspectorIpc(ipcMain, { isOwnOrigin: isAppOrigin, serviceFor: (webContentsId) => windows.serviceFor(webContentsId) });
    refreshMenu();
    const commandLineFolder = folderFromArgv(process.argv, process.cwd(), app.isPackaged);
    const requested = [...launchFolders, ...(commandLineFolder === null ? [] : [commandLineFolder])];
    acceptingFolders = true;
    void Promise.all((requested.length > 0 ? requested : [startFolder()]).map(openFolder)).finally(() => (launched = true));
  });
}
