import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

/** Every event of an index as line number and raw text, in line order. */
function linesOf(dbPath: string): { line: number; raw: string }[] {
  return query<{ line: number; raw: string }>(dbPath, `SELECT e.line, ${rawTextSql('e')} AS raw FROM events e ORDER BY e.line, e.part`);
}

/** A file indexed once while its last line has no newline yet, then once more after the rest was written. */
async function indexedInTwoReads(name: string, first: string, rest: string): Promise<{ twice: string; once: string }> {
  const growing = tempFolder('tail-growing');
  const whole = tempFolder('tail-whole');
  mkdirSync(join(growing, 'logs'));
  mkdirSync(join(whole, 'logs'));
  writeFileSync(join(growing, 'logs', name), first);
  writeFileSync(join(whole, 'logs', name), first + rest);
  const twice = join(tempFolder('tail-db'), 'index.sqlite');
  // A one-shot index takes the unterminated last line as complete: the producer may have stopped there for good.
  await indexOnce(growing, twice);
  appendFileSync(join(growing, 'logs', name), rest);
  await indexOnce(growing, twice);
  return { twice, once: await indexOnce(whole) };
}

describe('a last line taken without its newline, then continued', () => {
  it('in a text log, is read again whole: no line cut in two events, no line number shifted', async () => {
    const { twice, once } = await indexedInTwoReads('app.log', '2026-03-01 10:00:00 INFO first line\n2026-03-01 10:00:01 INFO hello', ' world\n2026-03-01 10:00:02 INFO third line\n');
    assert.deepEqual(linesOf(once).map((event) => event.line), [1, 2, 3]);
    assert.deepEqual(linesOf(twice), linesOf(once));
  });

  it('in a JSON lines file, is read again when a newline and more lines follow it', async () => {
    const { twice, once } = await indexedInTwoReads('events.jsonl', '{"timestamp":"2026-03-01T10:00:00Z","msg":"one"}\n{"timestamp":"2026-03-01T10:00:01Z","msg":"two"}', '\n{"timestamp":"2026-03-01T10:00:02Z","msg":"three"}\n');
    assert.deepEqual(linesOf(twice), linesOf(once));
    assert.deepEqual(query(twice, 'SELECT code, line FROM problems ORDER BY id'), query(once, 'SELECT code, line FROM problems ORDER BY id'));
  });
});
