// A second launch: main.ts loaded while another instance holds the single-instance lock.
import { electron } from './install-electron-stand-in';
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DATA_DIR_ENV } from '../../../electron/index/index-location';
import { tempFolder } from '../../support/temp-folder';
import { FakeBrowserWindow } from './electron-stand-in';

describe('app main process without the single-instance lock', () => {
  it('quits at once, leaving the folder to the first instance (which gets our argv as second-instance), and registers nothing', async () => {
    process.env[DATA_DIR_ENV] = tempFolder('app-second');
    electron.app.singleInstanceLock = false;
    process.argv = [process.execPath, '.', tempFolder('app-second-folder')];
    await import('../../../electron/app/main.js');
    assert.equal(electron.app.quitCalls, 1);
    electron.app.becomeReady();
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(FakeBrowserWindow.all.length, 0);
    assert.equal(electron.ipcMain.handlers.size, 0);
    assert.deepEqual(electron.app.eventNames(), []);
  });
});
