import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { keepFirstNoZone, type SourceCarry } from '../../../electron/index/source-carry';
import type { LineProblem } from '../../../shared/model/problem-code';

const noZone: LineProblem = { code: 'time.no_zone', message: 'timestamp "2026-12-03T13:25:33" has no time zone' };
const offset: LineProblem = { code: 'time.not_utc', message: 'timestamp has offset +02:00' };

describe('time.no_zone once per file', () => {
  it('keeps the first no-zone problem of a file and drops the later ones, across batches, never other problems', () => {
    const carry: SourceCarry = { openPac: null };
    let lookups = 0;
    const carryOf = (): SourceCarry => {
      lookups++;
      return carry;
    };
    assert.deepEqual(keepFirstNoZone([offset], carryOf), [offset]);
    assert.equal(lookups, 0, 'a line without the problem does not touch the carry');
    assert.deepEqual(keepFirstNoZone([noZone, offset, noZone], carryOf), [noZone, offset], 'one per line too');
    assert.deepEqual(keepFirstNoZone([noZone], carryOf), []);
    assert.equal(carry.noZone, true);
    const restored = JSON.parse(JSON.stringify(carry)) as SourceCarry;
    assert.deepEqual(keepFirstNoZone([noZone, offset], () => restored), [offset], 'the flag survives with the source row');
  });
});
