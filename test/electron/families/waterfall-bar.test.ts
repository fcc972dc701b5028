import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ExecutionRow } from '../../../electron/index/queries/execution-facts';
import { byStart, eventBar, runBar } from '../../../electron/families/waterfall-bar';

const row = (outcome: ExecutionRow['outcome']): ExecutionRow => ({
  id: 'record:x', family: 'record', key: 'x', label: null, status: 'STARTED', outcome, startMs: 10, endMs: 90, durationMs: 80,
  eventCount: 3, failureCount: 0, problemCount: 0, actor: null, product: null, liveMode: null, planId: null, integrity: 'intact',
});

describe('waterfall bars', () => {
  it('draws a run still running without an end, and a finished one to its last event', () => {
    assert.equal(runBar(row('running'), 'run').endMs, null);
    assert.equal(runBar(row('ok'), 'run').endMs, 90);
    assert.equal(runBar(row('failed'), 'run').failed, true);
  });

  it('makes an event an instant carrying its error code only when it failed', () => {
    const failed = eventBar({ id: 7, ts: 50, kind: 'signal', status: null, errorCode: 'E1', failed: true, cycle: null }, 1);
    assert.deepEqual([failed.startMs, failed.endMs, failed.detail, failed.eventIds, failed.label], [50, 50, 'E1', [7], 'signal']);
    assert.equal(eventBar({ id: 8, ts: 60, kind: '', status: null, errorCode: 'E2', failed: false, cycle: null }, 1).detail, null);
    assert.equal(eventBar({ id: 8, ts: 60, kind: '', status: null, errorCode: null, failed: false, cycle: null }, 1).label, '(no kind)');
  });

  it('orders by start time, untimed last, stable among equals', () => {
    const bars = [null, 30, 10, null, 10].map((startMs, i) => ({ ...eventBar({ id: i, ts: startMs, kind: 'k', status: null, errorCode: null, failed: false, cycle: null }, 1) }));
    assert.deepEqual([...bars].sort(byStart).map((bar) => bar.eventIds[0]), [2, 4, 1, 0, 3]);
  });
});
