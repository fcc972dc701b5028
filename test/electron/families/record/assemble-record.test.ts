import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { assembleSteps } from '../../../../electron/families/record/assemble-record';
import type { StoredStepEvent } from '../../../../electron/index/queries/execution-facts';

type StepEvent = Omit<StoredStepEvent, 'body'>;

let nextId = 100;
function event(stepIndex: number | null, eventType: string, ts: number, overrides: Partial<StepEvent> = {}): StepEvent {
  nextId += 1;
  return { eventId: nextId, origin: 'stream', stepIndex, stepName: stepIndex === null ? null : `step ${stepIndex}`, eventType, ts, errorMessage: null, ...overrides };
}

/** A step as a reader checks it: its index, name, status, times, error and events (id and place in the input). */
const summary = (steps: ReturnType<typeof assembleSteps>) =>
  steps.map((step) => ({ ...step, events: step.events.map((e) => `${e.eventId}@${e.position}`) }));

describe('assembleSteps', () => {
  it('reads steps reported one after another (each a stretch of events) with their first name, first start, last end and last error', () => {
    const events = [
      event(0, 'STARTED', 1_000, { stepName: null }),
      event(0, 'COMPLETED', 1_500, { stepName: 'fetch' }),
      event(1, 'STARTED', 2_000),
      event(1, 'FAILED', 2_400, { errorMessage: 'first try' }),
      event(1, 'STARTED', 2_500),
      event(1, 'FAILED', 3_000, { errorMessage: 'disk full' }),
      event(null, 'COMPLETED', 4_000),
    ];
    const [fetch, failing, unindexed] = summary(assembleSteps(events));
    assert.deepEqual(fetch, { index: 0, name: 'fetch', status: 'COMPLETED', startedMs: 1_000, endedMs: 1_500, durationMs: 500, errorMessage: null, events: [`${events[0]?.eventId}@0`, `${events[1]?.eventId}@1`] });
    assert.deepEqual(failing, { index: 1, name: 'step 1', status: 'FAILED', startedMs: 2_000, endedMs: 3_000, durationMs: 1_000, errorMessage: 'disk full', events: [2, 3, 4, 5].map((at) => `${events[at]?.eventId}@${at}`) });
    assert.deepEqual(unindexed, { index: null, name: null, status: 'COMPLETED', startedMs: null, endedMs: 4_000, durationMs: null, errorMessage: null, events: [`${events[6]?.eventId}@6`] });
  });

  it('groups interleaved steps (run in parallel, or an event without index between) by index, in index order, each event keeping its place in the input', () => {
    const events = [
      event(2, 'STARTED', 1_000),
      event(null, 'STARTED', 1_050),
      event(1, 'STARTED', 1_100),
      event(2, 'COMPLETED', 1_300),
      event(1, 'COMPLETED', 1_700),
    ];
    const steps = summary(assembleSteps(events));
    assert.deepEqual(
      steps.map((step) => [step.index, step.status, step.durationMs, step.events]),
      [
        [1, 'COMPLETED', 600, [`${events[2]?.eventId}@2`, `${events[4]?.eventId}@4`]],
        [2, 'COMPLETED', 300, [`${events[0]?.eventId}@0`, `${events[3]?.eventId}@3`]],
        [null, 'STARTED', null, [`${events[1]?.eventId}@1`]],
      ],
    );
    // The same events in step order give the same steps (only the places differ).
    const ordered = [events[2], events[4], events[0], events[3], events[1]] as StepEvent[];
    const strip = (list: ReturnType<typeof summary>) => list.map((step) => ({ ...step, events: step.events.map((e) => e.split('@')[0]) }));
    assert.deepEqual(strip(summary(assembleSteps(ordered))), strip(steps));
  });

  it('reads a step whose events never started or ended, and no steps from no events', () => {
    assert.deepEqual(assembleSteps([]), []);
    const [step] = assembleSteps([event(4, 'NOT_RUN', 9_000, { ts: null })]);
    assert.equal(step?.status, 'NOT_RUN');
    assert.equal(step?.startedMs, null);
    assert.equal(step?.endedMs, null);
    assert.equal(step?.durationMs, null);
  });
});
