import { eventSteps } from './event-steps';
import type { StepReader } from './step-reader';

/**
 * The steps of a family that names no alignment of its own: its events by kind,
 * the n-th of a kind pairing with the other run's n-th. A new family is
 * comparable from its first line; a reader of its own can refine it.
 */
export const eventKindSteps: StepReader = {
  alignedBy: 'event kind sequence',
  readsEvents: true,
  steps({ events }) {
    return eventSteps(events, (event) => ({ base: event.kind, label: event.kind, outcome: event.status }));
  },
};
