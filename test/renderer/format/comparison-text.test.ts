import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as ComparisonTextModule from '../../../renderer/format/comparison-text';
import type { AlignedStep, BaselineVerdict } from '../../../shared/model/comparison';
import { loadRendererModule } from '../load-renderer-module';

const { alignedStepCells, baselineVerdictText, deltaText, nextDifference, scopeText } = loadRendererModule<typeof ComparisonTextModule>('format/comparison-text');

function step(label: string, differs: boolean, side: Partial<NonNullable<AlignedStep['a']>> = {}): AlignedStep {
  const run = { key: label, label, position: 0, outcome: 'COMPLETED', failed: false, startMs: null, durationMs: 1500, error: null, sideEffects: { declared: [], observed: [] }, eventIds: [1], ...side };
  return { key: label, label, a: run, b: differs ? null : run, durationDeltaMs: differs ? null : 0, differences: differs ? ['only_in_a'] : [] };
}

describe('comparison text', () => {
  it('formats an aligned step: outcome and error per run, a missing side, the delta with its sign', () => {
    const cells = alignedStepCells({ ...step('step 3 · Load', false), b: { ...step('x', false).a!, outcome: 'FAILED', error: 'disk full', durationMs: 2500 }, durationDeltaMs: 1000, differences: ['outcome'] });
    assert.equal(cells.label, 'step 3 · Load');
    assert.equal(cells.a, 'COMPLETED');
    assert.equal(cells.b, 'FAILED · disk full');
    assert.notEqual(cells.durationA, cells.durationB);
    assert.match(cells.delta, /^\+/);
    assert.equal(cells.differences, 'outcome');
    assert.equal(alignedStepCells(step('only', true)).b, 'not in this run');
    assert.equal(deltaText(0), '±0');
    assert.equal(deltaText(null), '');
    assert.match(deltaText(-2000), /^−/);
  });

  it('finds the next and previous differing step, wrapping around, and none when all agree', () => {
    const steps = [step('a', false), step('b', true), step('c', false), step('d', true)];
    assert.equal(nextDifference(steps, null), 1);
    assert.equal(nextDifference(steps, 1), 3);
    assert.equal(nextDifference(steps, 3), 1, 'wraps');
    assert.equal(nextDifference(steps, 1, -1), 3, 'backwards wraps');
    assert.equal(nextDifference(steps, null, -1), 3);
    assert.equal(nextDifference([step('a', false)], null), null);
    assert.equal(nextDifference([], null), null);
  });

  it('says where an execution stands against its baseline, and nothing without one', () => {
    const verdict = (state: BaselineVerdict['state']): BaselineVerdict => ({
      executionId: 'record:b',
      scope: { family: 'record', kind: 'plan', value: 'plan-a' },
      baselineId: state === 'none' ? null : 'record:a',
      state,
      divergence: state === 'diverges' ? { at: 'step', position: 3, label: 'step 3 · Load', reasons: [] } : null,
    });
    assert.equal(baselineVerdictText(verdict('diverges')), 'diverges at step 3 · Load');
    assert.equal(baselineVerdictText(verdict('same')), 'same as baseline');
    assert.equal(baselineVerdictText(verdict('baseline')), 'baseline');
    assert.equal(baselineVerdictText(verdict('none')), '');
    assert.equal(baselineVerdictText(undefined), '');
    assert.equal(scopeText({ family: 'record', kind: 'plan', value: 'plan-a' }), 'plan plan-a');
    assert.equal(scopeText({ family: 'stream', kind: 'missions', value: 'stream' }), 'all mission streams');
  });
});
