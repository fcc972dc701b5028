import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { comparisonSchema } from '../../../shared/model/comparison';
import { writeDivergentRunsFolder, type DivergentRuns } from '../../fixtures/write-divergent-runs';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

describe('CLI compare', () => {
  const root = tempFolder('compare-cli');
  const folder = join(root, 'evidence');
  const dataDir = tempFolder('compare-cli-data');
  const out = tempFolder('compare-cli-out');
  let runs: DivergentRuns[];
  const run = (args: readonly string[]): CliRun => runCli(args, { dataDir });
  before(() => {
    runs = writeDivergentRunsFolder(folder, { seed: 5 });
  });
  const records = (): DivergentRuns => runs.find((r) => r.family === 'record') as DivergentRuns;

  it('exits 1 with --json naming the first divergence when the runs diverge, 0 when they did the same', () => {
    const { good, same, diverging, divergence } = records();
    const diverged = run(['compare', good, diverging, '--folder', folder, '--json']);
    assert.equal(diverged.code, 1, diverged.stderr);
    const comparison = comparisonSchema.parse(JSON.parse(diverged.stdout));
    assert.equal(comparison.firstDivergence?.label, divergence.label);
    assert.equal(comparison.firstDivergence?.position, divergence.position);
    assert.equal(diverged.stdout.trim().split('\n').length, 1, 'exactly one JSON line');
    const sameRun = run(['compare', good, same, '--folder', folder, '--json']);
    assert.equal(sameRun.code, 0, sameRun.stderr);
    assert.equal(comparisonSchema.parse(JSON.parse(sameRun.stdout)).firstDivergence, null);
  });

  it('prints a readable verdict with the evidence lines of both runs without --json', () => {
    const { good, diverging, divergence } = records();
    const result = run(['compare', good, diverging, '--folder', folder]);
    assert.equal(result.code, 1);
    assert.match(result.stdout, new RegExp(`Result: they diverge at ${divergence.label}: outcome COMPLETED → FAILED`));
    assert.match(result.stdout, /A records\/observer\/cmp-good\.jsonl:\d+/);
    assert.match(result.stdout, /B records\/observer\/cmp-diverging\.jsonl:\d+/);
  });

  it('exits 2 on bad usage and unknown executions, with one line on stderr', () => {
    const { good } = records();
    for (const args of [['compare', good, '--folder', folder], ['compare', good, 'record:nope', '--folder', folder], ['compare', good, 'nonsense', '--folder', folder], ['compare', good, good, '--folder', folder, '--report', 'pdf']]) {
      const result = run(args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
      assert.equal(result.stdout, '');
    }
  });

  it('compares a run with the baseline of its plan (--baseline), as a CI gate would', () => {
    const { good, same, diverging } = records();
    assert.equal(run(['compare', diverging, '--baseline', '--folder', folder]).code, 2, 'no baseline marked yet');
    assert.equal(run(['call', 'setBaseline', JSON.stringify({ id: good }), '--folder', folder]).code, 0);
    assert.equal(run(['compare', same, '--baseline', '--folder', folder]).code, 0);
    const diverged = run(['compare', diverging, '--baseline', '--folder', folder, '--json']);
    assert.equal(diverged.code, 1);
    assert.equal(comparisonSchema.parse(JSON.parse(diverged.stdout)).a.id, good);
  });

  it('writes the comparison report to --out, never inside the evidence folder', () => {
    const { good, diverging } = records();
    const file = join(out, 'compare.md');
    const written = run(['compare', good, diverging, '--folder', folder, '--report', 'md', '--out', file]);
    assert.equal(written.code, 1, written.stderr);
    assert.match(readFileSync(file, 'utf8'), /^# Comparison: record:cmp-good and record:cmp-diverging/);
    const before = readdirSync(folder);
    const refused = run(['compare', good, diverging, '--folder', folder, '--report', 'md', '--out', join(folder, 'compare.md')]);
    assert.equal(refused.code, 2);
    assert.deepEqual(readdirSync(folder), before);
  });
});
