import type { CheckpointRow, FoundExecution } from '../../index/queries/execution-facts';
import type { WaterfallReads } from '../family-module';
import type { TimelineEvent } from '../../index/queries/waterfall-facts';
import { byStart, eventBar, type WaterfallBar } from '../waterfall-bar';

/** The Benson phases that are spans: the event that opens one and the event that closes it. */
const PHASES: readonly { readonly start: string; readonly end: string; readonly label: string; readonly depth: number }[] = [
  { start: 'PAC_DISPATCH_START', end: 'PAC_DISPATCH_END', label: 'PAC dispatch', depth: 0 },
  { start: 'AGENT_EXECUTION_START', end: 'AGENT_EXECUTION_END', label: 'Agent execution', depth: 1 },
];

/**
 * A Benson PAC as bars: the dispatch and the agent execution as spans from
 * their START to their END (open when no END was logged), each checkpoint and
 * every other event as an instant where it was logged.
 */
export function bensonBars(events: readonly TimelineEvent[], checkpoints: readonly CheckpointRow[]): WaterfallBar[] {
  const byEvent = new Map(checkpoints.map((checkpoint) => [checkpoint.eventId, checkpoint]));
  const spanned = new Set<number>();
  const bars: WaterfallBar[] = [];
  for (const phase of PHASES) {
    const starts = events.filter((event) => event.kind === phase.start);
    const ends = events.filter((event) => event.kind === phase.end);
    // Paired in order: a PAC has one of each, and a second START is a problem the ingest reports, shown as a second bar.
    starts.forEach((start, index) => {
      const end = ends[index];
      spanned.add(start.id);
      if (end !== undefined) spanned.add(end.id);
      bars.push({
        key: `phase:${start.id}`,
        kind: 'phase',
        label: phase.label,
        depth: phase.depth,
        startMs: start.ts,
        endMs: end === undefined ? null : end.ts,
        status: end?.status ?? start.status,
        failed: start.failed || (end?.failed ?? false),
        detail: end?.errorCode ?? start.errorCode,
        eventIds: end === undefined ? [start.id] : [start.id, end.id],
      });
    });
    // An END without a START still ended something: an instant where it was logged.
    for (const end of ends.slice(starts.length)) {
      spanned.add(end.id);
      bars.push({ ...eventBar(end, phase.depth), kind: 'phase', key: `phase:${end.id}`, label: `${phase.label} (end only)` });
    }
  }
  for (const event of events) {
    if (spanned.has(event.id)) continue;
    const checkpoint = byEvent.get(event.id);
    if (checkpoint === undefined) {
      bars.push(eventBar(event, 1));
      continue;
    }
    const name = [checkpoint.checkpointId, checkpoint.name].filter((part) => part !== null).join(' ');
    bars.push({
      ...eventBar(event, 1, name === '' ? 'CHECKPOINT' : name),
      key: `checkpoint:${event.id}`,
      kind: 'checkpoint',
      status: checkpoint.status,
      detail: event.failed ? checkpoint.details : null,
    });
  }
  return bars.sort(byStart);
}

/** A PAC's waterfall, from its events and its checkpoints as the index read them. */
export function bensonWaterfall(reads: WaterfallReads, execution: FoundExecution): WaterfallBar[] {
  return bensonBars(reads.events(), reads.facts.checkpoints(execution));
}
