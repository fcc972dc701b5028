import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { indexPathFor } from '../../../electron/index/index-location';
import { openIndex, SCHEMA_VERSION } from '../../../electron/index/open-index';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { IngestWorkerClient } from '../../../electron/ingest/ingest-worker-client';
import type { FromIngestWorker } from '../../../electron/ingest/ingest-messages';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

function execLines(n: number, prefix = 't'): string {
  let out = '';
  for (let i = 0; i < n; i++) {
    out += `{"trace_id":"${prefix}-${i}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}\n`;
  }
  return out;
}

function eventCount(dbPath: string): number {
  return query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM events')[0]!.n;
}

describe('a damaged or foreign index is rebuilt from the folder', () => {
  it('rebuilds a corrupt index file at its place in the data folder', async () => {
    const folder = tempFolder('corrupt');
    writeFileSync(join(folder, 'exec.jsonl'), execLines(3));
    const dbPath = indexPathFor(folder, tempFolder('corrupt-db'));
    mkdirSync(join(dbPath, '..'), { recursive: true });
    writeFileSync(dbPath, Buffer.alloc(8192, 0x5a));
    const opened = openIndex(dbPath, folder);
    opened.db.close();
    assert.match(opened.rebuiltBecause ?? '', /could not be read/);
    await indexOnce(folder, dbPath);
    assert.equal(eventCount(dbPath), 3);
  });

  it('rebuilds an index written by a newer schema, and one built for another folder', () => {
    const folder = tempFolder('newer');
    const dbPath = join(tempFolder('newer-db'), 'index.sqlite');
    openIndex(dbPath, folder).db.close();
    const raw = new Database(dbPath);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.close();
    const newer = openIndex(dbPath, folder);
    newer.db.close();
    assert.match(newer.rebuiltBecause ?? '', /newer schema/);
    const foreign = openIndex(dbPath, tempFolder('other'));
    foreign.db.close();
    assert.match(foreign.rebuiltBecause ?? '', /another folder/);
  });

  it('rebuilds an index of a schema from before raw blocks, whose raw lines SQL cannot convert', async () => {
    const folder = tempFolder('older');
    writeFileSync(join(folder, 'exec.jsonl'), execLines(3));
    const dbPath = await indexOnce(folder);
    const raw = new Database(dbPath);
    raw.pragma('user_version = 2');
    raw.close();
    const older = openIndex(dbPath, realpathSync(folder));
    assert.match(older.rebuiltBecause ?? '', /older schema \(2\)/);
    assert.equal((older.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n, 0, 'rebuilt empty, to be read again');
    older.db.close();
    await indexOnce(folder, dbPath);
    assert.equal(eventCount(dbPath), 3);
  });
});

describe('a full disk under the index', () => {
  it('stops the scan with SQLITE_FULL, keeps the index consistent, and resumes without loss or duplicates', async () => {
    const folder = tempFolder('full');
    writeFileSync(join(folder, 'exec.jsonl'), execLines(20_000));
    const dbPath = join(tempFolder('full-db'), 'index.sqlite');
    const session = new IngestSession({ folder, dbPath, index: { maxBytes: 1_500_000 }, options: { batchEvents: 500 } });
    await assert.rejects(session.indexOnce(), (error: unknown) => (error as { code?: string }).code === 'SQLITE_FULL');
    await session.close();
    const partial = eventCount(dbPath);
    assert.ok(partial > 0 && partial < 20_000, `committed batches stay (${partial})`);
    const [progress] = query<{ line: number }>(dbPath, 'SELECT line FROM sources');
    assert.equal(progress?.line, partial, 'the committed offset matches the committed events');
    await indexOnce(folder, dbPath);
    const traces = query<{ raw: string }>(dbPath, `SELECT ${rawTextSql('e')} AS raw FROM events e`).map((r) => JSON.parse(r.raw).trace_id as string);
    assert.equal(traces.length, 20_000);
    assert.equal(new Set(traces).size, 20_000);
    assert.deepEqual(readdirSync(folder), ['exec.jsonl'], 'nothing written into the evidence folder');
  });

  it('reports a clear message from the worker instead of crashing', async () => {
    const folder = tempFolder('full-worker');
    writeFileSync(join(folder, 'exec.jsonl'), execLines(20_000));
    const dbPath = join(tempFolder('full-worker-db'), 'index.sqlite');
    const messages: FromIngestWorker[] = [];
    const client = new IngestWorkerClient({ folder, dbPath, watch: false, index: { maxBytes: 1_000_000 } }, (m) => messages.push(m));
    await client.exited();
    const failed = messages.find((m) => m.type === 'failed');
    assert.ok(failed && failed.type === 'failed');
    assert.match(failed.message, /disk holding the index is full/);
    assert.ok(messages.some((m) => m.type === 'stopped'), 'the worker closed the index and stopped');
  });
});

describe('hostile folder layouts', () => {
  it('does not follow symbolic links, so a symlink loop cannot hang or crash the ingest', async () => {
    const folder = tempFolder('loop');
    mkdirSync(join(folder, 'a'));
    writeFileSync(join(folder, 'a', 'exec.jsonl'), execLines(2));
    symlinkSync('..', join(folder, 'a', 'up'));
    symlinkSync('.', join(folder, 'self'));
    symlinkSync('a/exec.jsonl', join(folder, 'alias.jsonl'));
    const dbPath = await indexOnce(folder);
    assert.equal(eventCount(dbPath), 2, 'the linked file is not read twice');
    assert.deepEqual(
      query(dbPath, "SELECT path, state FROM sources WHERE reason LIKE 'symbolic link%' ORDER BY path"),
      [
        { path: 'a/up', state: 'skipped' },
        { path: 'alias.jsonl', state: 'skipped' },
        { path: 'self', state: 'skipped' },
      ],
      'every link, to a file or a folder, is listed as skipped so the reviewer sees it',
    );
  });

  it('reports a file it may not read and goes on with the rest', () => {
    // Root reads everything, so the ingest runs as an unprivileged user in a child process.
    const folder = tempFolder('noperm');
    chmodSync(folder, 0o755);
    writeFileSync(join(folder, 'ok.jsonl'), execLines(2, 'ok'));
    writeFileSync(join(folder, 'secret.jsonl'), execLines(2, 'secret'));
    chmodSync(join(folder, 'secret.jsonl'), 0o000);
    mkdirSync(join(folder, 'closed'));
    writeFileSync(join(folder, 'closed', 'inner.jsonl'), execLines(1, 'inner'));
    chmodSync(join(folder, 'closed'), 0o000);
    const dbDir = tempFolder('noperm-db');
    chmodSync(dbDir, 0o777);
    const dbPath = join(dbDir, 'index.sqlite');
    // Everything is loaded before privileges drop: the checkout itself may not be readable by nobody.
    const script = `
      const [session, folder, dbPath] = process.argv.slice(1);
      const { IngestSession } = require(session);
      const Database = require(require.resolve('better-sqlite3', { paths: [require('path').dirname(session)] }));
      new Database(':memory:').close();
      if (process.getuid && process.getuid() === 0) { process.setgid(65534); process.setuid(65534); }
      const s = new IngestSession({ folder, dbPath });
      s.indexOnce().then(() => s.close()).then(() => process.exit(0), (e) => { console.error(e); process.exit(3); });`;
    const result = spawnSync(process.execPath, ['-e', script, join(__dirname, '..', '..', '..', 'electron', 'ingest', 'ingest-session.js'), folder, dbPath], { encoding: 'utf8' });
    chmodSync(join(folder, 'closed'), 0o755);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(eventCount(dbPath), 2, 'the readable file was indexed');
    const problems = query<{ code: string; message: string }>(dbPath, "SELECT code, message FROM problems WHERE code = 'file.unreadable' ORDER BY message");
    assert.equal(problems.length, 2, JSON.stringify(problems));
    assert.match(problems[0]?.message ?? '', /closed/);
    assert.match(problems[1]?.message ?? '', /secret\.jsonl/);
  });
});

describe('fixture folders survive interruption', () => {
  it('a scan cancelled half-way resumes to the same index as an uninterrupted one', async () => {
    const folder = tempFolder('cancel');
    writeFixtureFolder(folder, { seed: 5, scale: 3 });
    const dbPath = join(tempFolder('cancel-db'), 'index.sqlite');
    let commits = 0;
    const cancelling = new IngestSession({ folder, dbPath: `${dbPath}.x`, options: { batchEvents: 7 } }, { onCommit: () => (++commits === 5 ? cancelling.cancel() : undefined) });
    await cancelling.indexOnce();
    await cancelling.close();
    const resumed = await indexOnce(folder, `${dbPath}.x`);
    const clean = await indexOnce(folder);
    const rows = (db: string): string[] => query<{ k: string }>(db, `SELECT s.path || ':' || e.line || ':' || ${rawTextSql('e')} AS k FROM events e JOIN sources s ON s.id = e.source_id ORDER BY k`).map((r) => r.k);
    assert.deepEqual(rows(resumed), rows(clean));
  });
});
