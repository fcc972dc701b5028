import type { EventFacts, NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';

/**
 * The event of a document that belongs to no execution (a Benson report, a
 * plan): a time, problems and facts, and nothing an execution row would take,
 * so it can never change an execution's status, actor or failures.
 */
export function documentEvent(kind: string, timestampMs: number | null, problems: readonly LineProblem[], facts: EventFacts): NormalizedEvent {
  return { family: facts.family, kind, executionKey: null, timestampMs, status: null, errorCode: null, actor: null, failed: false, problems, facts };
}
