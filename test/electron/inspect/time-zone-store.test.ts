import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TimeZoneStore } from '../../../electron/inspect/time-zone-store';
import { tempFolder } from '../../support/temp-folder';

describe('TimeZoneStore', () => {
  it('keeps the folder and file zones in the data folder (0600 in 0700), and a new store (a restart) reads them back', () => {
    const folder = realpathSync(tempFolder('tz-store-evidence'));
    const dataDir = realpathSync(tempFolder('tz-store-data'));
    const store = new TimeZoneStore(dataDir, folder);
    assert.deepEqual(store.read(), { folderZone: null, files: {} });
    store.set(null, 'Asia/Kolkata');
    store.set('logs/app.log', 'America/New_York');
    assert.ok(store.file.startsWith(join(dataDir, 'time-zones')));
    assert.equal(statSync(store.file).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'time-zones')).mode & 0o777, 0o700);
    assert.deepEqual(new TimeZoneStore(dataDir, folder).read(), { folderZone: 'Asia/Kolkata', files: { 'logs/app.log': 'America/New_York' } });
    assert.deepEqual(new TimeZoneStore(dataDir, folder).set('logs/app.log', null), { folderZone: 'Asia/Kolkata', files: {} });
    assert.deepEqual(readdirSync(folder), [], 'nothing in the evidence folder');
    assert.deepEqual(readdirSync(join(dataDir, 'time-zones')).length, 1, 'no temporary file left behind');
  });

  it('keys the file by the folder: another folder has its own settings', () => {
    const dataDir = tempFolder('tz-store-data');
    new TimeZoneStore(dataDir, '/evidence/a').set(null, 'Asia/Kolkata');
    assert.deepEqual(new TimeZoneStore(dataDir, '/evidence/b').read(), { folderZone: null, files: {} });
  });

  it('refuses an unknown zone name and writes nothing', () => {
    const dataDir = tempFolder('tz-store-data');
    const store = new TimeZoneStore(dataDir, '/evidence/a');
    assert.throws(() => store.set(null, 'Mars/Olympus'), /not a known IANA time zone name/);
    assert.throws(() => readFileSync(store.file), /ENOENT/);
  });

  it('refuses to write inside the evidence folder, also through a linked data folder', () => {
    const folder = realpathSync(tempFolder('tz-store-evidence'));
    const outside = tempFolder('tz-store-link');
    symlinkSync(folder, join(outside, 'data'));
    assert.throws(() => new TimeZoneStore(join(outside, 'data'), folder).set(null, 'UTC'), /inside the evidence folder/);
    assert.throws(() => new TimeZoneStore(join(folder, 'sub'), folder).set(null, 'UTC'), /inside the evidence folder/);
    assert.deepEqual(readdirSync(folder), []);
  });

  it('reads a damaged or hand-edited file (unknown zone, not JSON) as no settings, and replaces it on the next change', () => {
    const dataDir = tempFolder('tz-store-data');
    const store = new TimeZoneStore(dataDir, '/evidence/a');
    mkdirSync(join(dataDir, 'time-zones'), { recursive: true });
    writeFileSync(store.file, JSON.stringify({ folder: '/evidence/a', folderZone: 'Mars/Olympus', files: {} }));
    assert.deepEqual(store.read(), { folderZone: null, files: {} });
    writeFileSync(store.file, '{"folder":');
    assert.deepEqual(store.read(), { folderZone: null, files: {} });
    assert.deepEqual(store.set(null, 'UTC'), { folderZone: 'UTC', files: {} });
  });
});
