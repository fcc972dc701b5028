import { strict as assert } from 'node:assert';
import { appendFileSync, fstatSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ListedFile } from '../../../electron/ingest/listed-file';
import { tempFolder } from '../../support/temp-folder';

function identityOf(path: string): string {
  const st = statSync(path, { bigint: true });
  return `${st.dev}:${st.ino}`;
}

describe('ListedFile', () => {
  const folder = tempFolder('listed-file');
  const content = Buffer.from(Array.from({ length: 2000 }, (_, index) => `{"n":${index}}\n`).join(''));

  it('opens only the file the listing saw: not a missing one, not another now at its path', () => {
    const path = join(folder, 'a.jsonl');
    writeFileSync(path, content);
    const identity = identityOf(path);
    const file = ListedFile.open(path, identity);
    assert.ok(file);
    void file.close();
    assert.equal(ListedFile.open(join(folder, 'missing.jsonl'), identity), null);
    renameSync(path, join(folder, 'a.jsonl.1'));
    writeFileSync(path, content);
    assert.equal(ListedFile.open(path, identity), null);
    assert.ok(ListedFile.open(join(folder, 'a.jsonl.1'), identity));
  });

  it('throws a failure other than a missing file: it is a problem of that file', () => {
    const path = join(folder, 'plain.jsonl');
    writeFileSync(path, content);
    // A path through a file (root would read a file without permission, so that is not the case tried here).
    assert.throws(() => ListedFile.open(join(path, 'inside'), identityOf(path)), { code: 'ENOTDIR' });
  });

  it('reads by position, on this thread and on the thread pool alike, through the file whatever its path becomes', async () => {
    const path = join(folder, 'b.jsonl');
    writeFileSync(path, content);
    const file = ListedFile.open(path, identityOf(path)) as ListedFile;
    try {
      assert.deepEqual(file.readAt(0, 4096), content.subarray(0, 4096));
      assert.deepEqual(file.readAt(100, 50), content.subarray(100, 150));
      assert.deepEqual(file.readAt(content.length - 10, 50), content.subarray(content.length - 10));
      assert.equal(file.readAt(content.length, 50).length, 0);
      const buffer = Buffer.alloc(64);
      assert.equal(await file.read(buffer, 4, 60, 200), 60);
      assert.deepEqual(buffer.subarray(4), content.subarray(200, 260));
      // Deleted from its path: still read, and its size seen, through the descriptor (what tail -F relies on).
      unlinkSync(path);
      appendFileSync(join(folder, 'other.jsonl'), 'x');
      assert.equal(file.stat().size, content.length);
      assert.deepEqual(file.readAt(0, 16), content.subarray(0, 16));
    } finally {
      await file.close();
    }
  });

  it('closes once its reads in flight are answered, and refuses reads after', async () => {
    const path = join(folder, 'c.jsonl');
    writeFileSync(path, content);
    const file = ListedFile.open(path, identityOf(path)) as ListedFile;
    const buffer = Buffer.alloc(content.length);
    const reading = file.read(buffer, 0, content.length, 0);
    const closing = file.close();
    assert.equal(await reading, content.length);
    assert.deepEqual(buffer, content);
    await closing;
    assert.throws(() => fstatSync(file.fd), { code: 'EBADF' });
    assert.throws(() => file.readAt(0, 1), { code: 'EBADF' });
    await assert.rejects(file.read(buffer, 0, 1, 0), { code: 'EBADF' });
    // Closing again does nothing (the number may belong to another file by now).
    await file.close();
  });
});
