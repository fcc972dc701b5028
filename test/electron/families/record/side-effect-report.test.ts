import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sideEffectReport } from '../../../../electron/families/record/side-effect-report';
import { sideEffectReportSchema } from '../../../../shared/model/inspection';
import type { SideEffectFact } from '../../../../shared/model/normalized-event';

function effect(stepIndex: number | null, category: string, description: string, reversible: boolean | null = true): SideEffectFact {
  return { stepIndex, category, description, reversible, details: {} };
}

describe('sideEffectReport', () => {
  it('pairs effects with the same step, category and description', () => {
    const declared = [effect(0, 'FILE_SYSTEM', 'Created /tmp/data.txt')];
    const observed = [effect(0, 'FILE_SYSTEM', 'Created /tmp/data.txt')];
    const report = sideEffectReport(declared, observed);
    sideEffectReportSchema.parse(report);
    assert.deepEqual(report.matched, [{ declared: declared[0], observed: observed[0], rule: 'exact' }]);
    assert.deepEqual([report.undeclared, report.unobserved], [[], []]);
  });

  it('falls back to step and category when the description differs', () => {
    const report = sideEffectReport([effect(1, 'NETWORK', 'Call the API')], [effect(1, 'NETWORK', 'POST https://example.com/v1')]);
    assert.equal(report.matched.length, 1);
    assert.equal(report.matched[0]?.rule, 'step_and_category');
  });

  it('makes exact pairs before loose ones, so an earlier observed effect cannot take a later one\'s exact match', () => {
    const declared = [effect(2, 'DATA_MUTATION', 'Update users'), effect(2, 'DATA_MUTATION', 'Delete rows')];
    const observed = [effect(2, 'DATA_MUTATION', 'Truncate table'), effect(2, 'DATA_MUTATION', 'Update users')];
    const report = sideEffectReport(declared, observed);
    assert.deepEqual(
      report.matched.map((pair) => [pair.observed.description, pair.declared.description, pair.rule]),
      [
        ['Truncate table', 'Delete rows', 'step_and_category'],
        ['Update users', 'Update users', 'exact'],
      ],
    );
  });

  it('matches one-to-one: a second observed effect of the same kind is undeclared', () => {
    const report = sideEffectReport([effect(0, 'FILE_SYSTEM', 'Write')], [effect(0, 'FILE_SYSTEM', 'Write'), effect(0, 'FILE_SYSTEM', 'Write')]);
    assert.equal(report.matched.length, 1);
    assert.deepEqual(report.undeclared, [effect(0, 'FILE_SYSTEM', 'Write')]);
  });

  it('never pairs across steps or categories, and null steps only with null steps', () => {
    const declared = [effect(0, 'NETWORK', 'Send'), effect(null, 'SYSTEM', 'Restart'), effect(3, 'OTHER', 'X')];
    const observed = [effect(1, 'NETWORK', 'Send'), effect(null, 'SYSTEM', 'Restart service'), effect(3, 'SYSTEM', 'X')];
    const report = sideEffectReport(declared, observed);
    assert.deepEqual(report.matched.map((pair) => pair.observed.description), ['Restart service']);
    assert.deepEqual(report.undeclared.map((e) => e.description), ['Send', 'X']);
    assert.deepEqual(report.unobserved.map((e) => [e.stepIndex, e.category]), [[0, 'NETWORK'], [3, 'OTHER']]);
  });

  it('lists undeclared observed and unobserved declared effects in their own order', () => {
    const report = sideEffectReport(
      [effect(5, 'CONFIGURATION', 'Set flag'), effect(0, 'FILE_SYSTEM', 'Create')],
      [effect(4, 'NETWORK', 'Ping'), effect(0, 'FILE_SYSTEM', 'Create'), effect(1, 'OTHER', 'Beep')],
    );
    assert.deepEqual(report.undeclared.map((e) => e.description), ['Ping', 'Beep']);
    assert.deepEqual(report.unobserved.map((e) => e.description), ['Set flag']);
  });

  it('lists every observed effect whose reversible is false as irreversible, matched or not, but not unknown ones', () => {
    const report = sideEffectReport(
      [effect(0, 'NETWORK', 'Send email', false)],
      [effect(0, 'NETWORK', 'Send email', false), effect(1, 'DATA_MUTATION', 'Drop table', false), effect(2, 'OTHER', 'Maybe', null)],
    );
    assert.deepEqual(report.irreversible.map((e) => e.description), ['Send email', 'Drop table']);
  });

  it('counts declared and observed effects per category, categories sorted', () => {
    const report = sideEffectReport(
      [effect(0, 'NETWORK', 'a'), effect(1, 'FILE_SYSTEM', 'b'), effect(2, 'NETWORK', 'c')],
      [effect(0, 'NETWORK', 'a'), effect(3, 'SYSTEM', 'd')],
    );
    assert.deepEqual(Object.entries(report.byCategory), [
      ['FILE_SYSTEM', { declared: 1, observed: 0 }],
      ['NETWORK', { declared: 2, observed: 1 }],
      ['SYSTEM', { declared: 0, observed: 1 }],
    ]);
  });

  it('keeps a category named __proto__ as a plain key', () => {
    const report = sideEffectReport([], [effect(0, '__proto__', 'odd')]);
    assert.deepEqual(Object.keys(report.byCategory), ['__proto__']);
    assert.equal(Object.getPrototypeOf(report.byCategory), Object.prototype);
  });

  it('passes declared and observed effects through unchanged', () => {
    const observed = [{ ...effect(0, 'OTHER', 'x'), details: { path: '/tmp/ü "q"' } }];
    assert.deepEqual(sideEffectReport([], observed).observed, observed);
  });
});
