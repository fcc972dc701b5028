import { strict as assert } from 'node:assert';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RecentFolders } from '../../../electron/app/recent-folders';
import { tempFolder } from '../../support/temp-folder';

describe('recent folders', () => {
  it('keeps the newest first, each once, up to the limit, across instances (launches)', () => {
    const file = join(tempFolder('recent'), 'recent-folders.json');
    const recent = new RecentFolders(file, { limit: 3 });
    assert.deepEqual(recent.list(), []);
    for (const folder of ['/a', '/b', '/c', '/b', '/d']) recent.add(folder);
    assert.deepEqual(new RecentFolders(file, { limit: 3 }).list(), ['/d', '/b', '/c']);
    recent.clear();
    assert.deepEqual(new RecentFolders(file, { limit: 3 }).list(), []);
  });

  it('starts empty from a corrupt file', () => {
    const file = join(tempFolder('recent-corrupt'), 'recent-folders.json');
    writeFileSync(file, '{"folders": [1, 2]}');
    assert.deepEqual(new RecentFolders(file).list(), []);
  });

  it('writes nothing while it may not (its file would be inside an opened folder), and remembers again once it may', () => {
    const file = join(tempFolder('recent-guarded'), 'recent-folders.json');
    let mayWrite = false;
    const recent = new RecentFolders(file, { mayWrite: () => mayWrite });
    assert.deepEqual(recent.add('/home'), []);
    recent.clear();
    assert.equal(existsSync(file), false);
    mayWrite = true;
    assert.deepEqual(recent.add('/cases/run-7'), ['/cases/run-7']);
  });
});
