import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { quoteLine, resolveTarget, TARGET_TEXT_LIMIT } from '../../../electron/inspect/journal-target-line';
import { indexedDemo } from './open-inspection';

describe('resolveTarget', async () => {
  const { targets } = await indexedDemo('target-line');
  const ID = 'record:exec-drop-7';

  it('quotes an execution by its first event, a step by its first event, an event by itself, each with the hash of the whole line', () => {
    const execution = resolveTarget(targets, { executionId: ID });
    assert.ok('target' in execution);
    const first = targets.executionFirstEvent(ID);
    assert.deepEqual(execution.target, { executionId: ID, stepIndex: null, eventId: null });
    assert.deepEqual([execution.line.which, execution.line.sha256], ['execution-first-event', createHash('sha256').update(first?.raw ?? '').digest('hex')]);
    const step = resolveTarget(targets, { executionId: ID, stepIndex: 2 });
    assert.ok('target' in step);
    assert.deepEqual([step.target.stepIndex, step.line.which], [2, 'step-first-event']);
    const eventId = targets.stepFirstEvent(ID, 2)?.eventId ?? 0;
    const event = resolveTarget(targets, { eventId });
    assert.ok('target' in event);
    assert.deepEqual(event.target, { executionId: ID, stepIndex: null, eventId });
    assert.equal(event.line.which, 'event');
  });

  it('says why a target does not exist instead of quoting something else', () => {
    assert.deepEqual(resolveTarget(targets, {}), { missing: 'a note names an execution, a step of one, or an event' });
    assert.match((resolveTarget(targets, { executionId: 'record:nope' }) as { missing: string }).missing, /no execution/);
    assert.match((resolveTarget(targets, { executionId: ID, stepIndex: 50 }) as { missing: string }).missing, /no step 50/);
    assert.match((resolveTarget(targets, { eventId: 987_654_321 }) as { missing: string }).missing, /no event/);
    const eventId = targets.executionFirstEvent('record:exec-drop-6')?.eventId ?? 0;
    assert.match((resolveTarget(targets, { executionId: ID, eventId }) as { missing: string }).missing, /does not belong to/);
  });

  it('quotes at most TARGET_TEXT_LIMIT characters of a long line and says it did, the hash still of all of it', () => {
    const raw = `{"blob":"${'x'.repeat(TARGET_TEXT_LIMIT * 2)}"}`;
    const line = quoteLine('event', { eventId: 1, executionId: null, path: 'a.jsonl', line: 1, raw });
    assert.equal(line.text.length, TARGET_TEXT_LIMIT);
    assert.equal(line.textTruncated, true);
    assert.equal(line.sha256, createHash('sha256').update(raw).digest('hex'));
    assert.equal(quoteLine('event', { eventId: 1, executionId: null, path: 'a.jsonl', line: 1, raw: '{}' }).textTruncated, false);
  });
});
