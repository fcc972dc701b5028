import { strict as assert } from 'node:assert';
import { appendFileSync, realpathSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { API, type ApiMethod, type ApiResponse, type IndexChange } from '../../../shared/api/contract';
import { FolderInspector } from '../../../electron/api/folder-inspector';
import { writeBenchCorpus } from '../../fixtures/bench-corpus';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

const EXEC_LINE = '{"trace_id":"t","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n';

/** Calls a method that must succeed and parses its answer with the contract. */
async function call<M extends ApiMethod>(inspector: FolderInspector, method: M): Promise<ApiResponse<M>> {
  const result = await inspector.service.call(method, {});
  if (!result.ok) assert.fail(`${method} failed: ${result.error.code} ${result.error.message}`);
  return API[method].response.parse(result.value) as ApiResponse<M>;
}

/** Events in the index, all families. */
function totalEvents(summary: ApiResponse<'summary'>): number {
  return Object.values(summary.events).reduce((sum, n) => sum + n, 0);
}

async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== null) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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

  it('cancelIndexing stops a running scan and holds the index still; rescan reads the rest, every event exactly once', { timeout: 300_000 }, async () => {
    const folder = realpathSync(tempFolder('cancel-big'));
    const corpus = writeBenchCorpus(folder, { events: 200_000, files: 40, seed: 9 });
    writeFileSync(join(folder, 'extra.jsonl'), EXEC_LINE);
    const dbPath = join(tempFolder('cancel-big-db'), 'i.sqlite');
    const inspector = await FolderInspector.open({ folder, dbPath, dataDir: tempFolder('cancel-big-data'), watch: true });
    try {
      // Cancel once the scan has committed some batches, while it is still reading.
      await until('the scan has indexed some events', async () => {
        const summary = await call(inspector, 'summary');
        return summary.progress.phase === 'indexing' && totalEvents(summary) > 0 ? summary : null;
      });
      assert.deepEqual(await call(inspector, 'cancelIndexing'), { cancelled: true });
      assert.equal((await call(inspector, 'summary')).progress.phase, 'cancelled', 'the next summary reads the cancelled phase');
      await inspector.initialScan();
      const stopped = await call(inspector, 'summary');
      assert.equal(stopped.progress.phase, 'cancelled');
      const partial = totalEvents(stopped);
      console.log(`# cancelled after ${partial} of ${corpus.events} events`);
      assert.ok(partial > 0 && partial < corpus.events, `${partial} of ${corpus.events} events indexed when cancelled`);

      // Cancelled means held still: a line appended now is noticed but not read, and nothing else is either.
      appendFileSync(join(folder, 'extra.jsonl'), EXEC_LINE);
      await new Promise((resolve) => setTimeout(resolve, 800));
      const still = await call(inspector, 'summary');
      assert.equal(still.progress.phase, 'cancelled');
      assert.equal(totalEvents(still), partial);
      assert.deepEqual(await call(inspector, 'cancelIndexing'), { cancelled: false }, 'nothing is running to cancel');

      assert.deepEqual(await call(inspector, 'rescan'), { started: true });
      assert.notEqual((await call(inspector, 'summary')).progress.phase, 'cancelled');
      assert.deepEqual(await call(inspector, 'rescan'), { started: false }, 'a full scan is already under way');
      const resumed = await until('the rescan is done', async () => {
        const summary = await call(inspector, 'summary');
        return summary.progress.phase === 'watching' ? summary : null;
      });
      assert.equal(totalEvents(resumed), corpus.events + 2, 'the corpus and both lines of extra.jsonl');
      const duplicates = query<{ n: number }>(dbPath, 'SELECT COUNT(*) AS n FROM (SELECT source_id, line FROM events GROUP BY source_id, line HAVING COUNT(*) > 1)');
      assert.equal(duplicates[0]?.n, 0, 'no line is indexed twice');
      const offsets = query<{ n: number }>(dbPath, 'SELECT COUNT(*) AS n FROM (SELECT source_id, byte_offset FROM events GROUP BY source_id, byte_offset HAVING COUNT(*) > 1)');
      assert.equal(offsets[0]?.n, 0, 'no byte range is indexed twice');

      // Watching again: appended lines are read as they come.
      appendFileSync(join(folder, 'extra.jsonl'), EXEC_LINE);
      await until('the appended line is read', async () => {
        const summary = await call(inspector, 'summary');
        return totalEvents(summary) === corpus.events + 3 ? summary : null;
      }, 20_000);
      // A rescan of an indexed folder starts, reads nothing new, and ends watching.
      assert.deepEqual(await call(inspector, 'rescan'), { started: true });
      const again = await until('the second rescan is done', async () => {
        const summary = await call(inspector, 'summary');
        return summary.progress.phase === 'watching' ? summary : null;
      });
      assert.equal(totalEvents(again), corpus.events + 3);
    } finally {
      await inspector.close();
    }
  });

  it('never says indexing is over while events lack full text; tells of the enrichment\'s steps as progress only, with a data change at most every 3 s and one at its end', { timeout: 300_000 }, async () => {
    const folder = realpathSync(tempFolder('enrich-notices'));
    writeBenchCorpus(folder, { events: 250_000, files: 10, seed: 4 });
    const inspectorDb = join(tempFolder('enrich-notices-db'), 'i.sqlite');
    const inspector = await FolderInspector.open({ folder, dbPath: inspectorDb, dataDir: tempFolder('enrich-notices-data'), watch: false });
    const changes: IndexChange[] = [];
    inspector.onChange((change) => changes.push(change));
    // Whenever the summary says the scan is over and nothing is being enriched, search must cover every event.
    let finished = false;
    let claimedReady = 0;
    const watchSummary = (async () => {
      while (!finished) {
        const summary = await call(inspector, 'summary');
        if ((summary.progress.phase === 'done' || summary.progress.phase === 'watching') && summary.progress.enrichment === null) {
          const [marks] = query<{ enriched: number; last: number }>(inspectorDb, "SELECT (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'enriched_through') AS enriched, (SELECT max(id) FROM events) AS last");
          assert.ok(marks !== undefined && marks.enriched >= marks.last, `the summary says indexing is over with no enrichment, but events ${marks?.enriched}..${marks?.last} have no full text`);
          claimedReady++;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    try {
      await inspector.initialScan();
      finished = true;
      await watchSummary;
      const settled = await call(inspector, 'summary');
      assert.equal(settled.progress.phase, 'done');
      assert.equal(settled.progress.enrichment, null);
      console.log(`# ${claimedReady} summaries during the run said search was ready`);
      await new Promise((resolve) => setTimeout(resolve, 400));
      const progressOnly = changes.filter((change) => !change.data);
      assert.ok(progressOnly.length >= 3, `${progressOnly.length} progress-only notices among ${changes.length}`);
      const first = progressOnly[0]!.at;
      const last = progressOnly.at(-1)!.at;
      const dataDuring = changes.filter((change) => change.data && change.at > first && change.at < last).map((change) => change.at);
      console.log(`# ${changes.length} notices, ${progressOnly.length} progress-only over ${last - first} ms, ${dataDuring.length} data changes among them`);
      for (let i = 1; i < dataDuring.length; i++) assert.ok(dataDuring[i]! - dataDuring[i - 1]! >= 2_900, `data changes ${dataDuring[i]! - dataDuring[i - 1]!} ms apart during the enrichment`);
      const end = changes.at(-1)!;
      assert.equal(end.data, true, 'the enrichment\'s end is a data change: search and checks now cover everything');
      assert.ok(end.at >= last);
    } finally {
      await inspector.close();
    }
  });

  it('one-shot (CLI) inspectors have nothing to cancel or rescan once indexed', async () => {
    const folder = realpathSync(tempFolder('oneshot'));
    writeFileSync(join(folder, 'exec.jsonl'), EXEC_LINE);
    const inspector = await FolderInspector.open({ folder, dbPath: join(tempFolder('oneshot-db'), 'i.sqlite'), dataDir: tempFolder('oneshot-data'), watch: false });
    try {
      await inspector.initialScan();
      assert.deepEqual(await call(inspector, 'cancelIndexing'), { cancelled: false });
      assert.deepEqual(await call(inspector, 'rescan'), { started: false });
      assert.equal((await call(inspector, 'summary')).progress.phase, 'done');
    } finally {
      await inspector.close();
    }
  });
});
