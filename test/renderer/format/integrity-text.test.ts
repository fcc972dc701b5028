import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as IntegrityText from '../../../renderer/format/integrity-text';
import { EXECUTION_INTEGRITIES } from '../../../shared/model/execution-integrity';
import { loadRendererModule } from '../load-renderer-module';

const { claimedStatus, integrityText, INTEGRITY_FILTER_LABELS } = loadRendererModule<typeof IntegrityText>('format/integrity-text');

describe('integrity words', () => {
  it('says a broken record cannot be trusted, in red, and never calls a record without hashes broken', () => {
    assert.equal(integrityText('broken').tone, 'bad');
    assert.match(integrityText('broken').short, /untrusted/);
    assert.match(integrityText('broken').sentence, /cannot be trusted/);
    assert.doesNotMatch(integrityText('unhashed').short, /broken|untrusted/);
    assert.notEqual(integrityText('unhashed').tone, 'bad');
    assert.equal(integrityText('intact').tone, 'ok');
  });

  it('labels every state in the filter', () => {
    for (const state of EXECUTION_INTEGRITIES) assert.ok(INTEGRITY_FILTER_LABELS[state].length > 0, state);
  });

  it('never shows the claimed status of a broken record in green, and says it is claimed', () => {
    assert.deepEqual(claimedStatus('COMPLETED', 'ok', 'broken'), { text: 'COMPLETED (claimed, untrusted)', tone: 'neutral' });
    assert.deepEqual(claimedStatus('FAILED', 'bad', 'broken'), { text: 'FAILED (claimed, untrusted)', tone: 'bad' });
    assert.deepEqual(claimedStatus('COMPLETED', 'ok', 'intact'), { text: 'COMPLETED', tone: 'ok' });
    assert.deepEqual(claimedStatus('COMPLETED', 'ok', 'not_applicable'), { text: 'COMPLETED', tone: 'ok' });
  });
});
