import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { assembleSteps } from '../../../../electron/families/record/assemble-record';
import { recordBars } from '../../../../electron/families/record/record-waterfall-bars';

const timing = (eventId: number, stepIndex: number | null, eventType: string, ts: number | null, errorMessage: string | null = null) => ({ eventId, origin: 'stream' as const, stepIndex, stepName: `step ${stepIndex}`, eventType, ts, errorMessage });

describe('recordBars', () => {
  it('spans STARTED to the outcome; a step never ended stays open; a step logged without STARTED begins at its first event', () => {
    const steps = assembleSteps([timing(1, 0, 'STARTED', 100), timing(2, 0, 'FAILED', 400, 'disk full'), timing(3, 1, 'STARTED', 500), timing(4, 2, 'COMPLETED', 900), timing(5, null, 'COMPLETED', null)]);
    assert.deepEqual(
      recordBars(steps).map((bar) => [bar.key, bar.startMs, bar.endMs, bar.failed, bar.detail, bar.eventIds]),
      [
        ['step:0', 100, 400, true, 'disk full', [1, 2]],
        ['step:1', 500, null, false, null, [3]],
        ['step:2', 900, 900, false, null, [4]],
        ['step:none:3', null, null, false, null, [5]],
      ],
    );
  });
});
