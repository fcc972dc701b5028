import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { INGEST_WORKER_LIMITS, IngestWorkerClient } from '../../../electron/ingest/ingest-worker-client';
import type { ResourceLimits } from 'node:worker_threads';
import { tempFolder } from '../../support/temp-folder';

describe('IngestWorkerClient', () => {
  it('runs the worker with a small young generation and the old generation left at V8 limit', async () => {
    const folder = tempFolder('worker-limits');
    writeFileSync(join(folder, 'exec.jsonl'), '{"trace_id":"t1","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n');
    let limits: ResourceLimits | undefined;
    let failure: string | null = null;
    const client: IngestWorkerClient = new IngestWorkerClient({ folder, dbPath: join(tempFolder('worker-limits-db'), 'i.sqlite'), watch: false }, (message) => {
      // Read while the worker runs: once it has stopped, Node reports no limits.
      if (message.type === 'opened') limits = client.resourceLimits;
      if (message.type === 'failed') failure = message.message;
    });
    await client.exited();
    assert.equal(failure, null);
    assert.ok(limits !== undefined, 'the worker opened its index');
    assert.equal(limits.maxYoungGenerationSizeMb, INGEST_WORKER_LIMITS.maxYoungGenerationSizeMb, 'V8 applied the young generation asked for');
    assert.ok((INGEST_WORKER_LIMITS.maxYoungGenerationSizeMb ?? Infinity) <= 16, 'the young generation is capped well under V8 default');
    // A 64 MiB JSON document must still parse: the old generation is not capped.
    assert.equal(INGEST_WORKER_LIMITS.maxOldGenerationSizeMb, undefined);
    assert.ok((limits.maxOldGenerationSizeMb ?? 0) >= 1024, `old generation ${limits.maxOldGenerationSizeMb} MB`);
  });
});
