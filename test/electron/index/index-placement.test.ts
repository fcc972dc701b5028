import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { indexPathFor } from '../../../electron/index/index-location';
import { IndexPlacementRefused, isOurIndexFile, placeIndex } from '../../../electron/index/index-placement';
import { openIndex } from '../../../electron/index/open-index';
import { tempFolder } from '../../support/temp-folder';

/** An evidence folder with one log file, and a way to prove that nothing in it changed. */
function evidence(prefix: string): { folder: string; log: string; snapshot: () => string } {
  const folder = realpathSync(tempFolder(prefix));
  mkdirSync(join(folder, 'records'));
  const log = join(folder, 'records', 'x.jsonl');
  writeFileSync(log, '{"trace_id":"t1","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n');
  const snapshot = (): string => {
    const lines: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        const stat = statSync(path);
        if (stat.isDirectory()) walk(path);
        else lines.push(`${path} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
      }
    };
    walk(folder);
    return lines.join('\n');
  };
  return { folder, log, snapshot };
}

function refused(action: () => unknown, pattern: RegExp): void {
  assert.throws(action, (error: unknown) => error instanceof IndexPlacementRefused && pattern.test(error.message));
}

describe('where an index may be placed', () => {
  it('refuses a path inside the evidence folder, given plainly, with "..", or through a linked directory or file', () => {
    const { folder, log, snapshot } = evidence('place-inside');
    const before = snapshot();
    const outside = tempFolder('place-outside');
    symlinkSync(join(folder, 'records'), join(outside, 'linked-dir'));
    symlinkSync(log, join(outside, 'linked-file.sqlite'));
    const attempts = [
      join(folder, 'index.sqlite'),
      join(folder, 'records', 'new', 'index.sqlite'),
      `${outside}/../${basename(folder)}/index.sqlite`,
      `${folder}/records/../../${basename(folder)}/i.sqlite`,
      join(outside, 'linked-dir', 'x.jsonl'),
      join(outside, 'linked-dir', 'index.sqlite'),
      join(outside, 'linked-file.sqlite'),
    ];
    for (const attempt of attempts) {
      refused(() => placeIndex(folder, attempt), /must not be inside the evidence folder/);
      refused(() => openIndex(attempt, folder), /must not be inside the evidence folder/);
    }
    assert.equal(snapshot(), before, 'nothing in the evidence folder was written, renamed or created');
  });

  it('refuses an existing file that is not one of our indexes, and leaves it byte for byte', () => {
    const { folder } = evidence('place-foreign');
    const elsewhere = tempFolder('place-foreign-files');
    const text = join(elsewhere, 'notes.txt');
    writeFileSync(text, 'my notes\n');
    const otherApp = join(elsewhere, 'other-app.sqlite');
    const other = new Database(otherApp);
    other.pragma('journal_mode = WAL');
    other.exec("CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('folder', 'x')");
    other.close();
    const hashes = (): string[] => readdirSync(elsewhere).sort().map((name) => `${name} ${createHash('sha256').update(readFileSync(join(elsewhere, name))).digest('hex')}`);
    const before = hashes();
    for (const file of [text, otherApp]) {
      refused(() => placeIndex(folder, file), /is not an index made by Execution Inspector; it is left untouched/);
      refused(() => openIndex(file, folder), /is not an index made by Execution Inspector/);
    }
    assert.deepEqual(hashes(), before, 'no file changed and no -wal/-shm appeared beside them');
  });

  it('uses an empty file, which holds nothing to lose and is what a run killed right after creating the index leaves', () => {
    const { folder } = evidence('place-empty');
    const empty = join(tempFolder('place-empty-files'), 'empty.sqlite');
    writeFileSync(empty, '');
    openIndex(empty, folder).db.close();
    assert.ok(isOurIndexFile(empty));
  });

  it('refuses a stray -wal without its database and a link that leads nowhere', () => {
    const { folder } = evidence('place-stray');
    const elsewhere = tempFolder('place-stray-files');
    writeFileSync(join(elsewhere, 'i.sqlite-wal'), 'someone else\n');
    refused(() => placeIndex(folder, join(elsewhere, 'i.sqlite')), /i\.sqlite-wal exists without its database/);
    symlinkSync(join(elsewhere, 'missing', 'target.sqlite'), join(elsewhere, 'dangling.sqlite'));
    refused(() => placeIndex(folder, join(elsewhere, 'dangling.sqlite')), /link to nothing/);
    assert.equal(readFileSync(join(elsewhere, 'i.sqlite-wal'), 'utf8'), 'someone else\n');
    assert.equal(existsSync(join(elsewhere, 'missing')), false);
  });

  it('accepts a new path and our own index, resolving links to the real path', () => {
    const { folder } = evidence('place-ok');
    const elsewhere = tempFolder('place-ok-files');
    const fresh = join(elsewhere, 'deep', 'index.sqlite');
    assert.equal(placeIndex(folder, fresh), join(realpathSync(elsewhere), 'deep', 'index.sqlite'));
    assert.equal(existsSync(join(elsewhere, 'deep')), false, 'placing creates nothing');
    openIndex(fresh, folder).db.close();
    assert.ok(isOurIndexFile(fresh));
    symlinkSync(join(elsewhere, 'deep'), join(elsewhere, 'link'));
    assert.equal(placeIndex(folder, join(elsewhere, 'link', 'index.sqlite')), realpathSync(fresh));
  });

  it('creates the index 0600 (its -wal and -shm too) in a new folder 0700', () => {
    const { folder } = evidence('place-mode');
    const dataDir = tempFolder('place-mode-data');
    const dbPath = indexPathFor(folder, dataDir);
    const { db } = openIndex(dbPath, folder);
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', '1')").run();
    for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) assert.equal(statSync(file).mode & 0o777, 0o600, file);
    assert.equal(statSync(join(dataDir, 'indexes')).mode & 0o777, 0o700);
    db.close();
  });

  it('rebuilds an unreadable file at our own index path in the data folder, but never one named with --db', () => {
    const { folder } = evidence('place-corrupt');
    const managed = indexPathFor(folder, tempFolder('place-corrupt-data'));
    mkdirSync(join(managed, '..'), { recursive: true });
    writeFileSync(managed, Buffer.alloc(8192, 0x5a));
    const opened = openIndex(managed, folder);
    opened.db.close();
    assert.match(opened.rebuiltBecause ?? '', /could not be read/);
    assert.ok(isOurIndexFile(managed));

    const given = join(tempFolder('place-corrupt-given'), 'index.sqlite');
    writeFileSync(given, Buffer.alloc(8192, 0x5a));
    refused(() => openIndex(given, folder), /not an index made by Execution Inspector/);
    assert.deepEqual(readFileSync(given), Buffer.alloc(8192, 0x5a));
  });
});
