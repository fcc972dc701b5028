import type { StatusContribution } from './family-rules';
import type { ScanFacts } from './scan-facts';

/** What a batch of events adds to one execution, merged into its row in one UPDATE. */
export interface ExecutionDelta {
  events: number;
  failures: number;
  problems: number;
  firstTs: number | null;
  lastTs: number | null;
  status: StatusContribution | null;
  statusTs: number;
  statusEventId: number;
  label: string | null;
  actor: string | null;
  product: string | null;
  planId: string | null;
  liveMode: string | null;
  opens: number;
  closes: number;
}

/** An empty delta. */
export function emptyDelta(): ExecutionDelta {
  return {
    events: 0, failures: 0, problems: 0, firstTs: null, lastTs: null, status: null, statusTs: -1, statusEventId: 0,
    label: null, actor: null, product: null, planId: null, liveMode: null, opens: 0, closes: 0,
  };
}

/** Folds one stored event (its id known) into a delta. */
export function addToDelta(delta: ExecutionDelta, event: ScanFacts, eventId: number, label: string | null, problems: number): void {
  delta.events++;
  if (event.failed) delta.failures++;
  delta.problems += problems;
  const ts = event.timestampMs;
  if (ts !== null) {
    if (delta.firstTs === null || ts < delta.firstTs) delta.firstTs = ts;
    if (delta.lastTs === null || ts > delta.lastTs) delta.lastTs = ts;
  }
  const end = event.endTimestampMs;
  if (end !== null && (delta.lastTs === null || end > delta.lastTs)) delta.lastTs = end;
  const contribution = event.statusContribution;
  if (contribution) {
    const statusTs = ts ?? -1;
    const current = delta.status;
    if (!current || contribution.rank > current.rank || (contribution.rank === current.rank && (statusTs > delta.statusTs || (statusTs === delta.statusTs && eventId > delta.statusEventId)))) {
      delta.status = contribution;
      delta.statusTs = statusTs;
      delta.statusEventId = eventId;
    }
  }
  delta.label ??= label;
  delta.actor ??= event.actor;
  delta.product ??= event.product;
  delta.planId ??= event.planId;
  delta.liveMode ??= event.liveMode;
  delta.opens += event.opens ? 1 : 0;
  delta.closes += event.closes ? 1 : 0;
}

