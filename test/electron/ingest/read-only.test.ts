import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

interface Snapshot {
  readonly path: string;
  readonly bytes: string;
  readonly mtimeMs: number;
  readonly mode: number;
}

function snapshot(folder: string): Snapshot[] {
  const out: Snapshot[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, entry.name);
      const st = statSync(abs);
      if (entry.isDirectory()) walk(abs);
      out.push({ path: relative(folder, abs), bytes: entry.isDirectory() ? '' : readFileSync(abs).toString('base64'), mtimeMs: st.mtimeMs, mode: st.mode });
    }
  };
  walk(folder);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

describe('the evidence folder is read-only', () => {
  it('leaves every byte, mtime and mode unchanged and adds no file, through indexing and watching', async () => {
    const folder = tempFolder('readonly');
    mkdirSync(join(folder, 'logs', 'telemetry'), { recursive: true });
    writeFileSync(join(folder, 'exec.jsonl'), '{"trace_id":"t","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n{"broken');
    writeFileSync(join(folder, 'logs', 'telemetry', 'run.jsonl.2.gz'), gzipSync('{"schema_version":"0.1","timestamp":"2025-10-06T12:34:56Z","source":"planner","run_id":"r","cycle":1,"event":"plan.generated","payload":{}}\n'));
    writeFileSync(join(folder, 'record.json'), JSON.stringify({ execution_id: 'e', step_events: [], status: 'COMPLETED' }, null, 2));
    writeFileSync(join(folder, 'notes.log'), 'plain text\n');
    const before = snapshot(folder);
    const dbPath = join(tempFolder('readonly-db'), 'index.sqlite');
    const session = new IngestSession({ folder, dbPath });
    await session.watch();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await session.close();
    const second = new IngestSession({ folder, dbPath });
    await second.indexOnce();
    await second.close();
    assert.ok(query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM events')[0]!.n >= 3, 'the folder was really indexed');
    assert.deepEqual(snapshot(folder), before);
  });

  it('never opens the index inside the folder it reads', async () => {
    const folder = tempFolder('readonly-append');
    writeFileSync(join(folder, 'a.jsonl'), '');
    appendFileSync(join(folder, 'a.jsonl'), '{"x":1}\n');
    const dbPath = join(tempFolder('readonly-append-db'), 'index.sqlite');
    const session = new IngestSession({ folder, dbPath });
    await session.indexOnce();
    await session.close();
    assert.deepEqual(readdirSync(folder), ['a.jsonl']);
  });
});
