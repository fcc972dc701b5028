import { strict as assert } from 'node:assert';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexOnce, query } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

interface FoundProblem {
  readonly path: string | null;
  readonly line: number | null;
  readonly code: string;
}

/** The problems a scan found (lines and files; the checks' come later), in the order the Problems list shows them. */
function problemsInListOrder(dbPath: string): FoundProblem[] {
  return query<FoundProblem>(dbPath, "SELECT s.path, p.line, p.code FROM problems p LEFT JOIN sources s ON s.id = p.source_id WHERE p.origin IN ('line', 'file') ORDER BY p.id");
}

describe('the order problems are stored in', () => {
  const folder = tempFolder('problem-order');
  writeFixtureFolder(join(folder, 'fixtures'), { seed: 5 });
  cpSync(PRODUCER_SAMPLES, join(folder, 'producers'), { recursive: true });

  it('is the order they were found in, file by file and line by line, wherever the batches fall', async () => {
    const found: FoundProblem[][] = [];
    for (const options of [{ batchEvents: 4000 }, { batchEvents: 3 }, { batchEvents: 4000, parseAheadMinBytes: 0 }, { batchEvents: 7, parseAheadMinBytes: 0 }]) {
      found.push(problemsInListOrder(await indexOnce(folder, join(tempFolder('problem-order-db'), 'index.sqlite'), options)));
    }
    const [first, ...others] = found as [FoundProblem[], ...FoundProblem[][]];
    assert.ok(first.some((problem) => problem.line !== null) && first.length > 20, 'the nasty cases gave problems of lines');
    for (const other of others) assert.deepEqual(other, first);
    // Each file's problems come together, their lines in order: a problem of a line that is no event is not put after the events' problems read after it.
    const seen = new Set<string | null>();
    let previous: FoundProblem | null = null;
    for (const problem of first) {
      if (problem.path !== previous?.path) {
        assert.ok(!seen.has(problem.path), `${problem.path}'s problems are apart`);
        seen.add(problem.path);
      } else if (problem.line !== null && previous.line !== null) {
        assert.ok(problem.line >= previous.line, `${problem.path}: line ${problem.line} after line ${previous.line}`);
      }
      previous = problem;
    }
  });
});
