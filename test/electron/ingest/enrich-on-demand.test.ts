import { strict as assert } from 'node:assert';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestWorkerClient } from '../../../electron/ingest/ingest-worker-client';
import type { FromIngestWorker } from '../../../electron/ingest/ingest-messages';
import { EnrichmentState } from '../../../electron/index/queries/enrichment-state';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { writeBenchCorpus } from '../../fixtures/bench-corpus';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexOnce, query } from '../../support/index-folder';
import { snapshot } from '../../support/index-snapshot';
import { assertSameIndex } from '../../support/assert-same-index';
import { tempFolder } from '../../support/temp-folder';

describe('an execution opened before the enrichment reached it', () => {
  it('is enriched on demand by the ingest worker, with the rows a full build gives it, and nothing twice', async () => {
    const folder = realpathSync(tempFolder('on-demand'));
    // Bulk first in id order, so the enrichment takes a while to reach the mixed folder's records.
    writeBenchCorpus(join(folder, 'a-bulk'), { events: 30_000, files: 4, seed: 4 });
    writeFixtureFolder(join(folder, 'b-mixed'), { seed: 12, scale: 1 });
    const clean = snapshot(await indexOnce(folder, undefined, { deferEnrichment: false }));
    const dbPath = join(tempFolder('on-demand-db'), 'index.sqlite');
    const messages: FromIngestWorker[] = [];
    let onScanned: () => void = () => undefined;
    const scanned = new Promise<void>((resolve) => (onScanned = resolve));
    let onEnriched: () => void = () => undefined;
    const enriched = new Promise<void>((resolve) => (onEnriched = resolve));
    // One-shot, like the clean index (a watch leaves an unterminated final line for its newline); it stops once enriched.
    const client = new IngestWorkerClient({ folder, dbPath, watch: false }, (message) => {
      messages.push(message);
      if (message.type === 'scanned') onScanned();
      if (message.type === 'enriched') onEnriched();
    });
    try {
      await scanned;
      const reader = openIndexReadOnly(dbPath);
      try {
        const state = new EnrichmentState(reader);
        const record = reader.prepare("SELECT id, key FROM executions WHERE family = 'record' ORDER BY id DESC LIMIT 1").get() as { id: number; key: string };
        // 30,000 bulk events come first in id order: fifteen enrichment steps before this record, and the request is served after one.
        assert.equal(state.executionWaits(record.id), true, 'the record waits for the enrichment');
        assert.equal(await client.enrichExecution(record.id), true, 'the worker enriched it ahead');
        assert.equal(state.executionWaits(record.id), false, 'nothing of it waits once the reply came');
        const steps = query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM step_events WHERE execution_id = ?', record.id)[0]!.n;
        assert.equal(steps, clean.steps.filter((row) => row.startsWith(`${record.key}:`)).length, 'its steps, all of them, once');
      } finally {
        reader.close();
      }
      await enriched;
      assert.ok(messages.some((m) => m.type === 'enrichment'), 'the enrichment reported progress');
      assertSameIndex(snapshot(dbPath), clean, 'the whole index, once the enrichment passed it, as a full build');
    } finally {
      await client.stop();
    }
  });

  it('is enriched at once while a long scan still runs, not after it, and the index ends as a full build', async () => {
    const folder = realpathSync(tempFolder('on-demand-scanning'));
    writeBenchCorpus(join(folder, 'bulk'), { events: 200_000, files: 4, seed: 5 });
    const clean = snapshot(await indexOnce(folder, undefined, { deferEnrichment: false }));
    const dbPath = join(tempFolder('on-demand-scanning-db'), 'index.sqlite');
    let scanned = false;
    let onEnriched: () => void = () => undefined;
    const enriched = new Promise<void>((resolve) => (onEnriched = resolve));
    const client = new IngestWorkerClient({ folder, dbPath, watch: false }, (message) => {
      if (message.type === 'scanned') scanned = true;
      if (message.type === 'enriched') onEnriched();
    });
    try {
      // The first executions the scan commits: a reviewer opens one of them while it reads on.
      const opened = await firstWaitingExecution(dbPath, () => scanned);
      assert.equal(await client.enrichExecution(opened.id), true, 'the worker enriched it');
      assert.equal(scanned, false, 'before the scan ended: it did not wait behind it');
      const reader = openIndexReadOnly(dbPath);
      try {
        assert.equal(new EnrichmentState(reader).executionWaits(opened.id), false, 'nothing of it waits');
      } finally {
        reader.close();
      }
      await enriched;
      assertSameIndex(snapshot(dbPath), clean, 'the whole index, once scanned and enriched, as a full build');
    } finally {
      await client.stop();
    }
  });
});

/** Polls a scan's index until an execution with derived rows waits for the enrichment; fails when the scan ends first. */
async function firstWaitingExecution(dbPath: string, scanEnded: () => boolean): Promise<{ readonly id: number }> {
  for (;;) {
    if (scanEnded()) assert.fail('the scan ended before any execution could be opened during it');
    try {
      const reader = openIndexReadOnly(dbPath);
      try {
        const state = new EnrichmentState(reader);
        const rows = reader.prepare("SELECT id FROM executions WHERE family IN ('benson', 'record', 'cycle') ORDER BY id LIMIT 20").all() as { id: number }[];
        const waiting = rows.find((row) => state.executionWaits(row.id));
        if (waiting !== undefined) return waiting;
      } finally {
        reader.close();
      }
    } catch {
      // The index file or its tables are not there yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
