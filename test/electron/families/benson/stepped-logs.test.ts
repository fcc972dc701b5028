import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { indexOnce } from '../../../support/index-folder';
import { indexedApi } from '../../../support/indexed-service';
import { PRODUCER_SAMPLES } from '../../../support/producer-samples';
import { tempFolder } from '../../../support/temp-folder';

// ChainBridge writes each event to its telemetry file and to captured stdout. Tailed as they grow, the two files are
// read in steps, and a PAC's counted copies lie in both: its summary must still follow the order of emission.
const stepped = tempFolder('benson-stepped');
const oneShot = tempFolder('benson-one-shot');
const LOGS = ['benson_telemetry.jsonl', 'benson_stdout.log'] as const;
const FIRST_LINES = { 'benson_telemetry.jsonl': 19, 'benson_stdout.log': 17 } as const;

function firstLines(name: (typeof LOGS)[number]): Buffer {
  const whole = readFileSync(join(PRODUCER_SAMPLES, 'logs', name));
  let end = 0;
  for (let line = 0; line < FIRST_LINES[name]; line++) end = whole.indexOf(0x0a, end) + 1;
  return whole.subarray(0, end);
}

const steppedDb = join(tempFolder('benson-stepped-db'), 'index.sqlite');
const steppedApi = indexedApi(stepped, async () => {
  for (const folder of [stepped, oneShot]) mkdirSync(join(folder, 'logs'));
  for (const name of LOGS) {
    writeFileSync(join(oneShot, 'logs', name), readFileSync(join(PRODUCER_SAMPLES, 'logs', name)));
    writeFileSync(join(stepped, 'logs', name), firstLines(name));
  }
  // The first step is indexed here; indexedApi indexes the whole files into the same index after.
  await indexOnce(stepped, steppedDb);
  for (const name of LOGS) writeFileSync(join(stepped, 'logs', name), readFileSync(join(PRODUCER_SAMPLES, 'logs', name)));
}, steppedDb);
const oneShotApi = indexedApi(oneShot);

describe('a Benson PAC whose two logs were read in steps', () => {
  it('has the telemetry summary of the same logs read at once', async () => {
    const { items } = await oneShotApi.call('listExecutions', { families: ['benson'], limit: 50 });
    assert.ok(items.length >= 4, 'the producers\' PACs');
    for (const { id } of items) {
      assert.deepEqual(await steppedApi.call('getTelemetrySummary', { id }), await oneShotApi.call('getTelemetrySummary', { id }), id);
    }
  });
});
