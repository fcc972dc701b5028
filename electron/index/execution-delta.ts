import { opensPacDispatch } from '../../shared/formats/benson';
import { assertNever, type Family } from '../../shared/model/family';
import type { NormalizedEvent } from '../../shared/model/normalized-event';

/** How an execution's status settles: a higher rank wins, then a later time, then a later event. */
export interface StatusContribution {
  readonly status: string;
  readonly outcome: 'ok' | 'failed' | 'running' | 'unknown';
  readonly rank: number;
}

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
export function addToDelta(delta: ExecutionDelta, event: NormalizedEvent, eventId: number, label: string | null, problems: number): void {
  delta.events++;
  if (event.failed) delta.failures++;
  delta.problems += problems;
  const ts = event.timestampMs;
  if (ts !== null) {
    if (delta.firstTs === null || ts < delta.firstTs) delta.firstTs = ts;
    if (delta.lastTs === null || ts > delta.lastTs) delta.lastTs = ts;
  }
  const end = event.endTimestampMs ?? null;
  if (end !== null && (delta.lastTs === null || end > delta.lastTs)) delta.lastTs = end;
  const contribution = statusContribution(event);
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
  const facts = event.facts;
  if (facts.family === 'exec-event') delta.product ??= facts.product;
  if (facts.family === 'record') {
    delta.planId ??= facts.planId;
    delta.liveMode ??= facts.liveMode;
  }
  delta.opens += opensExecution(event) ? 1 : 0;
  delta.closes += closesExecution(event) ? 1 : 0;
}

/** True for the event that opens an execution (counted so that pairs can be checked). */
export function opensExecution(event: NormalizedEvent): boolean {
  return (event.family === 'benson' && opensPacDispatch(event.kind)) || (event.family === 'record' && event.kind === 'execution_started');
}

/** True for a terminal event; more than one is a contract problem in exec-event, benson and record. */
export function closesExecution(event: NormalizedEvent): boolean {
  switch (event.family) {
    case 'exec-event':
      return event.kind === 'terminal';
    case 'benson':
      return event.kind === 'PAC_DISPATCH_END';
    case 'record':
      return event.kind === 'execution_finished';
    case 'cycle':
    case 'stream':
    case 'generic':
      return false;
    default:
      return assertNever(event.family, 'family');
  }
}

/** The status an event gives its execution, per family rules of formats.md; null when it gives none. */
export function statusContribution(event: NormalizedEvent): StatusContribution | null {
  const family: Family = event.family;
  const status = event.status;
  switch (family) {
    case 'exec-event':
      if (status === null) return null;
      // workflow-executor's `started` precedes the terminal event of the same path: it never outranks it.
      if (event.kind === 'started') return { status, outcome: 'running', rank: 1 };
      return { status, outcome: status === 'success' ? 'ok' : 'failed', rank: 2 };
    case 'benson':
      if (opensPacDispatch(event.kind)) return { status: 'DISPATCHED', outcome: 'running', rank: 1 };
      if (event.kind === 'PAC_DISPATCH_END' && status !== null) return { status, outcome: status === 'COMPLETED' ? 'ok' : 'failed', rank: 2 };
      return null;
    case 'cycle':
      if (event.kind === 'review.decision' && status !== null) {
        return { status, outcome: status === 'accept' ? 'ok' : status === 'abort' ? 'failed' : 'running', rank: 2 };
      }
      return { status: 'running', outcome: 'running', rank: 0 };
    case 'stream':
      if (event.kind !== 'status' || status === null) return null;
      if (status === 'completed') return { status, outcome: 'ok', rank: 2 };
      if (status === 'failed') return { status, outcome: 'failed', rank: 2 };
      return { status, outcome: 'running', rank: 1 };
    case 'record':
      if (event.kind === 'execution_started') return { status: 'STARTED', outcome: 'running', rank: 1 };
      // The document is the immutable record written after the run: it outranks the stream's
      // own finish (a disagreement is reported as record.stream_document_mismatch, not resolved).
      if (event.kind === 'record_document' && status !== null) return { status, outcome: recordOutcome(status), rank: 3 };
      if (event.kind === 'execution_finished' && status !== null) return { status, outcome: recordOutcome(status), rank: 2 };
      return null;
    case 'generic':
      return null;
    default:
      return assertNever(family, 'family');
  }
}

function recordOutcome(status: string): StatusContribution['outcome'] {
  if (status === 'COMPLETED') return 'ok';
  if (status === 'STARTED') return 'running';
  if (status === 'FAILED' || status === 'COMPLETED_PARTIAL' || status === 'INCOMPLETE') return 'failed';
  return 'unknown';
}
