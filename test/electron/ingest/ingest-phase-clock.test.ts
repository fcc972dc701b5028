import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { IngestPhaseClock } from '../../../electron/ingest/ingest-phase-clock';
import { IngestWorkerClient } from '../../../electron/ingest/ingest-worker-client';
import { tempFolder } from '../../support/temp-folder';

describe('IngestPhaseClock', () => {
  it('times the lists at the first scanned and search at the first enriched, from the start', () => {
    const clock = new IngestPhaseClock(1000);
    clock.observe({ type: 'progress' }, 1100);
    clock.observe({ type: 'scanned' }, 1400);
    clock.observe({ type: 'scanned' }, 1500);
    clock.observe({ type: 'enriched' }, 2300);
    clock.observe({ type: 'enriched' }, 2600);
    assert.equal(clock.searchAnnounced, true);
    assert.deepEqual(clock.phases(3000), { queryableMs: 400, searchableMs: 1300 });
  });

  it('times search at the first searchable when the worker says it before the enrichment ends (the checks follow it)', () => {
    const clock = new IngestPhaseClock(1000);
    clock.observe({ type: 'scanned' }, 1400);
    clock.observe({ type: 'searchable' }, 2000);
    clock.observe({ type: 'enriched' }, 2300);
    assert.equal(clock.searchAnnounced, true);
    assert.deepEqual(clock.phases(3000), { queryableMs: 400, searchableMs: 1000 });
  });

  it('without an enriched message, search is ready when the worker ends', () => {
    const clock = new IngestPhaseClock(1000);
    clock.observe({ type: 'scanned' }, 1400);
    clock.observe({ type: 'stopped' }, 1450);
    assert.equal(clock.searchAnnounced, false);
    assert.deepEqual(clock.phases(1500), { queryableMs: 400, searchableMs: 500 });
  });

  it('a worker that never reported its scan has both phases at its end; search never precedes the lists', () => {
    assert.deepEqual(new IngestPhaseClock(1000).phases(1250), { queryableMs: 250, searchableMs: 250 });
    const early = new IngestPhaseClock(1000);
    early.observe({ type: 'enriched' }, 1200);
    early.observe({ type: 'scanned' }, 1300);
    assert.deepEqual(early.phases(1400), { queryableMs: 300, searchableMs: 300 });
  });

  it('times a real worker indexing a folder: lists queryable at its scanned, search at its searchable, before it has ended', async () => {
    const folder = tempFolder('phase-clock');
    const lines = Array.from({ length: 200 }, (_, i) => `{"trace_id":"t${i}","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n`);
    writeFileSync(join(folder, 'exec.jsonl'), lines.join(''));
    const started = performance.now();
    const clock = new IngestPhaseClock(started);
    let scannedAt: number | null = null;
    let searchableAt: number | null = null;
    let enrichedAt: number | null = null;
    const client = new IngestWorkerClient({ folder, dbPath: join(tempFolder('phase-clock-db'), 'i.sqlite'), watch: false }, (message) => {
      clock.observe(message);
      if (message.type === 'scanned') scannedAt ??= performance.now();
      if (message.type === 'searchable') searchableAt ??= performance.now();
      if (message.type === 'enriched') enrichedAt ??= performance.now();
    });
    await client.exited();
    const ended = performance.now();
    const phases = clock.phases(ended);
    assert.ok(scannedAt !== null, 'the worker reports the end of its scan');
    assert.ok(Math.abs(phases.queryableMs - (scannedAt - started)) <= 1, `${phases.queryableMs} vs ${scannedAt - started}`);
    assert.ok(phases.queryableMs > 0);
    assert.ok(searchableAt !== null && searchableAt > scannedAt, 'search is whole after the scan');
    assert.ok(enrichedAt !== null && enrichedAt >= searchableAt, 'and the enrichment ends after that');
    assert.ok(Math.abs(phases.searchableMs - (searchableAt - started)) <= 1, `${phases.searchableMs} vs ${searchableAt - started}`);
    assert.ok(phases.searchableMs <= Math.round(ended - started));
  });
});
