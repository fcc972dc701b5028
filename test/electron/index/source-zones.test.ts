import { strict as assert } from 'node:assert';
import { copyFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openIndex } from '../../../electron/index/open-index';
import { hadNaiveTimes, naiveTimesOf, SourceZones } from '../../../electron/index/source-zones';
import { indexOnce } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

describe('SourceZones', () => {
  it('lists as stale only the sources with times without zone read in another zone than wanted', async () => {
    const folder = realpathSync(tempFolder('source-zones'));
    copyFileSync(join(PRODUCER_SAMPLES, 'executions', 'exec-ok-1.json'), join(folder, 'exec-ok-1.json'));
    writeFileSync(join(folder, 'zoned.jsonl'), '{"trace_id":"z","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-12-03T08:00:00Z"}\n');
    const dbPath = await indexOnce(folder);
    const { db } = openIndex(dbPath, folder);
    try {
      const zones = new SourceZones(db);
      assert.deepEqual(zones.stale(() => null), [], 'read as UTC, wanted UTC');
      assert.deepEqual(zones.stale(() => 'Asia/Kolkata').map((source) => source.path), ['exec-ok-1.json'], 'the zoned file never depends on a zone');
      const id = (db.prepare("SELECT id FROM sources WHERE path = 'exec-ok-1.json'").get() as { id: number }).id;
      zones.record(id, 'Asia/Kolkata');
      assert.deepEqual(zones.stale(() => 'Asia/Kolkata'), []);
      assert.deepEqual(zones.stale(() => null).map((source) => source.id), [id]);
    } finally {
      db.close();
    }
  });

  it('reads the carry: noZone means times without zone; a torn or absent carry means none', () => {
    assert.equal(hadNaiveTimes('{"openPac":null,"noZone":true}'), true);
    assert.equal(hadNaiveTimes('{"openPac":null}'), false);
    assert.equal(hadNaiveTimes('{"openPac"'), false);
    assert.equal(hadNaiveTimes(null), false);
    assert.deepEqual(naiveTimesOf('{"openPac":null,"noZone":true}', undefined), { zone: null });
    assert.deepEqual(naiveTimesOf('{"openPac":null,"noZone":true}', 'UTC'), { zone: 'UTC' });
    assert.equal(naiveTimesOf(null, 'UTC'), null);
  });
});
