import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { baselineScopeOf, runName, scopeSelector } from '../../../../electron/inspect/compare/baseline-scope';
import type { ExecutionRow } from '../../../../electron/index/queries/execution-facts';

function row(overrides: Partial<ExecutionRow>): ExecutionRow {
  return {
    id: 'record:x', family: 'record', key: 'x', label: null, status: null, outcome: 'unknown', startMs: null, endMs: null, durationMs: null,
    eventCount: 1, failureCount: 0, problemCount: 0, actor: null, product: null, liveMode: null, planId: null, ...overrides,
  };
}

describe('baselineScopeOf', () => {
  it('groups records by plan, exec-events by action, PACs by agent, cycle runs by run name, streams together', () => {
    assert.deepEqual(baselineScopeOf(row({ planId: 'plan-7' })), { family: 'record', kind: 'plan', value: 'plan-7' });
    assert.equal(baselineScopeOf(row({})), null, 'a record without plan id has no scope');
    assert.deepEqual(baselineScopeOf(row({ family: 'exec-event', label: 'send_email' })), { family: 'exec-event', kind: 'action', value: 'send_email' });
    assert.deepEqual(baselineScopeOf(row({ family: 'benson', actor: 'Dan' })), { family: 'benson', kind: 'agent', value: 'Dan' });
    assert.deepEqual(baselineScopeOf(row({ family: 'cycle', key: '2026-03-01T16-00-00Z/refactor-config-loader' })), { family: 'cycle', kind: 'run', value: 'refactor-config-loader' });
    assert.deepEqual(baselineScopeOf(row({ family: 'stream', key: 'm-42' })), { family: 'stream', kind: 'missions', value: 'stream' });
  });

  it('reads a run name after the last slash, and a run id without one as its own name', () => {
    assert.equal(runName('a/b/nightly'), 'nightly');
    assert.equal(runName('nightly'), 'nightly');
  });

  it('selects each scope by the column it was read from', () => {
    assert.deepEqual(scopeSelector({ family: 'record', kind: 'plan', value: 'p' }), { family: 'record', field: 'plan_id', value: 'p' });
    assert.deepEqual(scopeSelector({ family: 'cycle', kind: 'run', value: 'r' }), { family: 'cycle', field: 'run_name', value: 'r' });
    assert.deepEqual(scopeSelector({ family: 'stream', kind: 'missions', value: 'stream' }).field, 'family');
  });
});
