import { strict as assert } from 'node:assert';
import { realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FolderInspector } from '../../../electron/api/folder-inspector';
import { tempFolder } from '../../support/temp-folder';

describe('FolderInspector', () => {
  it('closes promptly even when the watched folder was deleted (a pulled USB stick)', { timeout: 20_000 }, async () => {
    const parent = tempFolder('vanish');
    const folder = join(parent, 'evidence');
    mkdirSync(join(folder, 'sub'), { recursive: true });
    writeFileSync(join(folder, 'sub', 'exec.jsonl'), '{"trace_id":"t","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n');
    const inspector = await FolderInspector.open({ folder: realpathSync(folder), dbPath: join(tempFolder('vanish-db'), 'i.sqlite'), dataDir: tempFolder('vanish-data'), watch: true });
    await inspector.initialScan();
    rmSync(folder, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    await inspector.close();
    assert.ok(Date.now() - started < 5000, `closed in ${Date.now() - started} ms`);
  });

  it('answers summary for the watched folder and reports its phase as watching after the first scan', async () => {
    const folder = realpathSync(tempFolder('watching'));
    writeFileSync(join(folder, 'exec.jsonl'), '{"trace_id":"t","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n');
    const inspector = await FolderInspector.open({ folder, dbPath: join(tempFolder('watching-db'), 'i.sqlite'), dataDir: tempFolder('watching-data'), watch: true });
    try {
      await inspector.initialScan();
      const summary = await inspector.service.call('summary', {});
      assert.ok(summary.ok);
      assert.equal((summary.value as { progress: { phase: string } }).progress.phase, 'watching');
    } finally {
      await inspector.close();
    }
  });
});
