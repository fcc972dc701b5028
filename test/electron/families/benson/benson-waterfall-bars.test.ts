import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TimelineEvent } from '../../../../electron/index/queries/waterfall-facts';
import { bensonBars } from '../../../../electron/families/benson/benson-waterfall-bars';

const event = (id: number, ts: number | null, kind: string, failed = false): TimelineEvent => ({ id, ts, kind, status: null, errorCode: null, failed, cycle: null });

describe('bensonBars', () => {
  it('leaves a dispatch without END open, shows a failed checkpoint with its details, and puts untimed events last', () => {
    const events = [event(1, 1_000, 'PAC_DISPATCH_START'), event(2, 1_500, 'CHECKPOINT', true), event(3, 2_000, 'AGENT_EXECUTION_END'), event(4, null, 'CUSTOM')];
    const checkpoint = { eventId: 2, checkpointId: 'CP-03', name: 'QUALITY_SCORE_VALIDATION', status: 'FAIL', details: 'score 0.42 below 0.75', ts: 1_500 };
    const bars = bensonBars(events, [checkpoint]);
    assert.deepEqual(
      bars.map((bar) => [bar.kind, bar.label, bar.startMs, bar.endMs, bar.failed, bar.detail]),
      [
        ['phase', 'PAC dispatch', 1_000, null, false, null],
        ['checkpoint', 'CP-03 QUALITY_SCORE_VALIDATION', 1_500, 1_500, true, 'score 0.42 below 0.75'],
        ['phase', 'Agent execution (end only)', 2_000, 2_000, false, null],
        ['event', 'CUSTOM', null, null, false, null],
      ],
    );
  });
});
