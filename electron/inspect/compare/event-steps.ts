import type { ComparedStep } from '../../../shared/model/comparison';
import type { RunEvent } from '../../index/queries/comparison-facts';
import { occurrenceKeys, occurrenceLabel } from './occurrence-keys';

/** What a family says about one event that is a step: what it aligns by, its name and its outcome. */
export interface EventStepFacts {
  /** Equal bases pair up, occurrence by occurrence. */
  readonly base: string;
  readonly label: string;
  readonly outcome: string | null;
}

/**
 * Steps of a family whose steps are single events (Benson, cycles, streams,
 * exec-events): one step per event, keyed by its base and occurrence. A point
 * event has no duration of its own; the time since the run's previous event is
 * what a reviewer compares ("this step came 40 s later than last time").
 */
export function eventSteps(events: readonly RunEvent[], describe: (event: RunEvent) => EventStepFacts): ComparedStep[] {
  const facts = events.map(describe);
  const keys = occurrenceKeys(facts.map((fact) => fact.base));
  return events.map((event, position) => {
    const fact = facts[position] as EventStepFacts;
    const key = keys[position] as string;
    const previous = position > 0 ? events[position - 1]?.ts ?? null : null;
    return {
      key,
      label: occurrenceLabel(fact.label, key),
      position,
      outcome: fact.outcome,
      failed: event.failed,
      startMs: event.ts,
      durationMs: previous !== null && event.ts !== null ? event.ts - previous : null,
      error: event.errorCode,
      sideEffects: { declared: [], observed: [] },
      eventIds: [event.id],
    };
  });
}
