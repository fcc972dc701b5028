import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, realpathSync, symlinkSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { FolderInspector } from '../../../electron/api/folder-inspector';
import { codeCacheDirFor } from '../../../electron/ingest/code-cache';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { tempFolder } from '../../support/temp-folder';

/** Every file under `dir`, relative to it, sorted; none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Starts the parse worker as ParseAhead does, waits until it is ready, and stops it (which writes its cache). */
async function startParseWorker(workerData: unknown): Promise<void> {
  const worker = new Worker(join(__dirname, '..', '..', '..', 'electron', 'ingest', 'parse-worker.js'), { workerData });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', (message: { type: string }) => (message.type === 'ready' ? resolve() : reject(new Error(message.type))));
    worker.once('error', reject);
  });
  await worker.terminate();
}

describe('the workers keep their compiled code in the app data folder', () => {
  it('an inspector caches the ingest worker compiled modules under the data folder, writes nothing in the opened folder, and reuses them on reopen', async () => {
    const folder = realpathSync(tempFolder('code-cache-folder'));
    writeFixtureFolder(folder, { seed: 31 });
    const before = filesUnder(folder);
    const dataDir = tempFolder('code-cache-data');
    const dbPath = join(dataDir, 'indexes', 'i.sqlite');
    const cacheDir = join(dataDir, 'code-cache');
    assert.equal(codeCacheDirFor(dataDir, folder), cacheDir);
    assert.equal(existsSync(cacheDir), false);

    const first = await FolderInspector.open({ folder, dbPath, dataDir, watch: false });
    await first.initialScan();
    await first.close();
    const cached = filesUnder(cacheDir);
    // The family registry and zod alone are well over a hundred modules.
    assert.ok(cached.length >= 100, `${cached.length} compiled modules cached`);

    const again = await FolderInspector.open({ folder, dbPath, dataDir, watch: false });
    await again.initialScan();
    await again.close();
    // Read back, not compiled anew: the same entries, none added.
    assert.deepEqual(filesUnder(cacheDir), cached);
    assert.deepEqual(filesUnder(folder), before, 'the opened folder is as it was');
  });

  it('keeps no code cache where the data folder lies inside the opened folder, directly or through a link, with the index elsewhere', async () => {
    const folder = realpathSync(tempFolder('code-cache-evidence'));
    writeFixtureFolder(folder, { seed: 32 });
    const before = filesUnder(folder);
    const outside = tempFolder('code-cache-outside');
    const linked = join(outside, 'data-link');
    symlinkSync(folder, linked);
    for (const dataDir of [join(folder, 'inspector-data'), linked]) {
      assert.equal(codeCacheDirFor(dataDir, folder), undefined, dataDir);
      const inspector = await FolderInspector.open({ folder, dbPath: join(tempFolder('code-cache-evidence-db'), 'i.sqlite'), dataDir, watch: false });
      await inspector.initialScan();
      await inspector.close();
      assert.deepEqual(filesUnder(folder), before, `nothing written in the opened folder with the data folder ${dataDir}`);
    }
  });

  it('the parse worker turns the cache on from its worker data, and compiles without one when none is given', async () => {
    const cacheDir = join(tempFolder('parse-worker-cache'), 'code-cache');
    await startParseWorker(undefined);
    assert.equal(existsSync(cacheDir), false);
    await startParseWorker({ codeCacheDir: cacheDir });
    const cached = filesUnder(cacheDir);
    assert.ok(cached.length >= 50, `${cached.length} compiled modules cached by the parse worker`);
  });
});
