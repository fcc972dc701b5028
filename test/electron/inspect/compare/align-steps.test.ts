import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ComparedStep } from '../../../../shared/model/comparison';
import { alignSteps, differences } from '../../../../electron/inspect/compare/align-steps';

function step(key: string, position: number, overrides: Partial<ComparedStep> = {}): ComparedStep {
  return { key, label: key, position, outcome: 'ok', failed: false, startMs: null, durationMs: 1000, error: null, sideEffects: { declared: [], observed: [] }, eventIds: [position + 1], ...overrides };
}

const keysOf = (steps: ReturnType<typeof alignSteps>): string[] => steps.map((s) => `${s.a === null ? '-' : 'A'}${s.b === null ? '-' : 'B'} ${s.key}`);

describe('alignSteps', () => {
  it('pairs equal keys in A order and puts a step only B has just before the next step both have', () => {
    const a = ['s0', 's1', 's3'].map((key, i) => step(key, i));
    const b = ['s0', 's2', 's3', 's4'].map((key, i) => step(key, i));
    assert.deepEqual(keysOf(alignSteps(a, b)), ['AB s0', 'A- s1', '-B s2', 'AB s3', '-B s4']);
  });

  it('keeps every step of both runs exactly once when the shared steps cross', () => {
    const a = ['x', 'y', 'z'].map((key, i) => step(key, i));
    const b = ['y', 'x', 'w'].map((key, i) => step(key, i));
    const aligned = alignSteps(a, b);
    assert.deepEqual(keysOf(aligned), ['AB x', 'AB y', 'A- z', '-B w']);
    assert.equal(aligned.filter((s) => s.b !== null).length, b.length);
  });

  it('gives the duration delta as B minus A, and none when either is unknown', () => {
    const [pair, unknown] = alignSteps([step('s', 0, { durationMs: 1200 }), step('t', 1, { durationMs: null })], [step('s', 0, { durationMs: 1500 }), step('t', 1)]);
    assert.equal(pair?.durationDeltaMs, 300);
    assert.equal(unknown?.durationDeltaMs, null);
  });

  it('aligns two runs of 30,000 steps linearly', () => {
    const a = Array.from({ length: 30_000 }, (_, i) => step(`k${i}`, i));
    const b = Array.from({ length: 30_000 }, (_, i) => step(`k${i}`, i, i === 29_000 ? { outcome: 'failed', failed: true } : {}));
    const start = performance.now();
    const aligned = alignSteps(a, b);
    const ms = performance.now() - start;
    assert.equal(aligned.length, 30_000);
    assert.equal(aligned.findIndex((s) => s.differences.length > 0), 29_000);
    assert.ok(ms < 2_000, `took ${ms} ms`);
  });
});

describe('differences', () => {
  it('counts outcome and side effects (as multisets), never error text or duration', () => {
    const effect = (description: string) => ({ category: 'FILE_SYSTEM', description, reversible: true });
    const a = step('s', 0, { error: 'x', durationMs: 5, sideEffects: { declared: [], observed: [effect('a'), effect('b')] } });
    assert.deepEqual(differences(a, step('s', 0, { error: 'y', durationMs: 9, sideEffects: { declared: [], observed: [effect('b'), effect('a')] } })), []);
    assert.deepEqual(differences(a, step('s', 0, { sideEffects: { declared: [], observed: [effect('a')] } })), ['side_effects']);
    assert.deepEqual(differences(a, step('s', 0, { outcome: 'ok', failed: true, sideEffects: a.sideEffects })), ['outcome']);
    assert.deepEqual(differences(a, null), ['only_in_a']);
    assert.deepEqual(differences(null, a), ['only_in_b']);
  });

  it('compares one side effect each by every field, as it compares several', () => {
    const one = (category: string, description: string, reversible: boolean | null) => step('s', 0, { sideEffects: { declared: [{ category, description, reversible }], observed: [] } });
    const a = one('NETWORK', 'POST /v1/charge', true);
    assert.deepEqual(differences(a, one('NETWORK', 'POST /v1/charge', true)), []);
    assert.deepEqual(differences(a, one('NETWORK', 'POST /v1/charge', null)), ['side_effects']);
    assert.deepEqual(differences(a, one('NETWORK', 'POST /v1/refund', true)), ['side_effects']);
    assert.deepEqual(differences(a, one('FILE_SYSTEM', 'POST /v1/charge', true)), ['side_effects']);
  });
});
