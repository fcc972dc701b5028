import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareRotationOrder } from '../../../electron/ingest/rotation-order';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexedApi } from '../../support/indexed-service';
import { tempFolder } from '../../support/temp-folder';

describe('the order a directory\'s files are read in', () => {
  it('puts the rotations of one file oldest first, and other names in name order', () => {
    const names = ['b.log', 'app.jsonl', 'app.jsonl.1', 'app.jsonl.10.gz', 'app.jsonl.2.gz', 'app.json', 'app.jsonl.gz', 'a.txt.1', 'a.txt', 'notes.md'];
    assert.deepEqual(names.sort(compareRotationOrder), [
      'a.txt.1', 'a.txt', 'app.json', 'app.jsonl.10.gz', 'app.jsonl.2.gz', 'app.jsonl.1', 'app.jsonl', 'app.jsonl.gz', 'b.log', 'notes.md',
    ]);
  });
});

// A record's observer stream rotated once, as a folder copied after the rotation holds it: x.jsonl.1 has the older
// lines, x.jsonl the newer. Read newer first, the chain's first event after the rotation seemed to follow nothing.
const STREAM = join('records', 'observer', 'exec-ac9c-intact.jsonl');
const ID = 'record:exec-ac9c-intact';
const whole = tempFolder('rotation-whole');
const rotated = tempFolder('rotation-rotated');

function rotate(): void {
  writeFixtureFolder(whole, { seed: 4, scale: 1 });
  writeFixtureFolder(rotated, { seed: 4, scale: 1 });
  const lines = readFileSync(join(whole, STREAM), 'utf8').split(/(?<=\n)/);
  assert.ok(lines.length >= 4, 'the stream has lines on both sides of the rotation');
  writeFileSync(join(rotated, `${STREAM}.1`), lines.slice(0, 2).join(''));
  writeFileSync(join(rotated, STREAM), lines.slice(2).join(''));
}

const wholeApi = indexedApi(whole, rotate);
const rotatedApi = indexedApi(rotated);

describe('a record stream rotated once, indexed in one go', () => {
  it('keeps the verdict, steps and problems of the same stream unrotated: the chain is intact', async () => {
    const expected = await wholeApi.call('verifyExecution', { id: ID });
    const found = await rotatedApi.call('verifyExecution', { id: ID });
    assert.equal(expected.stream?.chain, 'intact', 'the fixture\'s chain is genuine');
    // Everything but the files it names, which are two here.
    const { sources: _expectedSources, ...expectedVerdict } = expected;
    const { sources, ...foundVerdict } = found;
    assert.deepEqual(foundVerdict, expectedVerdict);
    assert.deepEqual(sources.map((file) => file.path).filter((path) => path.includes('exec-ac9c-intact.jsonl')).sort(), [STREAM, `${STREAM}.1`].sort());
    const [a, b] = [await wholeApi.call('getExecution', { id: ID }), await rotatedApi.call('getExecution', { id: ID })];
    assert.equal(b.execution.integrity, 'intact');
    assert.equal(b.execution.problemCount, a.execution.problemCount);
    assert.deepEqual(b.chain, a.chain);
    assert.deepEqual(
      b.steps.map((step) => [step.index, step.name, step.status]),
      a.steps.map((step) => [step.index, step.name, step.status]),
    );
  });
});
