import type { Family } from '../../shared/model/family';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { LineProblem } from '../../shared/model/problem-code';
import type { FamilyIndexRules, StatusContribution } from './family-rules';

/**
 * What the scan stores of one event: its events row's values and what it gives
 * its execution row, by its family's rules. It is all the writer reads of an
 * event in a deferred batch, so a parse worker can hand back these few values
 * as columns instead of the whole normalized event (which costs more to pass
 * between threads than to parse again).
 */
export interface ScanFacts {
  readonly family: Family;
  readonly kind: string;
  readonly executionKey: string | null;
  readonly timestampMs: number | null;
  readonly endTimestampMs: number | null;
  readonly status: string | null;
  readonly errorCode: string | null;
  readonly actor: string | null;
  readonly failed: boolean;
  /** The normalizer's problems of this event (its line's alone). */
  readonly problems: readonly LineProblem[];
  readonly statusContribution: StatusContribution | null;
  readonly product: string | null;
  readonly planId: string | null;
  readonly liveMode: string | null;
  readonly opens: boolean;
  readonly closes: boolean;
  readonly cycle: number | null;
}

/** An event's scan facts, by its family's index rules. */
export function scanFactsOf(event: NormalizedEvent, rules: FamilyIndexRules): ScanFacts {
  const header = rules.headerFacts(event);
  return {
    family: event.family,
    kind: event.kind,
    executionKey: event.executionKey,
    timestampMs: event.timestampMs,
    endTimestampMs: event.endTimestampMs ?? null,
    status: event.status,
    errorCode: event.errorCode,
    actor: event.actor,
    failed: event.failed,
    problems: event.problems,
    statusContribution: rules.statusContribution(event),
    product: header.product ?? null,
    planId: header.planId ?? null,
    liveMode: header.liveMode ?? null,
    opens: rules.opensExecution(event),
    closes: rules.closesExecution(event),
    cycle: rules.cycleOf(event),
  };
}
