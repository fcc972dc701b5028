import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { IndexChange } from '../../../shared/api/contract';
import type { InspectorService } from '../../../electron/api/inspector-service';
import { FolderWindows, type FolderSession } from '../../../electron/app/folder-windows';
import { tempFolder } from '../../support/temp-folder';
import { FakeBrowserWindow } from './electron-stand-in';

class FakeFolderSession implements FolderSession {
  readonly service = { call: async () => ({ ok: true, value: this.folder }) } as unknown as InspectorService;
  readonly listeners = new Set<(change: IndexChange) => void>();
  closed = false;
  constructor(readonly folder: string) {}
  onChange(listener: (change: IndexChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

function harness(options: { failOpen?: boolean } = {}) {
  const sessions: FakeFolderSession[] = [];
  const windows: FakeBrowserWindow[] = [];
  const opened: string[] = [];
  const registry = new FolderWindows({
    openSession: async (folder) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.failOpen) throw new Error('index is locked');
      const session = new FakeFolderSession(folder);
      sessions.push(session);
      return session;
    },
    createWindow: (folder) => {
      const window = new FakeBrowserWindow({ title: folder });
      windows.push(window);
      return window as never;
    },
    onOpened: (folder) => opened.push(folder),
  });
  return { registry, sessions, windows, opened };
}

describe('one window per folder', () => {
  it('opening a folder that is open or still opening (also through a symbolic link) focuses its one window', async () => {
    const base = tempFolder('folder-windows');
    const folder = join(base, 'evidence');
    mkdirSync(folder);
    symlinkSync(folder, join(base, 'link'));
    const { registry, sessions, windows, opened } = harness();
    const [first, second] = await Promise.all([registry.open(folder), registry.open(join(base, 'link'))]);
    assert.equal(first, second);
    await registry.open(folder);
    assert.equal(sessions.length, 1);
    assert.equal(windows.length, 1);
    assert.ok((windows[0]?.focusCount ?? 0) >= 2);
    assert.deepEqual(opened, [folder]);
    assert.equal(registry.serviceFor(windows[0]?.webContents.id ?? -1), sessions[0]?.service);
    assert.equal(registry.folderOf(windows[0] as never)?.folder, folder);
    assert.equal(registry.folderOfContents(windows[0]?.webContents.id ?? -1)?.window, windows[0]);
    assert.equal(registry.folderOfContents(-1), null);
  });

  it('relays change notices to the window, and closing the window stops its session and its IPC access', async () => {
    const folder = tempFolder('folder-windows-close');
    const { registry, sessions, windows } = harness();
    await registry.open(folder);
    const [session, window] = [sessions[0], windows[0]];
    assert.ok(session && window);
    const change: IndexChange = { events: 5, problems: 0, phase: 'watching', at: 1, data: true };
    for (const listener of session.listeners) listener(change);
    assert.deepEqual(window.webContents.sent, [{ channel: 'inspector:changed', args: [change] }]);
    window.close();
    await registry.settled();
    assert.equal(session.closed, true);
    assert.equal(session.listeners.size, 0);
    assert.equal(registry.serviceFor(window.webContents.id), null);
    await registry.open(folder);
    assert.equal(windows.length, 2, 'a closed folder opens in a new window');
  });

  it('refuses a path that is not a folder, and a failed open leaves nothing behind', async () => {
    const base = tempFolder('folder-windows-refuse');
    writeFileSync(join(base, 'file.jsonl'), '');
    const { registry, windows } = harness();
    await assert.rejects(registry.open(join(base, 'file.jsonl')), /not a folder/);
    await assert.rejects(registry.open(join(base, 'missing')));
    const failing = harness({ failOpen: true });
    await assert.rejects(failing.registry.open(base), /index is locked/);
    assert.equal(windows.length + failing.windows.length, 0);
    assert.deepEqual(failing.registry.list(), []);
  });
});
