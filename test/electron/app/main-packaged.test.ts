// An installed app (app.isPackaged) launched by macOS with a folder dropped on its
// Dock icon: `open-file` arrives before `ready`, and DevTools are out of reach.
import { electron } from './install-electron-stand-in';
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, realpathSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DATA_DIR_ENV } from '../../../electron/index/index-location';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { tempFolder } from '../../support/temp-folder';
import { FakeBrowserWindow, FakeWebContents, until, type FakeMenuItem } from './electron-stand-in';

after(async () => {
  for (const window of FakeBrowserWindow.getAllWindows()) window.close();
  electron.app.emit('will-quit', { preventDefault: () => undefined });
  const quits = electron.app.quitCalls;
  const deadline = Date.now() + 15_000;
  while (electron.app.quitCalls === quits && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
});

const repoRoot = join(__dirname, '..', '..', '..', '..');
const resources = tempFolder('packaged-resources');
const dropped = fixture('dropped', 21);
const later = fixture('later', 22);

function fixture(name: string, seed: number): string {
  const dir = realpathSync(tempFolder(`packaged-${name}`));
  writeFixtureFolder(dir, { seed });
  return dir;
}


const titles = (): string[] => FakeBrowserWindow.getAllWindows().map((window) => String(window.options.title));

before(async () => {
  process.env[DATA_DIR_ENV] = tempFolder('packaged-data');
  // An installed app loads the Electron build from resources/native; under Node the Node build stands in.
  mkdirSync(join(resources, 'native'), { recursive: true });
  copyFileSync(join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(resources, 'native', 'better_sqlite3.node'));
  (process as { resourcesPath?: string }).resourcesPath = resources;
  electron.app.isPackaged = true;
  process.argv = [process.execPath];
  await import('../../../electron/app/main.js');
});

describe('installed app (app.isPackaged) with a stand-in electron module', () => {
  it('a folder macOS hands over with open-file before ready is opened once ready, instead of the demo folder', async () => {
    let handled = false;
    electron.app.emit('open-file', { preventDefault: () => (handled = true) }, dropped);
    assert.equal(handled, true, 'open-file is taken (preventDefault)');
    assert.equal(FakeBrowserWindow.all.length, 0, 'nothing opens before ready');
    electron.app.becomeReady();
    await until('the dropped folder has a window', () => FakeBrowserWindow.getAllWindows().length === 1);
    assert.deepEqual(titles(), [`${basename(dropped)} — Execution Inspector`]);
  });

  it('open-file after ready opens the folder at once', async () => {
    electron.app.emit('open-file', { preventDefault: () => undefined }, later);
    await until('the second folder has a window', () => FakeBrowserWindow.getAllWindows().length === 2);
    assert.ok(titles().includes(`${basename(later)} — Execution Inspector`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(FakeBrowserWindow.getAllWindows().length, 2, 'and no demo window');
  });

  it('DevTools are out of reach: off in the web preferences, not in the menu, closed when opened anyway', () => {
    for (const window of FakeBrowserWindow.getAllWindows()) assert.equal((window.options.webPreferences as { devTools?: boolean }).devTools, false);
    const menu = JSON.stringify(electron.Menu.applicationMenu?.template satisfies FakeMenuItem[] | undefined).toLowerCase();
    assert.ok(menu.includes('zoomin'), 'the View menu is there');
    assert.doesNotMatch(menu, /devtools|viewmenu/);
    const stray = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, stray);
    stray.emit('devtools-opened');
    assert.equal(stray.devToolsClosed, 1);
  });
});
