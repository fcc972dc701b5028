import { strict as assert } from 'node:assert';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { fullTextMatchesIn } from '../../support/full-text-matches';

const textLines = (tag: string, from: number, to: number): string =>
  Array.from({ length: to - from }, (_, i) => `2026-03-02T10:00:0${(from + i) % 10}Z INFO app: ${tag} line ${from + i}\n`).join('');

function rows(dbPath: string): { path: string; kind: string; line: number; raw: string }[] {
  return query(dbPath, `SELECT s.path, s.kind, e.line, ${rawTextSql('e')} AS raw FROM events e JOIN sources s ON s.id = e.source_id ORDER BY s.path, e.line`);
}

describe('plain-text logs rotated into gzip', () => {
  it('reads a compressed text log line by line, every line searchable', async () => {
    const folder = tempFolder('gz-text');
    writeFileSync(join(folder, 'app.log.2.gz'), gzipSync(Buffer.from(`${textLines('old', 0, 3)}Traceback (most recent call last):\n  File "x.py", line 1\nValueError: no`)));
    const db = await indexOnce(folder);
    const found = rows(db);
    assert.deepEqual([...new Set(found.map((row) => row.kind))], ['gzip-text']);
    assert.equal(found.length, 6, 'three records and the traceback lines, the last line without newline included');
    assert.equal(fullTextMatchesIn(db, 'ValueError').length, 1);
  });

  it('keeps a text log\'s events once when it is rotated and compressed, as a clean index of the result has them', async () => {
    const folder = tempFolder('gz-rotate');
    const live = join(folder, 'app.log');
    writeFileSync(live, textLines('r1', 0, 4));
    const db = join(tempFolder('gz-rotate-db'), 'index.sqlite');
    await indexOnce(folder, db);
    writeFileSync(`${live}.1.gz`, gzipSync(readFileSync(live)));
    unlinkSync(live);
    writeFileSync(`${live}.tmp`, textLines('r2', 0, 2));
    renameSync(`${live}.tmp`, live);
    await indexOnce(folder, db);
    const after = rows(db);
    assert.equal(after.length, 6);
    assert.deepEqual(after.map((row) => [row.path, row.line, row.raw]), rows(await indexOnce(folder)).map((row) => [row.path, row.line, row.raw]));
  });
});
