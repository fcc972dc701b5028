import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { removeIndexFiles } from '../../../electron/index/open-index';
import { writeBenchCorpus } from '../../fixtures/bench-corpus';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { writeOtlpFolder } from '../../fixtures/write-otlp';
import { SeededRandom } from '../../fixtures/seeded-random';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';

const cli = join(__dirname, '..', '..', '..', 'electron', 'cli', 'main.js');

/** Starts `index` in a child process and SIGKILLs it after `delayMs` (or lets it finish first). */
function indexAndKill(folder: string, dbPath: string, delayMs: number): Promise<'killed' | 'finished'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'index', folder, '--db', dbPath, '--json'], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve('finished');
      else reject(new Error(`index exited with ${code}`));
    });
  });
}

/** Everything the index holds that a reader could see, in a comparable form. */
interface IndexSnapshot {
  readonly events: string[];
  readonly executions: string[];
  readonly problems: string[];
  readonly steps: string[];
  readonly counts: string[];
  readonly spans: string[];
}

function snapshot(dbPath: string): IndexSnapshot {
  const rows = (sql: string): string[] => query<{ k: string }>(dbPath, sql).map((r) => r.k);
  return {
    events: rows(`SELECT s.path || ':' || e.line || ':' || e.part || ':' || e.byte_offset || ':' || ${rawTextSql('e')} AS k FROM events e JOIN sources s ON s.id = e.source_id ORDER BY k`),
    executions: rows(
      "SELECT family || ':' || key || ':' || event_count || ':' || failure_count || ':' || problem_count || ':' || coalesce(status, '-') || ':' || coalesce(first_ts, '-') || ':' || coalesce(last_ts, '-') AS k FROM executions ORDER BY k",
    ),
    problems: rows("SELECT coalesce(s.path, '-') || ':' || coalesce(p.line, '-') || ':' || p.code AS k FROM problems p LEFT JOIN sources s ON s.id = p.source_id ORDER BY k"),
    steps: rows(
      `SELECT x.key || ':' || st.origin || ':' || st.seq || ':' || s.path || ':' || e.line || ':' || coalesce(st.step_index, '') || ':' || coalesce(st.event_type, '') AS k
       FROM step_events st JOIN executions x ON x.id = st.execution_id JOIN events e ON e.id = st.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
    ),
    counts: rows("SELECT family || ':' || events AS k FROM family_counts WHERE events > 0 ORDER BY k"),
    // An OTLP line holds many spans: each once, with its line and part.
    spans: rows(
      `SELECT x.key || ':' || o.span_id || ':' || coalesce(o.parent_span_id, '-') || ':' || s.path || ':' || e.line || ':' || e.part AS k
       FROM otlp_spans o JOIN executions x ON x.id = o.execution_id JOIN events e ON e.id = o.event_id JOIN sources s ON s.id = e.source_id ORDER BY k`,
    ),
  };
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
        if ((await indexAndKill(folder, dbPath, delay)) === 'killed') kills++;
      }
      assert.equal(await indexAndKill(folder, dbPath, 600_000), 'finished');
      const resumed = snapshot(dbPath);
      assert.equal(resumed.events.length, clean.events.length, `round ${round}: event count`);
      assert.deepEqual(resumed, clean, `round ${round}: identical to a clean index`);
    }
    assert.ok(kills >= 15, `most attempts were really killed mid-ingest (${kills} of 20)`);
  });
});
