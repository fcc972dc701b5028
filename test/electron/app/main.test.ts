// The app's composition root, loaded from dist/ under plain Node with a stand-in
// `electron` module, opening real fixture folders through the real FolderInspector.
import { electron } from './install-electron-stand-in';
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { apiResultSchema, type ApiResult } from '../../../shared/api/api-result';
import { API, API_METHODS, HOST_METHODS, indexChangeSchema, type ApiMethod, type ApiResponse } from '../../../shared/api/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/content-security-policy';
import { electronSqliteBindingPath } from '../../../electron/app/native-binding';
import { DATA_DIR_ENV, indexPathFor } from '../../../electron/index/index-location';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { tempFolder } from '../../support/temp-folder';
import { FakeBrowserWindow, FakeDownloadItem, FakeFrame, FakeWebContents, invokeEvent, menuItemAt, until, type FakeMenuItem } from './electron-stand-in';

// Registered before any temporary folder: `after` hooks run in order, and the
// windows must be closed (ingest workers stopped) before their folders are removed.
after(async () => {
  for (const window of FakeBrowserWindow.getAllWindows()) window.close();
  const quitsBefore = electron.app.quitCalls;
  let prevented = false;
  electron.app.emit('will-quit', { preventDefault: () => (prevented = true) });
  assert.equal(prevented, true, 'quitting waits for the indexes to close');
  await until('the app quits after the indexes closed', () => electron.app.quitCalls > quitsBefore);
});

const repoRoot = join(__dirname, '..', '..', '..', '..');
const compiledApp = join(__dirname, '..', '..', '..', 'electron', 'app');
const INDEX_URL = 'app://inspector/index.html';

const dataDir = tempFolder('app-data');
const appPath = tempFolder('app-path');
const downloads = realpathSync(tempFolder('app-downloads'));
const folders = { a: fixture('a', 11), b: fixture('b', 12), c: fixture('c', 13), d: fixture('d', 14), e: fixture('e', 15) };

function fixture(name: string, seed: number): string {
  const dir = realpathSync(tempFolder(`app-folder-${name}`));
  writeFixtureFolder(dir, { seed });
  return dir;
}


function windowFor(folder: string): FakeBrowserWindow {
  const window = FakeBrowserWindow.getAllWindows().find((candidate) => String(candidate.options.title).startsWith(basename(folder)));
  assert.ok(window, `no window for ${folder}`);
  return window;
}

function topFrameEvent(window: FakeBrowserWindow): unknown {
  return invokeEvent(window.webContents, window.webContents.mainFrame);
}

const menuItem = (path: readonly string[]): FakeMenuItem => menuItemAt(electron.Menu, path);

