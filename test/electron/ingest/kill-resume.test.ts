import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
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
import { assertSameIndex } from '../../support/assert-same-index';
import { tempFolder } from '../../support/temp-folder';

const session = join(__dirname, '..', '..', '..', 'electron', 'ingest', 'ingest-session.js');

/**
 * Indexes in a child process that says when its scan ended (lists usable, the
 * enrichment starting) and SIGKILLs it `delayMs` after that: a kill inside the
 * enrichment phase. Resolves `finished` when the child ended first.
 */
function enrichAndKill(folder: string, dbPath: string, delayMs: number): Promise<'killed' | 'finished'> {
  const script = `
    const [session, folder, dbPath] = process.argv.slice(1);
    const { IngestSession } = require(session);
    const s = new IngestSession({ folder, dbPath }, { onScanned: () => process.stdout.write('scanned\\n') });
    s.indexOnce().then(() => s.close()).then(() => process.exit(0), (e) => { console.error(e); process.exit(3); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, session, folder, dbPath], { stdio: ['ignore', 'pipe', 'inherit'] });
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      if (timer === undefined && chunk.toString().includes('scanned')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`index exited with ${code}`));
    });
  });
}

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
      assertSameIndex(resumed, clean, `round ${round}: identical to a clean index`);
    }
    assert.ok(kills >= 15, `most attempts were really killed mid-ingest (${kills} of 20)`);
  });

  it('resumes a killed enrichment (full text, derived rows, checks) to exactly the clean index, 8 kill points', async () => {
    const folder = tempFolder('kill-enrich');
    writeBenchCorpus(join(folder, 'bulk'), { events: 40_000, files: 6, seed: 5 });
    writeFixtureFolder(join(folder, 'mixed'), { seed: 9, scale: 2 });
    writeOtlpFolder(join(folder, 'otlp'));
    const clean = snapshot(await indexOnce(folder, undefined, { deferEnrichment: false }));
    const random = new SeededRandom(16);
    const dbPath = join(tempFolder('kill-enrich-db'), 'index.sqlite');
    let kills = 0;
    for (let round = 0; round < 2; round++) {
      removeIndexFiles(dbPath);
      // The first kill lands after the scan; the later ones in the enrichment the next run resumes.
      for (let attempt = 0; attempt < 4; attempt++) {
        if ((await enrichAndKill(folder, dbPath, random.int(0, 300))) === 'killed') kills++;
      }
      assert.equal(await enrichAndKill(folder, dbPath, 600_000), 'finished');
      assertSameIndex(snapshot(dbPath), clean, `round ${round}: identical to an index written inline`);
    }
    // Each kill leaves less to enrich, so a late attempt of a round may finish first.
    assert.ok(kills >= 4, `half the attempts or more were really killed in the enrichment (${kills} of 8)`);
  });
});
