import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TimelineEvent } from '../../../../electron/index/queries/waterfall-facts';
import { cycleBars, type CyclePayloadName } from '../../../../electron/families/cycle/cycle-waterfall-bars';

const event = (id: number, ts: number, kind: string, failed = false): TimelineEvent => ({ id, ts, kind, status: null, errorCode: failed ? 'exit_code 1' : null, failed, cycle: 1 });
const command = (name: string): CyclePayloadName => ({ command: name, step: null, name: null });

describe('cycleBars', () => {
  it('pairs each completion with the oldest open start of the same command, and leaves a command that never completed open', () => {
    const events = [event(1, 100, 'executor.command_started'), event(2, 200, 'executor.command_started'), event(3, 300, 'executor.command_started'), event(4, 400, 'executor.command_completed', true), event(5, 500, 'executor.command_completed')];
    const names = new Map([[1, command('pytest')], [2, command('psql')], [3, command('pytest')], [4, command('pytest')], [5, command('pytest')]]);
    const bars = cycleBars(events, [{ cycle: 1, firstMs: 100, lastMs: 500, eventCount: 5, failureCount: 1, decision: 'revise' }], names);
    assert.deepEqual(
      bars.map((bar) => [bar.kind, bar.label, bar.startMs, bar.endMs, bar.failed, bar.eventIds]),
      [
        ['cycle', 'Cycle 1', 100, 500, true, []],
        ['command', 'pytest', 100, 400, true, [1, 4]],
        ['command', 'psql', 200, null, false, [2]],
        ['command', 'pytest', 300, 500, false, [3, 5]],
      ],
    );
  });

  it('shows a completion without its start as an instant, and every other event as an instant of its own', () => {
    const events = [event(1, 100, 'plan.generated'), event(2, 200, 'executor.command_completed'), event(3, 300, 'review.decision', true)];
    const bars = cycleBars(events, [{ cycle: 1, firstMs: 100, lastMs: 300, eventCount: 3, failureCount: 1, decision: 'abort' }], new Map([[2, command('make')]]));
    assert.deepEqual(
      bars.slice(1).map((bar) => [bar.kind, bar.label, bar.startMs, bar.endMs, bar.failed]),
      [
        ['event', 'plan.generated', 100, 100, false],
        ['command', 'make (completion only)', 200, 200, false],
        ['event', 'review.decision', 300, 300, true],
      ],
    );
  });
});
