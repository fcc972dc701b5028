import { eventSteps } from './event-steps';
import type { StepReader } from './step-reader';

/**
 * Benson PAC steps: every event of the PAC, aligned by its event type (which
 * names its phase: dispatch, validation, checkpoint, completion) and, for a
 * CHECKPOINT, its checkpoint id, occurrence by occurrence.
 */
export const bensonSteps: StepReader = {
  alignedBy: 'phase and checkpoint id',
  readsEvents: true,
  steps({ detail, events }) {
    const checkpoints = new Map(detail.checkpoints.map((checkpoint) => [checkpoint.eventId, checkpoint]));
    return eventSteps(events, (event) => {
      const checkpoint = checkpoints.get(event.id);
      if (checkpoint === undefined) return { base: event.kind, label: event.kind, outcome: event.status };
      const id = checkpoint.checkpointId ?? checkpoint.name ?? '?';
      return { base: `${event.kind} ${id}`, label: [checkpoint.checkpointId, checkpoint.name].filter((part) => part !== null).join(' ') || event.kind, outcome: checkpoint.status ?? event.status };
    });
  },
};
