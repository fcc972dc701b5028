import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { writeBenchCorpus } from '../fixtures/bench-corpus';
import { tempFolder } from '../support/temp-folder';
import { measureBlockDesign } from './block-design-ceiling';
import { listFiles } from './parse-baseline';

// The bench's yardstick for the block design is a figure the verdict rests on: it must do the work it
// claims (every line read, every byte stored, every line searchable), or it would flatter that design.
describe('the block design\'s idealized scan (a bench yardstick)', () => {
  for (const workers of [1, 2]) {
    it(`with ${workers} parse worker(s), stores every byte of every file, every execution and every line's search text`, async () => {
      const folder = tempFolder('block-design-ceiling');
      const written = writeBenchCorpus(folder, { events: 12_000, files: 3, seed: 5 });
      const files = listFiles(folder);
      const traced = files.flatMap((file) => readFileSync(file, 'utf8').split('\n')).filter((line) => line.includes('"trace_id"'));
      const key = (JSON.parse(traced[traced.length >> 1] as string) as Record<string, unknown>)['trace_id'];
      let stored: Buffer[] = [];
      let lineFacts = 0;
      let matches = 0;
      const result = await measureBlockDesign(folder, workers, true, (db) => {
        stored = files.map((_, index) =>
          Buffer.concat(
            (db.prepare('SELECT data FROM blocks WHERE source_id = ? ORDER BY id').pluck().all(index + 1) as Buffer[]).map((block) => inflateRawSync(block)),
          ),
        );
        for (const facts of db.prepare('SELECT facts FROM blocks').pluck().all() as Buffer[]) lineFacts += facts.length / 8 / 8;
        matches = db.prepare('SELECT count(*) FROM text_runs_fts WHERE text_runs_fts MATCH ?').pluck().get(`"${String(key)}"`) as number;
      });
      assert.equal(result.lines, written.events);
      assert.equal(lineFacts, written.events, 'eight facts per line');
      files.forEach((file, index) => assert.ok(readFileSync(file).equals(stored[index] as Buffer), `${file} stored byte for byte`));
      assert.ok(result.executions > 0 && result.executions < written.events, `${result.executions} executions`);
      assert.equal(typeof key, 'string');
      assert.ok(matches >= 1, `the line's key ${String(key)} is found by full text`);
    });
  }
});
