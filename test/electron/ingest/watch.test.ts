import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';

function execLine(trace: string): string {
  return `{"trace_id":"${trace}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}\n`;
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 3000): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

function traces(dbPath: string): string[] {
  return query<{ raw: string }>(dbPath, `SELECT ${rawTextSql('e')} AS raw FROM events e ORDER BY e.id`).map((r) => JSON.parse(r.raw).trace_id as string);
}

describe('watching a folder', () => {
  it('follows appends, waits for unfinished lines, picks up new sub-folders, renames and deletions', async () => {
    const folder = realpathSync(tempFolder('watch'));
    const dbPath = join(tempFolder('watch-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    writeFileSync(file, execLine('w-0'));
    const session = new IngestSession({ folder, dbPath });
    try {
      await session.watch();
      assert.deepEqual(traces(dbPath), ['w-0']);

      appendFileSync(file, execLine('w-1'));
      const latency = await waitFor('an appended line', () => traces(dbPath).length === 2);
      assert.ok(latency < 1000, `appended line visible after ${latency} ms`);

      // A line split across two writes is indexed once, when its newline arrives, with no problem.
      const split = execLine('w-2');
      appendFileSync(file, split.slice(0, 30));
      await new Promise((resolve) => setTimeout(resolve, 250));
      assert.equal(traces(dbPath).length, 2, 'an unfinished line waits');
      assert.deepEqual(query(dbPath, "SELECT pending_bytes FROM sources WHERE path = 'exec.jsonl'"), [{ pending_bytes: 30 }]);
      appendFileSync(file, split.slice(30));
      await waitFor('the completed line', () => traces(dbPath).length === 3);
      assert.deepEqual(query(dbPath, 'SELECT code FROM problems'), []);

      mkdirSync(join(folder, 'nested', 'deeper'), { recursive: true });
      writeFileSync(join(folder, 'nested', 'deeper', 'more.jsonl'), execLine('n-0'));
      await waitFor('a file in a new sub-folder', () => traces(dbPath).includes('n-0'));

      renameSync(file, `${file}.1`);
      writeFileSync(file, execLine('w-3'));
      await waitFor('the new file after rotation', () => traces(dbPath).includes('w-3'));
      const all = traces(dbPath);
      assert.equal(new Set(all).size, all.length, 'no event twice after rotation');
      assert.deepEqual(query(dbPath, "SELECT path FROM sources WHERE state = 'active' ORDER BY path"), [
        { path: 'exec.jsonl' }, { path: 'exec.jsonl.1' }, { path: 'nested/deeper/more.jsonl' },
      ]);

      rmSync(join(folder, 'nested'), { recursive: true });
      await waitFor('the deleted sub-folder to be gone', () => query(dbPath, "SELECT 1 FROM sources WHERE state = 'gone'").length === 1);
      assert.ok(traces(dbPath).includes('n-0'), 'events of a deleted file are kept');
    } finally {
      await session.close();
    }
  });

  it('keeps the lines of a tailed file that is deleted before the watcher read them (tail -F)', async () => {
    const folder = realpathSync(tempFolder('tail-delete'));
    const dbPath = join(tempFolder('tail-delete-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    writeFileSync(file, execLine('d-0'));
    const session = new IngestSession({ folder, dbPath });
    try {
      await session.watch();
      appendFileSync(file, execLine('d-1'));
      await waitFor('the first append', () => traces(dbPath).length === 2);
      let burst = '';
      for (let i = 2; i < 1002; i++) burst += execLine(`d-${i}`);
      appendFileSync(file, burst);
      rmSync(file);
      await waitFor('the deleted file to be gone', () => query(dbPath, "SELECT 1 FROM sources WHERE state = 'gone'").length === 1);
      const all = traces(dbPath);
      assert.equal(all.length, 1002, 'every line written before the deletion is indexed');
      assert.equal(new Set(all).size, 1002);
      assert.deepEqual(query(dbPath, 'SELECT code FROM problems'), []);
    } finally {
      await session.close();
    }
  });
});

