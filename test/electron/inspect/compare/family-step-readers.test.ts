import { strict as assert } from 'node:assert';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { EXECUTION_FAMILIES } from '../../../../shared/model/family';
import { openIndexReadOnly } from '../../../../electron/index/open-index';
import { ComparisonFacts } from '../../../../electron/index/queries/comparison-facts';
import { ExecutionFacts } from '../../../../electron/index/queries/execution-facts';
import { ExecutionAssembler } from '../../../../electron/inspect/assemble-execution';
import { ExecutionComparer } from '../../../../electron/inspect/compare/execution-comparer';
import { stepReaderOf } from '../../../../electron/inspect/compare/family-step-readers';
import { writeDivergentRunsFolder, type DivergentRuns } from '../../../fixtures/write-divergent-runs';
import { indexOnce } from '../../../support/index-folder';
import { tempFolder } from '../../../support/temp-folder';

describe('family step readers on generated runs of one plan', () => {
  let db: Database.Database;
  let comparer: ExecutionComparer;
  let assembler: ExecutionAssembler;
  let runs: DivergentRuns[];
  before(async () => {
    const folder = join(tempFolder('compare-readers'), 'evidence');
    runs = writeDivergentRunsFolder(folder, { seed: 3 });
    db = openIndexReadOnly(await indexOnce(realpathSync(folder)));
    assembler = new ExecutionAssembler(new ExecutionFacts(db));
    comparer = new ExecutionComparer(assembler, new ComparisonFacts(db));
  });
  after(() => db?.close());

  const run = (id: string) => {
    const execution = assembler.find(id);
    assert.ok(execution !== null, `${id} is indexed`);
    return comparer.run(execution);
  };

  it('has a reader for every family, each naming how it aligns', () => {
    assert.deepEqual(
      Object.fromEntries(EXECUTION_FAMILIES.map((family) => [family, stepReaderOf(family).alignedBy])),
      { 'exec-event': 'action', benson: 'phase and checkpoint id', cycle: 'cycle and step', stream: 'event type sequence', record: 'step index and name', otlp: 'event kind sequence' },
    );
  });

  for (const family of EXECUTION_FAMILIES) {
    it(`${family}: finds the known divergence, with the evidence lines of both runs, and nothing between two runs that did the same`, () => {
      const expected = runs.find((r) => r.family === family);
      assert.ok(expected !== undefined);
      const diverging = comparer.compare(run(expected.good), run(expected.diverging));
      assert.equal(diverging.firstDivergence?.at, 'step');
      assert.equal(diverging.firstDivergence?.position, expected.divergence.position);
      assert.equal(diverging.firstDivergence?.label, expected.divergence.label);
      assert.ok((diverging.firstDivergence?.reasons[0] ?? '').startsWith('outcome '), JSON.stringify(diverging.firstDivergence));
      // The steps before the divergence pair up and agree.
      const before = diverging.steps.slice(0, expected.divergence.position);
      assert.ok(before.every((step) => step.a !== null && step.b !== null && step.differences.length === 0));
      // The evidence is the raw lines of each run at that step, from each run's own file.
      assert.ok(diverging.evidence.a.length > 0 && diverging.evidence.b.length > 0);
      const pair = diverging.steps[expected.divergence.position];
      assert.deepEqual(
        diverging.evidence.b.map((line) => line.eventId),
        (pair?.b?.eventIds ?? []).slice(-4),
      );
      for (const line of [...diverging.evidence.a, ...diverging.evidence.b]) assert.ok(line.raw.startsWith('{') && line.line > 0, line.raw);

      const same = comparer.compare(run(expected.good), run(expected.same));
      assert.equal(same.firstDivergence, null, JSON.stringify(same.steps.filter((s) => s.differences.length > 0)));
      assert.equal(same.counts.different + same.counts.onlyInA + same.counts.onlyInB, 0);

      // B against A finds the same place.
      const reversed = comparer.compare(run(expected.diverging), run(expected.good));
      assert.equal(reversed.firstDivergence?.label, expected.divergence.label);
    });
  }

  it('record: the steps the diverging run never ran are only in the good one, and side effects are compared per step', () => {
    const expected = runs.find((r) => r.family === 'record');
    assert.ok(expected !== undefined);
    const comparison = comparer.compare(run(expected.good), run(expected.diverging));
    const after = comparison.steps.slice(expected.divergence.position + 1);
    assert.ok(after.length > 0);
    assert.ok(after.every((step) => step.b === null && step.differences[0] === 'only_in_a'));
    assert.equal(comparison.counts.onlyInA, after.length);
    const withEffect = comparison.steps.find((step) => (step.a?.sideEffects.observed.length ?? 0) > 0);
    assert.deepEqual(withEffect?.a?.sideEffects.observed, withEffect?.b?.sideEffects.observed);
    // captured_at differs between any two runs: shown, never a divergence.
    const capturedAt = comparison.snapshots.pre.find((field) => field.field === 'captured_at');
    assert.equal(capturedAt?.change, 'changed');
    assert.equal(capturedAt?.counts, false);
  });
});
