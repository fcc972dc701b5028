// A stand-in for the `electron` module, for tests that load the compiled app
// modules under plain Node (the Electron binary cannot be downloaded here). It
// records what the app registers — window options, IPC handlers, menus, protocol
// handlers, session handlers, app events, bridge exposures — and lets a test
// play Electron's part: fire events, invoke channels, answer dialogs.
import { EventEmitter } from 'node:events';

/** A frame: its URL and its parent (null for a top-level frame). */
export class FakeFrame {
  constructor(
    readonly url: string,
    readonly parent: FakeFrame | null = null,
  ) {}
}

/** What a navigation listener receives, with a record of preventDefault. */
export interface FakeNavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  readonly isSameDocument: boolean;
  readonly frame: FakeFrame;
  prevented: boolean;
  preventDefault(): void;
}

let nextWebContentsId = 1;

/** Web contents: records what is sent to it and the window-open handler; navigations are fired by the test. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: ((details: unknown) => unknown) | null = null;
  mainFrame: FakeFrame;
  destroyed = false;

  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  devToolsClosed = 0;
  closeDevTools(): void {
    this.devToolsClosed++;
  }

  /** Fires will-navigate / will-redirect as Electron 45 does; returns the event to read `prevented`. */
  navigate(name: 'will-navigate' | 'will-redirect', url: string, isMainFrame = true): FakeNavigationEvent {
    const event: FakeNavigationEvent = {
      url,
      isMainFrame,
      isSameDocument: false,
      frame: this.mainFrame,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.emit(name, event, url);
    return event;
  }

  /** Fires will-attach-webview; returns whether it was prevented. */
  attachWebview(): boolean {
    let prevented = false;
    this.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, { src: 'https://example.com' });
    return prevented;
  }
}

/** An IPC invoke event as the main process sees it. */
export function invokeEvent(sender: FakeWebContents, senderFrame: FakeFrame | null): unknown {
  return { sender, senderFrame, frameId: 1, processId: 1, type: 'frame' };
}

/** The app: paths, lifecycle, single-instance lock; `becomeReady` plays Electron's `ready`. */
export class FakeApp extends EventEmitter {
  isPackaged = false;
  appPath = process.cwd();
  version = '0.1.0-test';
  singleInstanceLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  ready = false;
  readonly paths = new Map<string, string>();
  resolveReady: () => void = () => undefined;
  readonly readyPromise = new Promise<void>((resolve) => (this.resolveReady = resolve));

  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  isReady(): boolean {
    return this.ready;
  }
  /** The test says Electron is ready. */
  becomeReady(): void {
    this.ready = true;
    this.resolveReady();
    this.emit('ready');
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`stand-in: no path ${name}`);
    return path;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getAppPath(): string {
    return this.appPath;
  }
  getVersion(): string {
    return this.version;
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceLock;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  quit(): void {
    this.quitCalls++;
  }
}

/** A window: records its options, the URL it loads and how often it was focused. */
export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | null = null;
  /** The app that announces new web contents (set by createElectronStandIn). */
  static app: FakeApp | null = null;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((window) => !window.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused;
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  focusCount = 0;
  destroyed = false;
  maximized = false;
  minimized = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    // Electron announces every new web contents on the app, before anything loads.
    FakeBrowserWindow.app?.emit('web-contents-created', {}, this.webContents);
  }
  loadCount = 0;
  loadURL(url: string): Promise<void> {
    this.loadCount++;
    this.loadedUrl = url;
    this.webContents.mainFrame = new FakeFrame(url);
    return Promise.resolve();
  }
  focus(): void {
    this.focusCount++;
    FakeBrowserWindow.focused = this;
  }
  show(): void {}
  restore(): void {
    this.minimized = false;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 40, y: 50, width: Number(this.options.width ?? 800), height: Number(this.options.height ?? 600) };
  }
  close(): void {
    if (this.destroyed) return;
    this.emit('close', { preventDefault: () => undefined });
    this.destroyed = true;
    this.webContents.destroyed = true;
    if (FakeBrowserWindow.focused === this) FakeBrowserWindow.focused = null;
    this.emit('closed');
  }
}

/** A main-process IPC handler as registered. */
export type FakeHandler = (event: unknown, ...args: unknown[]) => unknown;

/** ipcMain: records handlers (refusing a second one per channel, like Electron) and listeners. */
export class FakeIpcMain {
  readonly handlers = new Map<string, FakeHandler>();
  readonly listeners = new Map<string, unknown[]>();
  handle(channel: string, handler: FakeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  on(channel: string, listener: unknown): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  /** The test invokes a channel as a renderer would. */
  async invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler(event, ...args);
  }
}

/** protocol: records privileged schemes (and whether before ready) and handlers. */
export class FakeProtocol {
  readonly privileged: unknown[] = [];
  readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  registeredBeforeReady = false;
  constructor(private readonly app: FakeApp) {}
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.registeredBeforeReady = !this.app.isReady();
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    this.handlers.set(scheme, handler);
  }
}

/** A headers-received listener as registered on session.webRequest. */
export type FakeHeadersListener = (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders?: Record<string, string[]> }) => void) => void;

/** The default session: records permission handlers and the headers-received listener; `will-download` is fired by the test. */
export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  headersReceived: FakeHeadersListener | null = null;
  readonly webRequest = {
    onHeadersReceived: (listener: FakeHeadersListener): void => {
      this.headersReceived = listener;
    },
  };
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

