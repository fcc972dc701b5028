import { lineObject } from '../../../shared/formats/line-payload';
import type { CycleRow, FoundExecution } from '../../index/queries/execution-facts';
import type { WaterfallReads } from '../family-module';
import type { TimelineEvent } from '../../index/queries/waterfall-facts';
import { byStart, eventBar, type WaterfallBar } from '../waterfall-bar';

/** What a cycle event's payload names, for pairing a start with its end: the command, or the plan step and its name. */
export interface CyclePayloadName {
  readonly command: string | null;
  readonly step: string | null;
  readonly name: string | null;
}

/** The cycle events that are spans, paired start to end by what their payload names. */
const SPANS: readonly { readonly start: string; readonly end: string; readonly kind: 'step' | 'command' }[] = [
  { start: 'plan.step_started', end: 'plan.step_completed', kind: 'step' },
  { start: 'executor.command_started', end: 'executor.command_completed', kind: 'command' },
];

/** The event kinds whose payload a cycle waterfall reads (for the names above). */
const NAMED_KINDS: readonly string[] = SPANS.flatMap((span) => [span.start, span.end]);

/**
 * An improvement-cycle run as bars: each cycle from its first to its last
 * event (failed when any of its events failed), and inside it the plan steps
 * and executor commands from start to completion (a command that never
 * completed left open), every other event an instant.
 */
export function cycleBars(events: readonly TimelineEvent[], cycles: readonly CycleRow[], names: ReadonlyMap<number, CyclePayloadName>): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  for (const cycle of cycles) {
    const inCycle = events.filter((event) => event.cycle === cycle.cycle);
    const label = cycle.cycle === null ? 'Outside any cycle' : `Cycle ${cycle.cycle}`;
    bars.push({
      key: `cycle:${cycle.cycle ?? 'none'}`,
      kind: 'cycle',
      label,
      depth: 0,
      startMs: cycle.firstMs,
      endMs: cycle.lastMs,
      status: cycle.decision,
      failed: cycle.failureCount > 0,
      detail: cycle.failureCount > 0 ? `${cycle.failureCount} failed event${cycle.failureCount === 1 ? '' : 's'}` : null,
      eventIds: [],
    });
    bars.push(...cycleContent(inCycle, names));
  }
  return bars;
}

function cycleContent(events: readonly TimelineEvent[], names: ReadonlyMap<number, CyclePayloadName>): WaterfallBar[] {
  const bars: WaterfallBar[] = [];
  const paired = new Set<number>();
  for (const span of SPANS) {
    const identity = (event: TimelineEvent): string => {
      const name = names.get(event.id);
      return (span.kind === 'command' ? name?.command : name?.step) ?? '';
    };
    // Open starts by what they name, oldest first: a completion closes the oldest open start of the same name.
    const open = new Map<string, TimelineEvent[]>();
    const closed: { start: TimelineEvent | null; end: TimelineEvent | null }[] = [];
    for (const event of events) {
      if (event.kind === span.start) {
        const queue = open.get(identity(event)) ?? [];
        queue.push(event);
        open.set(identity(event), queue);
        closed.push({ start: event, end: null });
      } else if (event.kind === span.end) {
        const start = open.get(identity(event))?.shift();
        const entry = start === undefined ? undefined : closed.find((pair) => pair.start === start);
        if (entry !== undefined) entry.end = event;
        else closed.push({ start: null, end: event });
      }
    }
    for (const { start, end } of closed) {
      const first = (start ?? end) as TimelineEvent;
      const name = names.get(first.id);
      const what = span.kind === 'command' ? (name?.command ?? 'command') : `Plan step ${name?.step ?? '?'}${name?.name === null || name?.name === undefined ? '' : ` ${name.name}`}`;
      for (const event of [start, end]) if (event !== null) paired.add(event.id);
      bars.push({
        key: `${span.kind}:${first.id}`,
        kind: span.kind,
        label: start === null ? `${what} (completion only)` : what,
        depth: 1,
        startMs: first.ts,
        endMs: start === null ? first.ts : (end?.ts ?? null),
        status: end?.status ?? start?.status ?? null,
        failed: (start?.failed ?? false) || (end?.failed ?? false),
        detail: end?.errorCode ?? null,
        eventIds: [start, end].flatMap((event) => (event === null ? [] : [event.id])),
      });
    }
  }
  for (const event of events) if (!paired.has(event.id)) bars.push(eventBar(event, 1));
  return bars.sort(byStart);
}

/** A run's waterfall: its cycles, and the commands and plan steps in them named as their payloads name them. */
export function cycleWaterfall(reads: WaterfallReads, execution: FoundExecution): WaterfallBar[] {
  const names = new Map<number, CyclePayloadName>();
  for (const line of reads.waterfallFacts.rawLinesOfKinds(execution.rowId, NAMED_KINDS)) {
    const payload = lineObject(line.raw)?.['payload'];
    const fields = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
    names.set(line.id, { command: text(fields['command']), step: text(fields['step']), name: text(fields['name']) });
  }
  return cycleBars(reads.events(), reads.facts.cycles(execution), names);
}

/** A payload value as a label part: strings and numbers as written, anything else nothing. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
