import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexedApi } from '../../support/indexed-service';
import { tempFolder } from '../../support/temp-folder';

// A record's observer stream links its step events in a hash chain; nothing hashes its side_effect lines. One taken
// out leaves every verdict as it was, so the verdict must say what its chain does not cover.
const STREAM = join('records', 'observer', 'exec-ac9c-intact.jsonl');
const ID = 'record:exec-ac9c-intact';
const whole = tempFolder('stream-whole');
const edited = tempFolder('stream-edited');

const wholeApi = indexedApi(whole, () => {
  writeFixtureFolder(whole, { seed: 4, scale: 1 });
  writeFixtureFolder(edited, { seed: 4, scale: 1 });
  const lines = readFileSync(join(edited, STREAM), 'utf8').split(/(?<=\n)/);
  const firstSideEffect = lines.findIndex((line) => line.includes('"kind":"side_effect"'));
  assert.ok(firstSideEffect > 0, 'the stream records side effects');
  writeFileSync(join(edited, STREAM), lines.filter((_, index) => index !== firstSideEffect).join(''));
});
const editedApi = indexedApi(edited);

describe('a record verdict and what its stream chain does not cover', () => {
  it('says that the stream\'s side_effect lines carry no hash, which is why one taken out changes no verdict', async () => {
    const [before, after] = [await wholeApi.call('verifyExecution', { id: ID }), await editedApi.call('verifyExecution', { id: ID })];
    assert.equal(before.stream?.chain, 'intact');
    assert.equal(after.stream?.chain, 'intact', 'the chain links step events only');
    for (const verdict of [before, after]) assert.match(verdict.statement, /Not covered by the stream's chain: its side_effect, execution_started and execution_finished lines/);
  });
});
