import { strict as assert } from 'node:assert';
import { appendFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FolderWatcher } from '../../../electron/ingest/folder-watcher';
import { tempFolder } from '../../support/temp-folder';

describe('FolderWatcher', () => {
  it('reports a directory again after a change chokidar drops (one within 50 ms of the change before)', async () => {
    const folder = realpathSync(tempFolder('folder-watcher'));
    const file = join(folder, 'a.jsonl');
    writeFileSync(file, '{"n":0}\n');
    const reports: { readonly at: number; readonly dirs: readonly string[] }[] = [];
    const watcher = new FolderWatcher(folder, (dirs) => reports.push({ at: performance.now(), dirs: [...dirs] }));
    await watcher.start();
    try {
      appendFileSync(file, '{"n":1}\n');
      const started = performance.now();
      while (reports.length === 0) {
        assert.ok(performance.now() - started < 5000, 'the first append is reported');
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      // Written as soon as the first change is reported (40 ms after it): chokidar drops a change within 50 ms of the one before.
      const lastWrite = performance.now();
      appendFileSync(file, '{"n":2}\n');
      await new Promise((resolve) => setTimeout(resolve, 600));
      assert.ok(
        reports.some((report) => report.at > lastWrite && report.dirs.includes('')),
        `the root is reported again after the last write (reports at ${reports.map((report) => Math.round(report.at - lastWrite)).join(', ')} ms from it)`,
      );
    } finally {
      await watcher.close();
    }
  });
});
