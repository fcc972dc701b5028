import { strict as assert } from 'node:assert';
import { renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSmallFile } from '../../../electron/ingest/read-small-file';
import { tempFolder } from '../../support/temp-folder';

function identityOf(path: string): string {
  const st = statSync(path, { bigint: true });
  return `${st.dev}:${st.ino}`;
}

describe('readSmallFile', () => {
  const folder = tempFolder('read-small-file');
  const path = join(folder, 'a.jsonl');
  const content = Buffer.from(Array.from({ length: 300 }, (_, index) => `{"n":${index}}\n`).join(''));
  writeFileSync(path, content);
  const identity = identityOf(path);

  it('reads the bytes from an offset to the end, and says they are whole', () => {
    assert.deepEqual(readSmallFile(path, identity, 0, 1 << 20), { bytes: content, whole: true });
    assert.deepEqual(readSmallFile(path, identity, 100, 1 << 20), { bytes: content.subarray(100), whole: true });
    assert.deepEqual(readSmallFile(path, identity, content.length, 1 << 20), { bytes: Buffer.alloc(0), whole: true });
  });

  it('stops at the most it may read, and says the file goes on; a file exactly that long is whole', () => {
    assert.deepEqual(readSmallFile(path, identity, 0, 1000), { bytes: content.subarray(0, 1000), whole: false });
    assert.deepEqual(readSmallFile(path, identity, content.length - 1000, 1000), { bytes: content.subarray(content.length - 1000), whole: true });
  });

  it('gives nothing of a file no longer at its path', () => {
    assert.equal(readSmallFile(join(folder, 'missing.jsonl'), identity, 0, 1 << 20), null);
    // Another file now at the path: not the one listed.
    renameSync(path, join(folder, 'a.jsonl.1'));
    writeFileSync(path, content);
    assert.equal(readSmallFile(path, identity, 0, 1 << 20), null);
  });
});
