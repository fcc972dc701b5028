import type { OtlpLog } from '../../../shared/formats/otlp';
import { spanLabel } from '../../../shared/formats/otlp-span-label';
import type { FoundExecution } from '../../index/queries/execution-facts';
import { PLAIN_INDEX_RULES, NO_SECTIONS, type FamilyModule, type FamilySections, type WaterfallReads } from '../family-module';
import type { ExecutionFacts } from '../../index/queries/execution-facts';
import { readField } from '../reading/read-field';
import { runBar, type WaterfallBar } from '../waterfall-bar';
import { normalizeOtlp, normalizeOtlpParts } from './normalize-otlp';
import { spanTree } from './otlp-span-tree';

/** At most this many spans come with a trace's detail and waterfall; the events list pages through all of them. */
export const SPAN_LIMIT = 5_000;

/**
 * OpenTelemetry traces as OTLP/JSON (the Collector's file exporter, SDK JSON
 * exporters): a line, or a whole document, is one ExportTraceServiceRequest
 * holding many spans, each an event of its own; a trace id is the execution,
 * the spans its steps, a span with status ERROR a failure.
 */
export const otlpFamily: FamilyModule<'otlp'> = {
  family: 'otlp',
  // `resourceSpans` and `resourceLogs` are OTLP's own words and name nothing else: tried first.
  detectionRank: 5,
  detect: (obj) => readField(obj, 'resourceSpans') !== undefined || readField(obj, 'resourceLogs') !== undefined,
  normalize: normalizeOtlp,
  normalizeParts: normalizeOtlpParts,
  // The Collector's file exporter writes a whole batch, often megabytes, on one line.
  longLineStart: /^\s*\{\s*"resource(?:Spans|Logs)"\s*:/,
  // The service that wrote the trace's first span read.
  label: (event) => event.actor,
  index: {
    ...PLAIN_INDEX_RULES,
    // Any span in error fails the trace; otherwise a span that ended says the trace ran.
    // Log records do not settle the trace's outcome: its spans' statuses do.
    statusContribution(event) {
      if (event.facts.family !== 'otlp' || event.facts.span === null) return null;
      if (event.failed) return { status: 'ERROR', outcome: 'failed', rank: 2 };
      return { status: event.status ?? 'UNSET', outcome: 'ok', rank: 1 };
    },
    derivedRows(event) {
      if (event.facts.family !== 'otlp') return {};
      const { span, log } = event.facts;
      if (log !== null) return { otlpLogs: [{ spanId: log.spanId, timeMs: log.timeMs, body: log }] };
      if (span === null) return {};
      return { otlpSpans: [{ spanId: span.spanId, parentSpanId: span.parentSpanId, startMs: span.startMs, endMs: span.endMs, body: span }] };
    },
  },
  checks: {
    // A child may be written before its parent, in another batch or file: a trace is checked whenever it grows.
    needsCheck: () => true,
    find(executionId, key, { rows }) {
      const orphans = rows.orphanSpans(executionId).map((span) => ({
        sourceId: span.source_id, line: span.line, eventId: span.event_id, code: 'otlp.orphan_span' as const,
        message: `Span ${span.span_id} of trace ${key} names parent span ${span.parent_span_id ?? ''}, which no file of the folder holds; it is shown as a root.`,
      }));
      const repeats = rows.repeatedSpans(executionId).map((span) => ({
        sourceId: span.source_id, line: span.line, eventId: span.event_id, code: 'otlp.duplicate_span' as const,
        message: `Span ${span.span_id} of trace ${key} was already written earlier; this copy is shown as well.`,
      }));
      return [...orphans, ...repeats];
    },
  },
  sections: otlpSections,
  // Compared by the spans' names in the order they were read, all traces one group.
  compare: null,
  waterfall: otlpWaterfall,
};

function otlpSections(facts: ExecutionFacts, execution: FoundExecution): FamilySections {
  // Log records in the span they name, by time; those naming no span of the trace are in its events list.
  const bySpan = new Map<string, (OtlpLog & { eventId: number })[]>();
  for (const log of facts.otlpLogs(execution, SPAN_LIMIT)) {
    if (log.spanId === null) continue;
    const list = bySpan.get(log.spanId);
    if (list === undefined) bySpan.set(log.spanId, [{ ...log.body, eventId: log.eventId }]);
    else list.push({ ...log.body, eventId: log.eventId });
  }
  const spans = spanTree(facts.otlpSpans(execution, SPAN_LIMIT)).map(({ span, depth, orphan }) => ({
    ...span.body, eventId: span.eventId, depth, orphan, label: spanLabel(span.body), logs: bySpan.get(span.spanId) ?? [],
  }));
  return { ...NO_SECTIONS, spans };
}

/** The trace as a whole, then its spans as a tree: each under its parent, one level deeper, siblings by start. */
function otlpWaterfall(reads: WaterfallReads, execution: FoundExecution): WaterfallBar[] {
  const bars = spanTree(reads.facts.otlpSpans(execution, SPAN_LIMIT)).map(({ span, depth }): WaterfallBar => ({
    key: `span:${span.eventId}`,
    kind: 'step',
    label: spanLabel(span.body),
    depth: depth + 1,
    startMs: span.startMs,
    endMs: span.endMs,
    status: span.body.statusCode === 2 ? 'ERROR' : span.body.statusCode === 1 ? 'OK' : 'UNSET',
    failed: span.body.statusCode === 2,
    detail: span.body.statusMessage,
    eventIds: [span.eventId],
  }));
  return [runBar(execution.row, `Trace ${execution.row.key}`), ...bars];
}
