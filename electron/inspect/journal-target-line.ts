import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { journalLineSchema, journalTargetSchema } from '../../shared/api/journal-views';
import type { JournalTargets, TargetLine } from '../index/queries/journal-targets';

/** The raw line an entry quotes, with its place and hash. */
export type JournalLine = z.infer<typeof journalLineSchema>;

/** What an entry points at. */
export type JournalTarget = z.infer<typeof journalTargetSchema>;

/** Characters of the target's raw line an entry quotes; a record document can be megabytes, and its hash covers all of it. */
export const TARGET_TEXT_LIMIT = 16_384;

/** A target as a request names it: an execution, one of its steps, or an event. */
export interface TargetRequest {
  readonly executionId?: string | undefined;
  readonly stepIndex?: number | undefined;
  readonly eventId?: number | undefined;
}

/** SHA-256 hex of a raw line as the index holds it (its UTF-8 bytes). */
export function rawLineHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

/** The quoted line of an indexed event. */
export function quoteLine(which: JournalLine['which'], found: TargetLine): JournalLine {
  return {
    which,
    path: found.path,
    line: found.line,
    sha256: rawLineHash(found.raw),
    text: found.raw.slice(0, TARGET_TEXT_LIMIT),
    textTruncated: found.raw.length > TARGET_TEXT_LIMIT,
  };
}

/**
 * Resolves a requested target against the index: an event by id (its
 * execution filled in), a step by its execution and index (its first event's
 * line), or an execution (its first event's line, in the execution page's
 * order). Returns a reason when the target does not exist.
 */
export function resolveTarget(targets: JournalTargets, request: TargetRequest): { readonly target: JournalTarget; readonly line: JournalLine } | { readonly missing: string } {
  if (request.eventId !== undefined) {
    const found = targets.event(request.eventId);
    if (found === null) return { missing: `no event ${request.eventId} in this folder's index` };
    if (request.executionId !== undefined && request.executionId !== found.executionId) return { missing: `event ${request.eventId} does not belong to ${request.executionId}` };
    return { target: { executionId: found.executionId, stepIndex: request.stepIndex ?? null, eventId: found.eventId }, line: quoteLine('event', found) };
  }
  if (request.executionId === undefined) return { missing: 'a note names an execution, a step of one, or an event' };
  if (request.stepIndex !== undefined) {
    const found = targets.stepFirstEvent(request.executionId, request.stepIndex);
    if (found === null) return { missing: `no step ${request.stepIndex} of ${request.executionId} in this folder's index` };
    return { target: { executionId: request.executionId, stepIndex: request.stepIndex, eventId: null }, line: quoteLine('step-first-event', found) };
  }
  const found = targets.executionFirstEvent(request.executionId);
  if (found === null) return { missing: `no execution ${JSON.stringify(request.executionId.slice(0, 200))} in this folder's index` };
  return { target: { executionId: request.executionId, stepIndex: null, eventId: null }, line: quoteLine('execution-first-event', found) };
}
