import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as ExecutionRowFormat from '../../../renderer/format/execution-row';
import { loadRendererModule } from '../load-renderer-module';

const { executionRowCells, executionRowLabel } = loadRendererModule<typeof ExecutionRowFormat>('format/execution-row');

const row: ExecutionRowFormat.ExecutionRow = {
  id: 'record:exec-1', family: 'record', key: 'exec-1', label: null, status: 'COMPLETED', outcome: 'ok',
  startMs: Date.UTC(2026, 2, 2, 10), endMs: Date.UTC(2026, 2, 2, 10, 0, 28), durationMs: 28_000, eventCount: 7, failureCount: 0, problemCount: 1,
  actor: null, product: null, liveMode: 'LIVE', planId: 'plan-1', integrity: 'broken',
};

describe('an executions list row', () => {
  it('marks a broken record untrusted and never shows its claimed status in green', () => {
    const cells = executionRowCells(row);
    assert.equal(cells.integrity, 'broken: untrusted');
    assert.equal(cells.integrityTone, 'bad');
    assert.equal(cells.status, 'COMPLETED');
    assert.notEqual(cells.statusTone, 'ok');
    assert.match(executionRowLabel(row), /integrity: broken: untrusted/);
  });

  it('keeps the status green where the hashes match, and says nothing of integrity where the family has none', () => {
    assert.equal(executionRowCells({ ...row, integrity: 'intact' }).statusTone, 'ok');
    const plain = { ...row, family: 'exec-event' as const, integrity: 'not_applicable' as const };
    assert.equal(executionRowCells(plain).statusTone, 'ok');
    assert.doesNotMatch(executionRowLabel(plain), /integrity/);
  });
});