/** A menu item template as the app builds it. */
export interface FakeMenuItem {
  readonly label?: string;
  readonly role?: string;
  readonly type?: string;
  readonly accelerator?: string;
  readonly enabled?: boolean;
  readonly submenu?: FakeMenuItem[];
  readonly click?: () => void;
}

/** Menu: keeps the template of the application menu. */
export class FakeMenu {
  applicationMenu: { template: FakeMenuItem[] } | null = null;
  readonly buildFromTemplate = (template: FakeMenuItem[]): { template: FakeMenuItem[] } => ({ template });
  readonly setApplicationMenu = (menu: { template: FakeMenuItem[] }): void => {
    this.applicationMenu = menu;
  };
}

/** A download as `will-download` hands it over: records the save path set and whether it was cancelled. */
export class FakeDownloadItem {
  savePath: string | null = null;
  cancelled = false;
  constructor(
    readonly url: string,
    readonly filename: string,
  ) {}
  getURL(): string {
    return this.url;
  }
  getFilename(): string {
    return this.filename;
  }
  setSavePath(path: string): void {
    this.savePath = path;
  }
  cancel(): void {
    this.cancelled = true;
  }
}

/** dialog: answers from queues the test fills, records what was shown. */
export class FakeDialog {
  readonly openDialogAnswers: { canceled: boolean; filePaths: string[] }[] = [];
  /** Paths the synchronous save dialog answers, in order; '' is a cancelled dialog. */
  readonly saveDialogAnswers: string[] = [];
  readonly saveDialogs: { parent: unknown; options: Record<string, unknown> }[] = [];
  /** Buttons the synchronous message box answers, in order. */
  readonly messageBoxSyncAnswers: number[] = [];
  readonly messageBoxesSync: { parent: unknown; options: Record<string, unknown> }[] = [];
  showSaveDialogSync(...args: unknown[]): string {
    this.saveDialogs.push({ parent: args.length > 1 ? args[0] : null, options: args.at(-1) as Record<string, unknown> });
    return this.saveDialogAnswers.shift() ?? '';
  }
  showMessageBoxSync(...args: unknown[]): number {
    this.messageBoxesSync.push({ parent: args.length > 1 ? args[0] : null, options: args.at(-1) as Record<string, unknown> });
    return this.messageBoxSyncAnswers.shift() ?? 0;
  }
  readonly messageBoxAnswers: number[] = [];
  readonly openDialogs: unknown[] = [];
  /** The parent window of each open dialog (null when shown without one). */
  readonly openDialogParents: unknown[] = [];
  readonly messageBoxes: Record<string, unknown>[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.openDialogs.push(args.at(-1));
    this.openDialogParents.push(args.length > 1 ? args[0] : null);
    return this.openDialogAnswers.shift() ?? { canceled: true, filePaths: [] };
  }
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    this.messageBoxes.push(args.at(-1) as Record<string, unknown>);
    return { response: this.messageBoxAnswers.shift() ?? 0, checkboxChecked: false };
  }
  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}

/** ipcRenderer: records invocations and answers them with `answer`. */
export class FakeIpcRenderer extends EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  answer: unknown = { ok: true, value: 'answered' };
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    return Promise.resolve(this.answer);
  }
}

/** contextBridge: records what is exposed under which key. */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api);
  }
}

/** The whole stand-in module; `install-electron-stand-in.ts` makes `require('electron')` return one. */
export interface ElectronStandIn {
  readonly app: FakeApp;
  readonly BrowserWindow: typeof FakeBrowserWindow;
  readonly ipcMain: FakeIpcMain;
  readonly protocol: FakeProtocol;
  readonly session: { readonly defaultSession: FakeSession };
  readonly Menu: FakeMenu;
  readonly dialog: FakeDialog;
  readonly clipboard: { readonly written: string[]; writeText(text: string): void };
  readonly screen: { getAllDisplays(): { workArea: { x: number; y: number; width: number; height: number } }[] };
  readonly contextBridge: FakeContextBridge;
  readonly ipcRenderer: FakeIpcRenderer;
}

/** Builds the stand-in module object. */
export function createElectronStandIn(): ElectronStandIn {
  const app = new FakeApp();
  FakeBrowserWindow.app = app;
  const written: string[] = [];
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    protocol: new FakeProtocol(app),
    session: { defaultSession: new FakeSession() },
    Menu: new FakeMenu(),
    dialog: new FakeDialog(),
    clipboard: { written, writeText: (text: string) => void written.push(text) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    contextBridge: new FakeContextBridge(),
    ipcRenderer: new FakeIpcRenderer(),
  };
}

/** The item at `path` (labels or roles, outermost first) of the application menu the app set; throws when there is none. */
export function menuItemAt(menu: FakeMenu, path: readonly string[]): FakeMenuItem {
  let items = menu.applicationMenu?.template ?? [];
  let found: FakeMenuItem | undefined;
  for (const label of path) {
    found = items.find((item) => item.label === label || item.role === label);
    if (!found) throw new Error(`no menu item ${path.join(' ▸ ')}`);
    items = found.submenu ?? [];
  }
  if (!found) throw new Error('an empty menu path');
  return found;
}

/** Waits until the app did something asynchronous (an ingest worker, a dialog answer); throws after `timeoutMs`. */
export async function until(what: string, predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
