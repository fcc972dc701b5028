import type { z } from 'zod';
import type { spanViewSchema } from '../../shared/api/views';
import { aiSpanFacts, spanKindName } from '../../shared/formats/otlp-span-label';
import { formatDuration } from './time';

/** One span of an OTLP trace as the execution detail gives it. */
export type SpanView = z.infer<typeof spanViewSchema>;

/** The status a span's badge says: its status code's name, with the message of an error. */
export function spanStatusText(span: Pick<SpanView, 'statusCode'>): 'UNSET' | 'OK' | 'ERROR' {
  return span.statusCode === 2 ? 'ERROR' : span.statusCode === 1 ? 'OK' : 'UNSET';
}

/** How long a span took, under a millisecond in microseconds (agent spans are often that short); "no end" when none was written. */
export function spanDurationText(span: Pick<SpanView, 'startMs' | 'endMs'>): string {
  if (span.startMs === null || span.endMs === null) return span.startMs === null ? '—' : 'no end';
  const ms = span.endMs - span.startMs;
  return ms < 1 && ms >= 0 ? `${Math.round(ms * 1000)} µs` : formatDuration(ms);
}

/**
 * The readable facts of an AI span (GenAI semantic conventions, OpenInference),
 * as label and value pairs; empty for a span that carries none.
 */
export function aiFactRows(span: Pick<SpanView, 'attributes'>): [string, string][] {
  const facts = aiSpanFacts(span.attributes);
  const rows: [string, string | null][] = [
    ['Operation', facts.operation],
    ['Model', facts.model],
    ['Tool', facts.tool],
    ['Agent', facts.agent],
    ['Input tokens', facts.inputTokens === null ? null : String(facts.inputTokens)],
    ['Output tokens', facts.outputTokens === null ? null : String(facts.outputTokens)],
  ];
  return rows.filter((row): row is [string, string] => row[1] !== null);
}

/** A span's kind in words ("server span"). */
export function spanKindText(kind: number | null): string {
  return `${spanKindName(kind)} span`;
}
