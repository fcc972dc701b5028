import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { builderOsKey, electronSqliteBinding, electronSqliteBindingPath } from '../../../electron/app/native-binding';
import { tempFolder } from '../../support/temp-folder';

describe('better-sqlite3 binding for Electron', () => {
  it('lives beside the Node build in the repository, one folder per platform and arch, and outside app.asar when packaged', () => {
    const repo = { isPackaged: false, appPath: '/repo', resourcesPath: '/unused' };
    assert.equal(electronSqliteBindingPath(repo, 'darwin', 'arm64'), join('/repo', 'build', 'native', 'electron', 'mac-arm64', 'better_sqlite3.node'));
    assert.equal(electronSqliteBindingPath(repo, 'linux', 'x64'), join('/repo', 'build', 'native', 'electron', 'linux-x64', 'better_sqlite3.node'));
    assert.equal(electronSqliteBindingPath(repo, 'win32', 'ia32'), join('/repo', 'build', 'native', 'electron', 'win-ia32', 'better_sqlite3.node'));
    assert.equal(electronSqliteBindingPath(repo), electronSqliteBindingPath(repo, process.platform, process.arch), "this machine's by default");
    assert.throws(() => builderOsKey('aix'), /no build for aix/);
    assert.equal(electronSqliteBindingPath({ isPackaged: true, appPath: '/opt/app/resources/app.asar', resourcesPath: '/opt/app/resources' }), join('/opt/app/resources', 'native', 'better_sqlite3.node'));
  });

  it('is refused until `npm run rebuild:electron` built it, then named for the app to load', () => {
    const appPath = tempFolder('native-binding');
    assert.throws(() => electronSqliteBinding({ isPackaged: false, appPath, resourcesPath: '' }), /npm run rebuild:electron/);
    const expected = join(appPath, 'build', 'native', 'electron', `${builderOsKey(process.platform)}-${process.arch}`, 'better_sqlite3.node');
    mkdirSync(dirname(expected), { recursive: true });
    writeFileSync(expected, '');
    assert.equal(electronSqliteBinding({ isPackaged: false, appPath, resourcesPath: '' }), expected);
  });

  it('says the installation is incomplete when the packaged binary is missing', () => {
    assert.throws(() => electronSqliteBinding({ isPackaged: true, appPath: '', resourcesPath: tempFolder('native-packaged') }), /Reinstall/);
  });
});
