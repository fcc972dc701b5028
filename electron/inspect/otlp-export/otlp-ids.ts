import { createHash } from 'node:crypto';

/**
 * Trace and span ids derived from the execution id (and a bar's key): the same
 * execution exported twice, or from two copies of the evidence, has the same
 * ids, so the spans of a re-export replace rather than duplicate in a backend.
 */
export function otlpTraceId(executionId: string): string {
  return nonZero(digest(`execution-inspector/trace/${executionId}`).slice(0, 32));
}

/** The span id of one part of an execution (`run` for the execution itself, else a waterfall bar's key). */
export function otlpSpanId(executionId: string, part: string): string {
  return nonZero(digest(`execution-inspector/span/${executionId}/${part}`).slice(0, 16));
}

function digest(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** All-zero ids are invalid in OTLP; a SHA-256 prefix of zeros is astronomically unlikely, but never emitted. */
function nonZero(hex: string): string {
  return /^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex;
}
