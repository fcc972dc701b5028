import { eventSteps } from './event-steps';
import type { StepReader } from './step-reader';

/** Improvement-cycle steps: every event, aligned by its cycle and its event name, occurrence by occurrence within the cycle. */
export const cycleSteps: StepReader = {
  alignedBy: 'cycle and step',
  readsEvents: true,
  steps({ events }) {
    return eventSteps(events, (event) => {
      const cycle = event.cycle === null ? 'no cycle' : `cycle ${event.cycle}`;
      return { base: `${cycle}\u0000${event.kind}`, label: `${cycle} · ${event.kind}`, outcome: event.status };
    });
  },
};
