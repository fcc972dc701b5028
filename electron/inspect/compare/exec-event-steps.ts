import { eventSteps } from './event-steps';
import type { StepReader } from './step-reader';

/** Executor events: the action's events (a started line, its terminal event), aligned by what they are for the action. */
export const execEventSteps: StepReader = {
  alignedBy: 'action',
  readsEvents: true,
  steps({ detail, events }) {
    const action = detail.execution.label ?? 'action';
    return eventSteps(events, (event) => ({ base: event.kind, label: `${action} ${event.kind}`, outcome: event.status }));
  },
};
