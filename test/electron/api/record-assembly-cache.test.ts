import { strict as assert } from 'node:assert';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { RecordAssemblyCache } from '../../../electron/api/record-assembly-cache';
import type { RecordAssembly } from '../../../electron/inspect/assemble-execution';
import { tempFolder } from '../../support/temp-folder';

/** A stand-in assembly: the cache never looks inside one, it only keeps and hands back the object it was given. */
function assembly(label: string): RecordAssembly {
  return { label } as unknown as RecordAssembly;
}

describe('RecordAssemblyCache', () => {
  const path = join(tempFolder('assembly-cache'), 'index.sqlite');
  const writer = new Database(path);
  writer.pragma('journal_mode = WAL');
  writer.exec('CREATE TABLE t (x)');
  const reader = new Database(path, { readonly: true });
  after(() => {
    reader.close();
    writer.close();
  });

  it('builds a record once while the index is unchanged, and again after the ingest commits', () => {
    const cache = new RecordAssemblyCache(reader);
    let builds = 0;
    const build = (): RecordAssembly => assembly(`build ${++builds}`);
    const first = cache.get(1, build);
    assert.equal(cache.get(1, build), first);
    assert.equal(builds, 1);
    writer.prepare('INSERT INTO t VALUES (1)').run();
    const after = cache.get(1, build);
    assert.notEqual(after, first);
    assert.equal(builds, 2);
  });

  it('keeps the most recently used few and lets the oldest go', () => {
    const cache = new RecordAssemblyCache(reader, 2);
    const builds: number[] = [];
    const get = (id: number): RecordAssembly => cache.get(id, () => (builds.push(id), assembly(String(id))));
    get(1);
    get(2);
    get(1);
    get(3);
    get(1);
    get(2);
    assert.deepEqual(builds, [1, 2, 3, 2], '2 went when 3 came (1 had been used since), 1 stayed');
  });
});