before(async () => {
  process.env[DATA_DIR_ENV] = dataDir;
  // The app insists on an Electron build of better-sqlite3; under Node the Node build stands in for it.
  const binding = electronSqliteBindingPath({ isPackaged: false, appPath, resourcesPath: '' });
  mkdirSync(dirname(binding), { recursive: true });
  copyFileSync(join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
  electron.app.appPath = appPath;
  electron.app.setPath('downloads', downloads);
  process.argv = [process.execPath, '.', '--enable-logging', folders.a];
  await import('../../../electron/app/main.js');
  electron.app.becomeReady();
  await until('the folder on the command line has a window', () => FakeBrowserWindow.getAllWindows().length === 1);
});

describe('app main process (with a stand-in electron module)', () => {
  it('before ready: registers app:// as a privileged scheme, enables the sandbox, takes the single-instance lock and uses the CLI data folder', () => {
    assert.equal(electron.protocol.registeredBeforeReady, true);
    assert.deepEqual(electron.protocol.privileged, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
    assert.equal(electron.app.sandboxEnabled, true);
    assert.equal(electron.app.getPath('userData'), dataDir);
  });

  it('opens the folder named on the command line in one window with the secure preferences, loading our app:// page', () => {
    const window = windowFor(folders.a);
    assert.deepEqual(window.options.webPreferences, {
      preload: join(compiledApp, 'preload.js'),
      devTools: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: true,
    });
    assert.ok(existsSync(join(compiledApp, 'preload.js')));
    assert.equal(window.loadedUrl, INDEX_URL);
    assert.equal(window.options.show, false);
  });

  it('registers exactly one ipcMain handler per contract method, and no other channel', () => {
    assert.deepEqual([...electron.ipcMain.handlers.keys()].sort(), API_METHODS.map((method) => `inspector:${method}`).sort());
    for (const method of ['cancelIndexing', 'rescan', ...HOST_METHODS]) assert.ok(electron.ipcMain.handlers.has(`inspector:${method}`), method);
    assert.equal(electron.ipcMain.listeners.size, 0);
  });

  it("answers our window's top-level page through the real FolderInspector of that window's folder", async () => {
    const result = apiResultSchema(API.summary.response).parse(await electron.ipcMain.invoke('inspector:summary', topFrameEvent(windowFor(folders.a)), {}));
    assert.equal(result.ok, true);
    assert.equal(result.ok && result.value.folder, folders.a);
  });

  it('refuses a sub-frame, another origin, a missing frame and web contents that are not a folder window, as unauthorized data', async () => {
    const window = windowFor(folders.a);
    const stranger = new FakeWebContents(INDEX_URL);
    const senders = [
      invokeEvent(window.webContents, new FakeFrame(INDEX_URL, window.webContents.mainFrame)),
      invokeEvent(window.webContents, new FakeFrame('https://evil.example/index.html')),
      invokeEvent(window.webContents, new FakeFrame('file:///index.html')),
      invokeEvent(window.webContents, new FakeFrame('app://other/index.html')),
      invokeEvent(window.webContents, null),
      invokeEvent(stranger, stranger.mainFrame),
    ];
    for (const sender of senders) {
      for (const method of ['summary', 'acknowledgeRollback'] as const) {
        const result = apiResultSchema(API[method].response).parse(await electron.ipcMain.invoke(`inspector:${method}`, sender, {}));
        assert.equal(result.ok, false);
        assert.equal(!result.ok && result.error.code, 'unauthorized');
      }
    }
  });

  it("validates our page's requests with the contract (an unknown key is invalid_request)", async () => {
    const result = apiResultSchema(API.summary.response).parse(await electron.ipcMain.invoke('inspector:summary', topFrameEvent(windowFor(folders.a)), { extra: 1 }));
    assert.equal(!result.ok && result.error.code, 'invalid_request');
  });

  it('pushes "index changed" notices (counts only) to the folder\'s window on inspector:changed', async () => {
    const window = windowFor(folders.a);
    await until('a change notice arrives', () => window.webContents.sent.some((message) => message.channel === 'inspector:changed'));
    for (const message of window.webContents.sent) {
      assert.equal(message.channel, 'inspector:changed');
      assert.equal(message.args.length, 1);
      indexChangeSchema.parse(message.args[0]);
    }
  });

  it('prevents navigation and redirects away from our page, new windows and <webview>, in every web contents', () => {
    const contents = [windowFor(folders.a).webContents, new FakeWebContents()];
    electron.app.emit('web-contents-created', {}, contents[1]);
    for (const content of contents) {
      assert.equal(content.navigate('will-navigate', 'https://example.com/').prevented, true);
      assert.equal(content.navigate('will-navigate', 'app://inspector/other.html').prevented, true);
      assert.equal(content.navigate('will-navigate', 'app://evil/index.html').prevented, true);
      assert.equal(content.navigate('will-redirect', 'https://example.com/').prevented, true);
      assert.equal(content.navigate('will-navigate', INDEX_URL).prevented, false);
      assert.deepEqual(content.windowOpenHandler?.({ url: 'https://example.com/' }), { action: 'deny' });
      assert.equal(content.attachWebview(), true);
    }
  });

  it("grants only clipboard-sanitized-write (the Copy buttons), only to our window's top-level page; denies everything else", () => {
    const session = electron.session.defaultSession;
    const window = windowFor(folders.a).webContents;
    const answers: boolean[] = [];
    session.permissionRequestHandler?.(window, 'clipboard-sanitized-write', (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: INDEX_URL });
    session.permissionRequestHandler?.(window, 'clipboard-sanitized-write', (granted) => answers.push(granted), { isMainFrame: false, requestingUrl: INDEX_URL });
    assert.equal(session.permissionCheckHandler?.(window, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: true }), true);
    assert.equal(session.permissionCheckHandler?.(window, 'clipboard-sanitized-write', 'https://example.com', { isMainFrame: true }), false);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      session.permissionRequestHandler?.(window, permission, (granted) => answers.push(granted), { isMainFrame: true, requestingUrl: INDEX_URL });
      assert.equal(session.permissionCheckHandler?.(window, permission, 'app://inspector', { isMainFrame: true }), false);
    }
    assert.deepEqual(answers, [true, false, false, false, false, false, false]);
  });

  it("a report the page downloads is saved only where the user chose outside every opened folder (the session's will-download)", () => {
    const window = windowFor(folders.a);
    const item = (): FakeDownloadItem => new FakeDownloadItem('blob:app://inspector/0f0e0d0c-0b0a-4909-8807-060504030201', 'report.md');
    const inside = item();
    electron.dialog.saveDialogAnswers.push(join(folders.a, 'report.md'));
    electron.dialog.messageBoxSyncAnswers.push(1);
    electron.session.defaultSession.emit('will-download', {}, inside, window.webContents, window.webContents.mainFrame);
    assert.deepEqual([inside.cancelled, inside.savePath], [true, null]);
    assert.match(String(electron.dialog.messageBoxesSync.at(-1)?.options.message), /cannot be saved inside a folder that is being inspected/);
    const outside = item();
    electron.dialog.saveDialogAnswers.push(join(downloads, 'report.md'));
    electron.session.defaultSession.emit('will-download', {}, outside, window.webContents, window.webContents.mainFrame);
    assert.deepEqual([outside.cancelled, outside.savePath], [false, join(downloads, 'report.md')]);
    assert.equal(electron.dialog.saveDialogs.at(-1)?.options.defaultPath, join(downloads, 'report.md'));
  });

  it('a page that died or hangs is reported and reloaded on request, in the same window on the same index (nothing re-indexed)', async () => {
    const window = windowFor(folders.a);
    const index = indexPathFor(folders.a, dataDir);
    const before = { inode: statSync(index).ino, loads: window.loadCount, windows: FakeBrowserWindow.getAllWindows().length, boxes: electron.dialog.messageBoxes.length };
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    electron.dialog.messageBoxAnswers.push(0);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await until('the page is reloaded', () => window.loadCount === before.loads + 1);
    assert.equal(electron.dialog.messageBoxes.length, before.boxes + 1, 'a clean exit asks nothing');
    assert.match(String(electron.dialog.messageBoxes.at(-1)?.message), new RegExp(`${basename(folders.a)} stopped \\(crashed, exit code 139\\)`));
    assert.equal(window.loadedUrl, INDEX_URL);

    electron.dialog.messageBoxAnswers.push(0, 1);
    window.emit('unresponsive');
    await until('the question is answered', () => electron.dialog.messageBoxes.length === before.boxes + 2);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(window.loadCount, before.loads + 1, 'Wait reloads nothing');
    window.emit('unresponsive');
    await until('the hung page is reloaded', () => window.loadCount === before.loads + 2);
    assert.match(String(electron.dialog.messageBoxes.at(-1)?.message), /is not responding/);

    const result = apiResultSchema(API.summary.response).parse(await electron.ipcMain.invoke('inspector:summary', topFrameEvent(window), {}));
    assert.equal(result.ok && result.value.folder, folders.a);
    assert.equal(statSync(index).ino, before.inode, 'the same index file');
    assert.equal(FakeBrowserWindow.getAllWindows().length, before.windows);
  });

  it('puts the strict policy on session responses (replacing any other) and on app:// responses', async () => {
    let headers: Record<string, string[]> | undefined;
    electron.session.defaultSession.headersReceived?.({ responseHeaders: { 'content-security-policy': ["default-src *"], 'X-Other': ['1'] } }, (response) => (headers = response.responseHeaders));
    assert.deepEqual(headers, { 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    const handler = electron.protocol.handlers.get('app');
    assert.ok(handler);
    const index = await handler(new Request(INDEX_URL));
    assert.equal(index.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    // The renderer is built by its own step; without it the page is a 404, never something else.
    assert.equal(index.status, existsSync(join(repoRoot, 'dist', 'renderer', 'index.html')) ? 200 : 404);
  });

  it('the app:// handler refuses paths that leave the renderer folder and other hosts', async () => {
    const handler = electron.protocol.handlers.get('app');
    assert.ok(handler);
    for (const url of ['app://inspector/..%2f..%2fpackage.json', 'app://inspector/%2e%2e%2f%2e%2e%2fpackage.json', 'app://inspector/..%5c..%5cpackage.json', 'app://inspector/x/..%2f..%2f..%2fpackage.json', 'app://other/index.html']) {
      const response = await handler(new Request(url));
      assert.equal(response.status, 403, url);
      assert.doesNotMatch(await response.text(), /execution-inspector/);
    }
  });

  it('opens a folder dropped on a window in a window of its own; a dropped file opens nothing', async () => {
    const window = windowFor(folders.a);
    const fileDrop = window.webContents.navigate('will-navigate', pathToFileURL(join(folders.a, readdirSync(folders.a).find((name) => name.includes('.')) ?? 'x')).href);
    assert.equal(fileDrop.prevented, true);
    const drop = window.webContents.navigate('will-navigate', pathToFileURL(folders.b).href);
    assert.equal(drop.prevented, true);
    await until('the dropped folder has a window', () => FakeBrowserWindow.getAllWindows().length === 2);
    const result = apiResultSchema(API.summary.response).parse(await electron.ipcMain.invoke('inspector:summary', topFrameEvent(windowFor(folders.b)), {}));
    assert.equal(result.ok && result.value.folder, folders.b);
  });

  it('a second launch with an open folder focuses its window; with a new folder (relative to its directory) opens one more', async () => {
    const windowB = windowFor(folders.b);
    const focusedBefore = windowB.focusCount;
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app', '.', '--original-process-start-time=1', folders.b], '/');
    await until('the open window is focused', () => windowB.focusCount > focusedBefore);
    assert.equal(FakeBrowserWindow.getAllWindows().length, 2);
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app', '.', basename(folders.c)], dirname(folders.c));
    await until('the new folder has a window', () => FakeBrowserWindow.getAllWindows().length === 3);
    windowFor(folders.c);
    const windowA = windowFor(folders.a);
    const focusedA = windowA.focusCount;
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app'], '/');
    await until('a launch without a folder focuses the first window', () => windowA.focusCount > focusedA);
    electron.app.emit('activate', {}, true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(FakeBrowserWindow.getAllWindows().length, 3, 'activate with windows open opens nothing');
  });

  it('File menu: Open Folder… (native dialog, Cmd/Ctrl+O), Open Recent with Clear, Reveal Index Location, Close Window (Cmd/Ctrl+W); Edit/View/Window roles; Help ▸ About', async () => {
    const openFolder = menuItem(['&File', 'Open Folder…']);
    assert.equal(openFolder.accelerator, 'CmdOrCtrl+O');
    assert.equal(menuItem(['&File', 'Close Window']).accelerator, 'CmdOrCtrl+W');
    for (const role of ['editMenu', 'viewMenu', 'windowMenu']) menuItem([role]);
    const recentLabels = (menuItem(['&File', 'Open Recent']).submenu ?? []).map((item) => item.label);
    for (const folder of [folders.a, folders.b, folders.c]) assert.ok(recentLabels.some((label) => label?.endsWith(folder)), folder);
    assert.ok(recentLabels.includes('Clear Recent'));

    electron.dialog.openDialogAnswers.push({ canceled: false, filePaths: [folders.d] });
    openFolder.click?.();
    await until('the chosen folder has a window', () => FakeBrowserWindow.getAllWindows().length === 4);
    assert.deepEqual((electron.dialog.openDialogs.at(-1) as { properties: string[] }).properties, ['openDirectory', 'dontAddToRecent']);

    windowFor(folders.a).focus();
    electron.dialog.messageBoxAnswers.push(0);
    menuItem(['&File', 'Reveal Index Location…']).click?.();
    const indexPath = indexPathFor(folders.a, dataDir);
    await until('the path is copied', () => electron.clipboard.written.length === 1);
    assert.deepEqual(electron.clipboard.written, [indexPath]);
    assert.match(String(electron.dialog.messageBoxes.at(-1)?.detail), new RegExp(indexPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.ok(existsSync(indexPath), 'the index lives in the data folder');

    menuItem(['help', 'About Execution Inspector']).click?.();
    await until('About shows', () => String(electron.dialog.messageBoxes.at(-1)?.message).includes('0.1.0-test'));

    const stored = JSON.parse(readFileSync(join(dataDir, 'recent-folders.json'), 'utf8')) as { folders: string[] };
    assert.deepEqual(stored.folders, [folders.d, folders.c, folders.b, folders.a]);
    menuItem(['&File', 'Open Recent', 'Clear Recent']).click?.();
    assert.deepEqual((menuItem(['&File', 'Open Recent']).submenu ?? []).map((item) => item.label), ['Clear Recent']);
  });

  it('closing a window remembers its geometry, stops its folder and ends its IPC access', async () => {
    const window = windowFor(folders.d);
    const event = topFrameEvent(window);
    window.close();
    const state = JSON.parse(readFileSync(join(dataDir, 'window-state.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(state).sort(), ['height', 'maximized', 'width', 'x', 'y']);
    const result = apiResultSchema(API.summary.response).parse(await electron.ipcMain.invoke('inspector:summary', event, {}));
    assert.equal(!result.ok && result.error.code, 'unauthorized');
    // Opening it again makes a new window rather than focusing the closed one.
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app', '.', folders.d], '/');
    await until('the folder has a window again', () => FakeBrowserWindow.getAllWindows().length === 4);
  });

  it("a page opens folders through the contract, never by path: chooseFolder shows the picker over its window; recent folders by opaque id", async () => {
    const windowA = windowFor(folders.a);
    const call = async <M extends ApiMethod>(method: M, request: unknown, window = windowA): Promise<ApiResult<ApiResponse<M>>> =>
      apiResultSchema(API[method].response).parse(await electron.ipcMain.invoke(`inspector:${method}`, topFrameEvent(window), request)) as ApiResult<ApiResponse<M>>;
    const windowsBefore = FakeBrowserWindow.getAllWindows().length;

    // The picker is the main process's: the page asks, the user chooses, the chosen folder gets its window.
    electron.dialog.openDialogAnswers.push({ canceled: false, filePaths: [folders.e] });
    assert.deepEqual(await call('chooseFolder', {}), { ok: true, value: { opened: true } });
    assert.equal(electron.dialog.openDialogParents.at(-1), windowA, 'the picker is shown over the asking window');
    assert.deepEqual((electron.dialog.openDialogs.at(-1) as { properties: string[] }).properties, ['openDirectory', 'dontAddToRecent']);
    assert.equal(FakeBrowserWindow.getAllWindows().length, windowsBefore + 1);
    const windowE = windowFor(folders.e);
    const summaryE = await call('summary', {}, windowE);
    assert.equal(summaryE.ok && summaryE.value.folder, folders.e);
    // Cancelled picker: nothing opens. A chosen file is not a folder: the failure is shown, nothing opens.
    assert.deepEqual(await call('chooseFolder', {}), { ok: true, value: { opened: false } });
    const errorsBefore = electron.dialog.errorBoxes.length;
    electron.dialog.openDialogAnswers.push({ canceled: false, filePaths: [join(folders.a, readdirSync(folders.a).find((name) => name.includes('.')) ?? 'x')] });
    assert.deepEqual(await call('chooseFolder', {}), { ok: true, value: { opened: false } });
    assert.equal(electron.dialog.errorBoxes.length, errorsBefore + 1);
    assert.equal(FakeBrowserWindow.getAllWindows().length, windowsBefore + 1);

    // The list comes from the app's own store; ids are derived from the stored paths, not from anything the page sent.
    const stored = (JSON.parse(readFileSync(join(dataDir, 'recent-folders.json'), 'utf8')) as { folders: string[] }).folders;
    assert.equal(stored[0], folders.e);
    const listed = await call('listRecentFolders', {});
    assert.ok(listed.ok);
    const sha = (path: string): string => createHash('sha256').update(path).digest('hex').slice(0, 16);
    assert.deepEqual(listed.value.items, stored.map((path) => ({ id: sha(path), name: basename(path), path })));
    assert.deepEqual(await call('listRecentFolders', {}, windowE), listed, 'every window lists the same folders');
    assert.equal((await call('listRecentFolders', { folders: ['/etc'] })).ok, false, 'the request carries nothing');

    // Reopening by id: a closed folder gets its window again; an open one is focused; an unknown id is not_found.
    windowE.close();
    const idOfE = listed.value.items.find((item) => item.path === folders.e)?.id ?? '';
    assert.deepEqual(await call('openRecentFolder', { id: idOfE }), { ok: true, value: { opened: true } });
    const reopened = windowFor(folders.e);
    assert.notEqual(reopened, windowE);
    const focused = reopened.focusCount;
    assert.deepEqual(await call('openRecentFolder', { id: idOfE }), { ok: true, value: { opened: true } });
    assert.equal(reopened.focusCount, focused + 1);
    assert.equal(FakeBrowserWindow.getAllWindows().length, windowsBefore + 1);
    const unknown = await call('openRecentFolder', { id: sha('/not/a/recent/folder') });
    assert.equal(!unknown.ok && unknown.error.code, 'not_found');
    const byPath = await call('openRecentFolder', { id: folders.b });
    assert.equal(!byPath.ok && byPath.error.code, 'invalid_request', 'a path is not an id');
  });

  it("cancelIndexing and rescan reach the window's own folder: nothing to cancel once indexed, a rescan starts and ends watching", async () => {
    const window = windowFor(folders.a);
    const call = async (method: 'cancelIndexing' | 'rescan' | 'summary'): Promise<unknown> => {
      const result = apiResultSchema(API[method].response).parse(await electron.ipcMain.invoke(`inspector:${method}`, topFrameEvent(window), {}));
      assert.ok(result.ok, JSON.stringify(result));
      return result.value;
    };
    const watching = async (what: string): Promise<void> => {
      const deadline = Date.now() + 15_000;
      while (((await call('summary')) as ApiResponse<'summary'>).progress.phase !== 'watching') {
        assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    await watching('folder a is indexed');
    assert.deepEqual(await call('cancelIndexing'), { cancelled: false });
    assert.deepEqual(await call('rescan'), { started: true });
    await watching('the rescan ends');
  });

  it('the app never runs anything: no shell, child_process, eval or Function in electron/app', () => {
    const sourceDir = join(repoRoot, 'electron', 'app');
    for (const name of readdirSync(sourceDir).filter((file) => file.endsWith('.ts'))) {
      const source = readFileSync(join(sourceDir, name), 'utf8');
      assert.doesNotMatch(source, /\bshell\b\s*[,}.]|child_process|\beval\s*\(|new Function\s*\(/, name);
    }
  });
});
