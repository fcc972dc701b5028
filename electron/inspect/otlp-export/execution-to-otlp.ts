import type { ExportEvent } from '../../index/queries/export-event-facts';
import type { ExecutionRow } from '../../index/queries/execution-facts';
import type { WaterfallBar } from '../../families/waterfall-bar';
import type { Waterfall } from '../waterfall/assemble-waterfall';
import { otlpSpanId, otlpTraceId } from './otlp-ids';
import { boolAttribute, intAttribute, stringAttribute, unixNano, type OtlpKeyValue, type OtlpResourceSpans, type ExportedSpan, type OtlpSpanEvent } from './otlp-json';

/** What one execution's export is made from: its row, its waterfall (the spans) and its events (the span events). */
export interface OtlpExportInput {
  readonly execution: ExecutionRow;
  readonly waterfall: Waterfall;
  readonly events: readonly ExportEvent[];
  /** The evidence folder, named on the resource so the spans lead back to it. */
  readonly folder: string;
  readonly inspectorVersion: string;
}

/** The span id the execution itself gets (the waterfall's run bar, or one made for it). */
const RUN_PART = 'execution';

/**
 * One execution as OTLP spans: the run as the root span, each waterfall bar
 * (a step, phase, checkpoint, cycle, command or event) as a span under the bar
 * it is drawn inside, every event as a span event of the bar it belongs to
 * (of the run when on no bar) with its file, line and raw line's SHA-256, so
 * the evidence stays traceable from any OTLP backend. Null when the execution
 * has no time at all: OTLP spans must have one, and none is made up.
 */
export function executionToOtlp(input: OtlpExportInput): OtlpResourceSpans | null {
  const { execution, waterfall } = input;
  const runStart = execution.startMs ?? firstTime(waterfall.bars);
  if (runStart === null) return null;
  const traceId = otlpTraceId(execution.id);
  const runSpanId = otlpSpanId(execution.id, RUN_PART);
  const eventsById = new Map(input.events.map((event) => [event.id, event]));
  const onBar = new Set<number>();

  const spanOf = (bar: WaterfallBar, spanId: string, parentSpanId: string | undefined, extra: readonly OtlpKeyValue[]): ExportedSpan => {
    const start = bar.startMs ?? runStart;
    const end = bar.endMs ?? start;
    const events: OtlpSpanEvent[] = [];
    for (const id of bar.eventIds) {
      const event = eventsById.get(id);
      if (event === undefined) continue;
      onBar.add(id);
      events.push(spanEvent(event, start));
    }
    const attributes: OtlpKeyValue[] = [stringAttribute('inspector.bar.kind', bar.kind), stringAttribute('inspector.bar.key', bar.key), ...extra];
    if (bar.status !== null) attributes.push(stringAttribute('inspector.status', bar.status));
    if (bar.startMs === null) attributes.push(boolAttribute('inspector.time_unknown', true));
    if (bar.startMs !== null && bar.endMs === null) attributes.push(boolAttribute('inspector.end_missing', true));
    return {
      traceId, spanId, ...(parentSpanId === undefined ? {} : { parentSpanId }), name: bar.label, kind: 1,
      startTimeUnixNano: unixNano(start), endTimeUnixNano: unixNano(Math.max(start, end)), attributes, events,
      status: bar.failed ? { code: 2, message: bar.detail ?? bar.status ?? 'failed' } : { code: 0 },
    };
  };

  const runBar = waterfall.bars.find((bar) => bar.kind === 'execution') ?? madeRunBar(execution, runStart);
  const spans: ExportedSpan[] = [];
  // A bar is drawn inside the last bar before it that is one level shallower (a cycle's commands after the cycle).
  const openAtDepth: string[] = [];
  for (const bar of waterfall.bars) {
    if (bar === runBar) continue;
    const parent = bar.depth === 0 ? runSpanId : (openAtDepth[bar.depth - 1] ?? runSpanId);
    const spanId = otlpSpanId(execution.id, bar.key);
    openAtDepth[bar.depth] = spanId;
    openAtDepth.length = bar.depth + 1;
    spans.push(spanOf(bar, spanId, parent, []));
  }
  // Named by its id, the one name that finds it again in the inspector.
  const run = { ...spanOf(runBar, runSpanId, undefined, runAttributes(execution, waterfall.eventsOmitted)), name: execution.id };
  // Events no bar was drawn from belong to the run itself.
  const loose = input.events.filter((event) => !onBar.has(event.id)).map((event) => spanEvent(event, runStart));
  spans.unshift({ ...run, events: [...run.events, ...loose] });

  return {
    resource: {
      attributes: [
        stringAttribute('service.name', execution.product ?? execution.actor ?? execution.family),
        stringAttribute('inspector.folder', input.folder),
      ],
    },
    scopeSpans: [{ scope: { name: 'execution-inspector', version: input.inspectorVersion }, spans }],
  };
}

function runAttributes(execution: ExecutionRow, eventsOmitted: number): OtlpKeyValue[] {
  const attributes = [
    stringAttribute('inspector.execution.id', execution.id),
    stringAttribute('inspector.family', execution.family),
    stringAttribute('inspector.execution.key', execution.key),
    stringAttribute('inspector.outcome', execution.outcome),
    stringAttribute('inspector.integrity', execution.integrity),
    intAttribute('inspector.event_count', execution.eventCount),
    intAttribute('inspector.failure_count', execution.failureCount),
    intAttribute('inspector.problem_count', execution.problemCount),
  ];
  if (execution.actor !== null) attributes.push(stringAttribute('inspector.actor', execution.actor));
  if (execution.product !== null) attributes.push(stringAttribute('inspector.product', execution.product));
  if (execution.planId !== null) attributes.push(stringAttribute('inspector.plan_id', execution.planId));
  // The export is capped like the waterfall: say how many events it leaves out.
  if (eventsOmitted > 0) attributes.push(intAttribute('inspector.events_omitted', eventsOmitted));
  return attributes;
}

function spanEvent(event: ExportEvent, spanStart: number): OtlpSpanEvent {
  const attributes: OtlpKeyValue[] = [
    stringAttribute('inspector.source.path', event.path),
    intAttribute('inspector.source.line', event.line),
    stringAttribute('inspector.raw.sha256', event.rawSha256),
  ];
  if (event.gone) attributes.push(boolAttribute('inspector.source.gone', true));
  if (event.status !== null) attributes.push(stringAttribute('inspector.status', event.status));
  if (event.failed) attributes.push(boolAttribute('inspector.failed', true));
  if (event.ts === null) attributes.push(boolAttribute('inspector.time_unknown', true));
  return { timeUnixNano: unixNano(event.ts ?? spanStart), name: event.kind || '(no kind)', attributes };
}

/** The run's bar for a family whose waterfall draws none: from its first to its last time. */
function madeRunBar(execution: ExecutionRow, start: number): WaterfallBar {
  return {
    key: RUN_PART, kind: 'execution', label: execution.label ?? execution.id, depth: 0, startMs: start,
    endMs: execution.outcome === 'running' ? null : (execution.endMs ?? start), status: execution.status,
    failed: execution.outcome === 'failed', detail: null, eventIds: [],
  };
}

function firstTime(bars: readonly WaterfallBar[]): number | null {
  let first: number | null = null;
  for (const bar of bars) if (bar.startMs !== null && (first === null || bar.startMs < first)) first = bar.startMs;
  return first;
}
