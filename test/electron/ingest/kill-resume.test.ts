import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { removeIndexFiles } from '../../../electron/index/open-index';
import { writeBenchCorpus } from '../../fixtures/bench-corpus';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { writeOtlpFolder } from '../../fixtures/write-otlp';
import { SeededRandom } from '../../fixtures/seeded-random';
import { indexOnce } from '../../support/index-folder';
import { indexAndKill } from '../../support/index-and-kill';
import { snapshot } from '../../support/index-snapshot';
import { tempFolder } from '../../support/temp-folder';

describe('killing the indexing process (SIGKILL) at random points', () => {
  it('resumes to exactly the index a clean run builds: no duplicates, no gaps, 20 kill points', async () => {
    const folder = tempFolder('kill');
    writeBenchCorpus(join(folder, 'bulk'), { events: 60_000, files: 12, seed: 3 });
    writeFixtureFolder(join(folder, 'mixed'), { seed: 8, scale: 2 });
    writeOtlpFolder(join(folder, 'otlp'));
    const clean = snapshot(await indexOnce(folder));
    const random = new SeededRandom(2026);
    const dbPath = join(tempFolder('kill-db'), 'index.sqlite');
    let kills = 0;
    // Four rounds from an empty index, five kills each, at growing random delays: the kill
    // points spread over discovery, the first batches, mid-file and late in the ingest.
    for (let round = 0; round < 4; round++) {
      removeIndexFiles(dbPath);
      for (let attempt = 0; attempt < 5; attempt++) {
        const delay = random.int(80, 400 + round * 400);
        if ((await indexAndKill(folder, dbPath, delay)).outcome === 'killed') kills++;
      }
      assert.equal((await indexAndKill(folder, dbPath, 600_000)).outcome, 'finished');
      const resumed = snapshot(dbPath);
      assert.equal(resumed.events.length, clean.events.length, `round ${round}: event count`);
      assert.deepEqual(resumed, clean, `round ${round}: identical to a clean index`);
    }
    assert.ok(kills >= 15, `most attempts were really killed mid-ingest (${kills} of 20)`);
  });
});
