import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { readJsonFile, writeJsonFileAtomically } from '../../../electron/app/atomic-json-file';
import { tempFolder } from '../../support/temp-folder';

const schema = z.object({ n: z.number() });

describe('JSON files in the data folder', () => {
  it('writes through a temporary file and a rename, creating the folder, leaving no temporary file', () => {
    const dir = tempFolder('atomic-json');
    const file = join(dir, 'nested', 'state.json');
    writeJsonFileAtomically(file, { n: 1 });
    writeJsonFileAtomically(file, { n: 2 });
    assert.deepEqual(JSON.parse(readFileSync(file, 'utf8')), { n: 2 });
    assert.deepEqual(readdirSync(join(dir, 'nested')), ['state.json']);
  });

  it('keeps what it writes private: the file 0600, a folder it creates 0700', () => {
    const dir = tempFolder('atomic-json-mode');
    const file = join(dir, 'settings', 'recent.json');
    writeJsonFileAtomically(file, { n: 1 });
    assert.equal(statSync(file).mode & 0o777, 0o600);
    assert.equal(statSync(join(dir, 'settings')).mode & 0o777, 0o700);
  });

  it('keeps the previous file when the write fails', () => {
    const dir = tempFolder('atomic-json-fail');
    const file = join(dir, 'state.json');
    writeJsonFileAtomically(file, { n: 1 });
    assert.throws(() => writeJsonFileAtomically(file, { n: 1n }));
    assert.deepEqual(readJsonFile(file, schema), { n: 1 });
    assert.deepEqual(readdirSync(dir), ['state.json']);
  });

  it('reads null for a missing, corrupt or wrongly shaped file', () => {
    const dir = tempFolder('atomic-json-read');
    assert.equal(readJsonFile(join(dir, 'missing.json'), schema), null);
    writeFileSync(join(dir, 'corrupt.json'), '{"n": 1');
    assert.equal(readJsonFile(join(dir, 'corrupt.json'), schema), null);
    writeFileSync(join(dir, 'shape.json'), '{"n": "one"}');
    assert.equal(readJsonFile(join(dir, 'shape.json'), schema), null);
  });
});
