import { eventSteps } from './event-steps';
import type { StepReader } from './step-reader';

/** Mission stream steps: the sequence of event types, the n-th event of a type pairing with the other run's n-th. */
export const streamSteps: StepReader = {
  alignedBy: 'event type sequence',
  readsEvents: true,
  steps({ events }) {
    return eventSteps(events, (event) => ({ base: event.kind, label: event.kind, outcome: event.status }));
  },
};
