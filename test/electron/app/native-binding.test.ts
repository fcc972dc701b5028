import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { electronSqliteBinding, electronSqliteBindingPath } from '../../../electron/app/native-binding';
import { tempFolder } from '../../support/temp-folder';

describe('better-sqlite3 binding for Electron', () => {
  it('lives beside the Node build in the repository, and outside app.asar when packaged', () => {
    assert.equal(electronSqliteBindingPath({ isPackaged: false, appPath: '/repo', resourcesPath: '/unused' }), join('/repo', 'build', 'native', 'electron', 'better_sqlite3.node'));
    assert.equal(electronSqliteBindingPath({ isPackaged: true, appPath: '/opt/app/resources/app.asar', resourcesPath: '/opt/app/resources' }), join('/opt/app/resources', 'native', 'better_sqlite3.node'));
  });

  it('is refused until `npm run rebuild:electron` built it, then named for the app to load', () => {
    const appPath = tempFolder('native-binding');
    assert.throws(() => electronSqliteBinding({ isPackaged: false, appPath, resourcesPath: '' }), /npm run rebuild:electron/);
    mkdirSync(join(appPath, 'build', 'native', 'electron'), { recursive: true });
    writeFileSync(join(appPath, 'build', 'native', 'electron', 'better_sqlite3.node'), '');
    assert.equal(electronSqliteBinding({ isPackaged: false, appPath, resourcesPath: '' }), join(appPath, 'build', 'native', 'electron', 'better_sqlite3.node'));
  });

  it('says the installation is incomplete when the packaged binary is missing', () => {
    assert.throws(() => electronSqliteBinding({ isPackaged: true, appPath: '', resourcesPath: tempFolder('native-packaged') }), /Reinstall/);
  });
});
