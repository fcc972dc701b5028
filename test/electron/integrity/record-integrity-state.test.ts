import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { recordIntegrityState } from '../../../electron/integrity/record-integrity-state';
import type { ChainVerdict } from '../../../shared/model/inspection';

const intact: ChainVerdict = { chain: 'intact', length: 4, chainHead: 'a'.repeat(64) };
const empty: ChainVerdict = { chain: 'intact', length: 0, chainHead: null };
const absent: ChainVerdict = { chain: 'absent', length: 3, chainHead: null };
const broken: ChainVerdict = { chain: 'broken', length: 4, chainHead: 'b'.repeat(64), brokenAt: 2, reason: 'previous_hash_mismatch' };

describe('the integrity state of a record', () => {
  it('is broken as soon as one chain breaks or the execution_hash mismatches', () => {
    assert.equal(recordIntegrityState([intact, broken], 'match'), 'broken');
    assert.equal(recordIntegrityState([intact], 'mismatch'), 'broken');
    assert.equal(recordIntegrityState([absent], 'mismatch'), 'broken');
  });

  it('is intact when some hash was recomputed and every one matches', () => {
    assert.equal(recordIntegrityState([intact], 'absent'), 'intact');
    assert.equal(recordIntegrityState([absent], 'match'), 'intact');
  });

  it('is unhashed, never broken, when the record carries no hash to check', () => {
    assert.equal(recordIntegrityState([absent], 'absent'), 'unhashed');
    assert.equal(recordIntegrityState([empty], 'absent'), 'unhashed');
    assert.equal(recordIntegrityState([], 'absent'), 'unhashed');
  });
});
