import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { writeBenchCorpus } from '../../fixtures/bench-corpus';
import type { IngestProgress } from '../../../electron/ingest/scan-progress';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';

function execLine(trace: string): string {
  return `{"trace_id":"${trace}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}\n`;
}

function traces(dbPath: string): string[] {
  return query<{ raw: string }>(dbPath, `SELECT ${rawTextSql('e')} AS raw FROM events e ORDER BY e.id`).map((r) => JSON.parse(r.raw).trace_id as string);
}

async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ingest session: cancel and rescan', () => {
  it('a session cancelled before its first scan reads nothing, not even changes, until rescan; then it reads everything once and watches again', async () => {
    const folder = realpathSync(tempFolder('session-cancel'));
    const dbPath = join(tempFolder('session-cancel-db'), 'index.sqlite');
    writeFileSync(join(folder, 'exec.jsonl'), execLine('a-0'));
    const notices: [IngestProgress['phase'], boolean][] = [];
    const scanned: IngestProgress['phase'][] = [];
    const session = new IngestSession({ folder, dbPath }, { onProgress: (progress, full) => notices.push([progress.phase, full]), onScanned: (progress) => scanned.push(progress.phase) });
    try {
      const watching = session.watch();
      assert.equal(await session.cancel(), true, 'the first scan is requested, so there is something to cancel');
      assert.deepEqual(notices, [['cancelled', true]], 'the owner hears of the cancellation at once');
      assert.equal((await watching).phase, 'cancelled');
      assert.deepEqual(scanned, ['cancelled'], 'the first scan ends, cancelled before its turn');
      assert.deepEqual(traces(dbPath), []);

      appendFileSync(join(folder, 'exec.jsonl'), execLine('a-1'));
      mkdirSync(join(folder, 'later'));
      writeFileSync(join(folder, 'later', 'more.jsonl'), execLine('l-0'));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(traces(dbPath), [], 'changes seen while cancelled are not read');
      assert.deepEqual(notices, [['cancelled', true]], 'and no scan reports progress');
      assert.equal(await session.cancel(), false, 'nothing runs, nothing to cancel');

      const run = session.rescan();
      assert.equal(await run.started, true);
      assert.equal((await run.finished)?.phase, 'done');
      assert.deepEqual(scanned, ['cancelled', 'done'], 'the rescan is announced when it ends; scans that follow changes are not');
      assert.deepEqual(notices.slice(1, 2), [['discovering', true]], 'the rescan is a full scan');
      await waitFor('the new sub-folder is read', () => traces(dbPath).includes('l-0'));
      assert.deepEqual(traces(dbPath).sort(), ['a-0', 'a-1', 'l-0']);

      appendFileSync(join(folder, 'exec.jsonl'), execLine('a-2'));
      await waitFor('an appended line is read while watching again', () => traces(dbPath).includes('a-2'));
      assert.ok(notices.slice(2).some(([, full]) => !full), 'scans that follow changes are not full scans');
      assert.deepEqual(traces(dbPath).sort(), ['a-0', 'a-1', 'a-2', 'l-0']);
    } finally {
      await session.close();
    }
  });

  it('a rescan requested while the first scan runs is not started; after close, nothing is', async () => {
    const folder = realpathSync(tempFolder('session-rescan'));
    const dbPath = join(tempFolder('session-rescan-db'), 'index.sqlite');
    writeFileSync(join(folder, 'exec.jsonl'), execLine('r-0'));
    const session = new IngestSession({ folder, dbPath });
    const watching = session.watch();
    const during = session.rescan();
    assert.equal(await during.started, false);
    assert.equal(await during.finished, null);
    await watching;
    await session.close();
    assert.equal(await session.rescan().started, false);
    assert.equal(await session.cancel(), false);
    assert.deepEqual(traces(dbPath), ['r-0']);
  });

  it('cancelling a running scan resolves once it has stopped: its last batch is committed, nothing after, and the last progress says cancelled', { timeout: 120_000 }, async () => {
    const folder = realpathSync(tempFolder('session-running'));
    const corpus = writeBenchCorpus(folder, { events: 100_000, files: 10, seed: 31 });
    const dbPath = join(tempFolder('session-running-db'), 'index.sqlite');
    let committed = 0;
    let firstCommit: () => void = () => undefined;
    const committing = new Promise<void>((resolve) => (firstCommit = resolve));
    const notices: IngestProgress['phase'][] = [];
    const session = new IngestSession({ folder, dbPath }, { onCommit: (added) => ((committed += added), firstCommit()), onProgress: (progress) => notices.push(progress.phase) });
    try {
      const watching = session.watch();
      await committing;
      assert.equal(await session.cancel(), true);
      const atAnswer = committed;
      const indexed = query<{ n: number }>(dbPath, 'SELECT COUNT(*) AS n FROM events')[0]?.n ?? -1;
      assert.equal(indexed, atAnswer, 'everything committed is in the index when cancel resolves');
      assert.ok(indexed > 0 && indexed < corpus.events, `${indexed} of ${corpus.events}`);
      assert.equal(notices.at(-1), 'cancelled');
      assert.equal((await watching).phase, 'cancelled');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(committed, atAnswer, 'nothing is committed after the answer');
      const run = session.rescan();
      assert.equal(await run.started, true);
      await run.finished;
      assert.equal(query<{ n: number }>(dbPath, 'SELECT COUNT(*) AS n FROM events')[0]?.n, corpus.events);
    } finally {
      await session.close();
    }
  });
});
