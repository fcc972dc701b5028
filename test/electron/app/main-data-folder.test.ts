// Opening a folder that holds the app's data folder (like `~`, which holds
// ~/.config/Execution Inspector): the app asks for another data folder and writes
// nothing into the opened folder. Loaded from dist/ with a stand-in `electron` module.
import { electron } from './install-electron-stand-in';
import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { electronSqliteBindingPath } from '../../../electron/app/native-binding';
import { DATA_DIR_ENV, indexPathFor } from '../../../electron/index/index-location';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { tempFolder } from '../../support/temp-folder';
import { FakeBrowserWindow, menuItemAt, until, type FakeMenuItem } from './electron-stand-in';

after(async () => {
  for (const window of FakeBrowserWindow.getAllWindows()) window.close();
  electron.app.emit('will-quit', { preventDefault: () => undefined });
  await until('the app quits', () => electron.app.quitCalls > 0);
});

const repoRoot = join(__dirname, '..', '..', '..', '..');
const home = realpathSync(tempFolder('data-home'));
const defaultDataDir = join(home, '.config', 'Execution Inspector');
const outside = realpathSync(tempFolder('data-outside'));
const alternative = join(outside, 'inspector-data');
const otherCase = realpathSync(tempFolder('data-other-case'));
const appPath = tempFolder('data-app-path');


/** Every file and folder under `dir` with its size and modification time: what "nothing written" compares. */
function snapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      const stats = statSync(path);
      entries[relative(dir, path)] = `${entry.isDirectory() ? 'dir' : stats.size}:${stats.mtimeMs}`;
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return entries;
}

const menuItem = (path: readonly string[]): FakeMenuItem => menuItemAt(electron.Menu, path);

let homeBefore: Record<string, string> = {};

before(async () => {
  writeFixtureFolder(home, { seed: 31 });
  writeFixtureFolder(otherCase, { seed: 32 });
  mkdirSync(outside, { recursive: true });
  homeBefore = snapshot(home);
  // The data folder is where the CLI's would be for this "home": inside it, and not created yet.
  process.env[DATA_DIR_ENV] = defaultDataDir;
  const binding = electronSqliteBindingPath({ isPackaged: false, appPath, resourcesPath: '' });
  mkdirSync(dirname(binding), { recursive: true });
  copyFileSync(join(repoRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), binding);
  electron.app.appPath = appPath;
  process.argv = [process.execPath, '.', home];
  // Choose another data folder; first (by mistake) one inside the home folder, then one outside.
  electron.dialog.messageBoxAnswers.push(0, 0);
  electron.dialog.openDialogAnswers.push({ canceled: false, filePaths: [join(home, 'my-data')] }, { canceled: false, filePaths: [alternative] });
  await import('../../../electron/app/main.js');
  electron.app.becomeReady();
  await until('the home folder has a window', () => FakeBrowserWindow.getAllWindows().length === 1);
});

describe('app main process: a data folder inside the opened folder', () => {
  it('explains the conflict and asks for another data folder until the one chosen is outside the folder', () => {
    assert.equal(electron.dialog.messageBoxes.length, 2);
    for (const box of electron.dialog.messageBoxes) {
      assert.equal(box.title, 'Data folder inside the evidence');
      assert.match(String(box.detail), /is inside/);
    }
    assert.ok(String(electron.dialog.messageBoxes[0]?.detail).includes(defaultDataDir));
    assert.ok(String(electron.dialog.messageBoxes[1]?.detail).includes(join(home, 'my-data')));
    assert.equal(electron.dialog.openDialogs.length, 2);
    assert.equal(electron.dialog.errorBoxes.length, 0);
  });

  it('indexes the folder into the chosen data folder and writes nothing into the opened folder (no index, recent list or window state)', async () => {
    const index = indexPathFor(home, alternative);
    await until('the index exists in the chosen data folder', () => existsSync(index));
    const window = FakeBrowserWindow.getAllWindows()[0];
    window?.close();
    assert.deepEqual(snapshot(home), homeBefore);
    assert.equal(existsSync(defaultDataDir), false);
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app', '.', home], '/');
    await until('the home folder has a window again', () => FakeBrowserWindow.getAllWindows().length === 1);
    assert.equal(electron.dialog.messageBoxes.length, 2, 'the choice is kept for the run: no question the second time');
  });

  it('Reveal Index Location shows the index in the chosen data folder', async () => {
    const window = FakeBrowserWindow.getAllWindows()[0];
    window?.focus();
    electron.dialog.messageBoxAnswers.push(1);
    menuItem(['&File', 'Reveal Index Location…']).click?.();
    await until('the location is shown', () => electron.dialog.messageBoxes.length === 3);
    assert.ok(String(electron.dialog.messageBoxes.at(-1)?.detail).startsWith(indexPathFor(home, alternative)));
  });

  it('while the home folder is open, another folder cannot use the default data folder inside it: the user is asked, and may cancel', async () => {
    electron.dialog.messageBoxAnswers.push(1);
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app', '.', otherCase], '/');
    await until('the question is asked', () => electron.dialog.messageBoxes.length === 4);
    assert.match(String(electron.dialog.messageBoxes.at(-1)?.message), /inside a folder open in another window/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(FakeBrowserWindow.getAllWindows().length, 1, 'cancelled: not opened');
    assert.equal(electron.dialog.errorBoxes.length, 0, 'a declined open is no failure');
    assert.deepEqual(snapshot(home), homeBefore);
  });

  it('once the home folder is closed, the other folder opens with the default data folder, which remembers it again', async () => {
    FakeBrowserWindow.getAllWindows()[0]?.close();
    electron.app.emit('second-instance', {}, ['/opt/execution-inspector-app', '.', otherCase], '/');
    await until('the other folder has a window', () => FakeBrowserWindow.getAllWindows().length === 1);
    assert.equal(electron.dialog.messageBoxes.length, 4, 'no question');
    await until('its index is in the default data folder', () => existsSync(indexPathFor(otherCase, defaultDataDir)));
    assert.ok(existsSync(join(defaultDataDir, 'recent-folders.json')));
  });
});
