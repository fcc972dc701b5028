import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { documentStepBodies, stepBodiesOf, streamStepBody } from '../../../shared/formats/record-step-body';
import { verifyChain } from '../../../electron/integrity/hash-chain';
import { chainStepEvents } from '../../fixtures/hash-chain-fixture';

const steps = chainStepEvents([
  { step_index: 0, step_name: 'plan', event_type: 'STARTED', timestamp: '2026-01-05T10:00:00Z' },
  { step_index: 0, step_name: 'plan', event_type: 'COMPLETED', timestamp: '2026-01-05T10:00:01Z' },
]);

describe('record step bodies', () => {
  it('takes an observer line without its kind: exactly what its event_hash covers', () => {
    const lines = steps.map((step) => JSON.parse(JSON.stringify({ kind: 'step_event', ...step })) as Record<string, unknown>);
    const bodies = lines.map(streamStepBody);
    assert.ok(bodies.every((body) => !('kind' in body)));
    assert.equal(verifyChain(bodies).chain, 'intact');
    // A body that is not what was hashed breaks the chain.
    assert.equal(verifyChain([bodies[0]!, { ...bodies[1]!, step_name: 'other' }]).chain, 'broken');
  });

  it('keeps an own __proto__ key of a line as data, never as the copy prototype', () => {
    const line = JSON.parse('{"kind":"step_event","__proto__":{"polluted":true},"step_index":1}') as Record<string, unknown>;
    const body = streamStepBody(line);
    assert.deepEqual(Object.keys(body), ['__proto__', 'step_index']);
    assert.equal(Object.getPrototypeOf(body), Object.prototype);
    assert.equal((body as { polluted?: unknown }).polluted, undefined);
  });

  it('takes a document step events that are objects, in order, and nothing inherited', () => {
    const document = { step_events: [steps[0], 'not a step', null, [1], steps[1]] } as Record<string, unknown>;
    assert.deepEqual(documentStepBodies(document), steps);
    assert.deepEqual(stepBodiesOf(document, 'document'), steps);
    assert.deepEqual(documentStepBodies(Object.create({ step_events: steps }) as Record<string, unknown>), []);
    assert.deepEqual(documentStepBodies({ step_events: 'none' }), []);
    assert.deepEqual(stepBodiesOf({ kind: 'step_event', step_index: 3 }, 'stream'), [{ step_index: 3 }]);
  });
});
