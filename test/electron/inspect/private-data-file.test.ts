import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writePrivateDataFile } from '../../../electron/inspect/private-data-file';
import { tempFolder } from '../../support/temp-folder';

describe('writePrivateDataFile', () => {
  const evidence = tempFolder('private-evidence');

  it('replaces a file whole, 0600 in a 0700 folder, and leaves no temporary file', () => {
    const dataDir = tempFolder('private-data');
    const file = join(dataDir, 'settings', 'a.json');
    writePrivateDataFile(file, evidence, 'one\n', 'a setting');
    writePrivateDataFile(file, evidence, 'two\n', 'a setting');
    assert.equal(readFileSync(file, 'utf8'), 'two\n');
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(join(dataDir, 'settings')).mode & 0o777, 0o700);
    assert.deepEqual(readdirSync(join(dataDir, 'settings')), ['a.json']);
  });

  it('refuses a place in the evidence folder, also through a link, naming what it would have saved', () => {
    assert.throws(() => writePrivateDataFile(join(evidence, 'a.json'), evidence, 'x', 'the thing'), /refusing to save the thing inside the evidence folder/);
    const outside = tempFolder('private-link');
    symlinkSync(evidence, join(outside, 'evidence'));
    assert.throws(() => writePrivateDataFile(join(outside, 'evidence', 'a.json'), evidence, 'x', 'the thing'), /inside the evidence folder/);
    assert.deepEqual(readdirSync(evidence), []);
  });
});
