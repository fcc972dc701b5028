import { createHash } from 'node:crypto';
import { canonicalJson, canonicalJsonOrNull, nullIfNotCanonicalizable } from '../../shared/model/canonical-json';
import type { ChainVerdict, ExecutionHashComparison } from '../../shared/model/inspection';

/** The fields execution_hash covers (formats.md "Hash chain"), named as in the record document. */
export interface ExecutionHashFields {
  readonly execution_id: string | null;
  readonly plan_id: string | null;
  readonly live_mode_state: string | null;
  readonly status: string | null;
  readonly chain_head: string | null;
}

/** sha256_hex(canonical(event without "event_hash" and "kind")), per formats.md. */
export function eventHash(stepEvent: Readonly<Record<string, unknown>>): string {
  const covered: Record<string, unknown> = {};
  for (const key of Object.keys(stepEvent)) {
    if (key !== 'event_hash' && key !== 'kind') covered[key] = stepEvent[key];
  }
  return sha256Hex(canonicalJson(covered));
}

/** Recomputes the event_hash of the step event at `index` by one rule; null when the event cannot be hashed. */
export type StepHasher = (event: Readonly<Record<string, unknown>>, index: number) => string | null;

/** The rule of formats.md §5: sha256 of the RFC 8785 canonical JSON (JCS) of the event without event_hash and kind. */
export const jcsStepHasher: StepHasher = (event) => hashOrNull(event);

/**
 * Verifies step events given in emission order and reports the first break.
 * Within one event the checks run missing hash, then own hash, then link: an
 * event whose content no longer matches its hash cannot vouch for the
 * previous_event_hash it carries, so a link mismatch is reported only for an
 * event that is itself intact (as in the spec's removed and reordered vectors).
 * Hashes are recomputed with `hasher` (by default the JCS rule of formats.md).
 */
export function verifyChain(stepEvents: readonly Readonly<Record<string, unknown>>[], hasher: StepHasher = jcsStepHasher): ChainVerdict {
  const length = stepEvents.length;
  const last = stepEvents[length - 1];
  const chainHead = last !== undefined && typeof last['event_hash'] === 'string' ? last['event_hash'] : null;
  let expectedPrevious: string | null = null;
  for (let index = 0; index < length; index++) {
    const event = stepEvents[index] as Readonly<Record<string, unknown>>;
    const stored = event['event_hash'];
    const computed = hasher(event, index);
    if (computed === null) {
      return { chain: 'broken', length, chainHead, brokenAt: index, reason: 'unhashable_event', expected: hashText(stored), computed: null };
    }
    if (stored === undefined || stored === null) {
      return { chain: 'broken', length, chainHead, brokenAt: index, reason: 'missing_event_hash', expected: null, computed };
    }
    if (typeof stored !== 'string' || stored !== computed) {
      return { chain: 'broken', length, chainHead, brokenAt: index, reason: 'event_hash_mismatch', expected: hashText(stored), computed };
    }
    const link = event['previous_event_hash'];
    // An absent link reads as null; a link that is neither string nor null never matches, even at index 0.
    const linked = link === null || link === undefined ? expectedPrevious === null : link === expectedPrevious;
    if (!linked) {
      return { chain: 'broken', length, chainHead, brokenAt: index, reason: 'previous_hash_mismatch', expected: expectedPrevious, computed: hashText(link) };
    }
    expectedPrevious = stored;
  }
  return { chain: 'intact', length, chainHead };
}

/** sha256_hex(canonical({execution_id, plan_id, live_mode_state, status, chain_head})), per formats.md. */
export function executionHash(fields: ExecutionHashFields): string {
  return sha256Hex(
    canonicalJson({
      execution_id: fields.execution_id,
      plan_id: fields.plan_id,
      live_mode_state: fields.live_mode_state,
      status: fields.status,
      chain_head: fields.chain_head,
    }),
  );
}

/** Compares a record document's execution_hash with the one recomputed from `fields`; exact string equality. */
export function compareExecutionHash(documentHash: string | null | undefined, fields: ExecutionHashFields): ExecutionHashComparison {
  if (documentHash === null || documentHash === undefined) return 'absent';
  return documentHash === executionHashOrNull(fields) ? 'match' : 'mismatch';
}

/** executionHash, or null when a field holds a number beyond JSON's range (no hash can match then). */
export function executionHashOrNull(fields: ExecutionHashFields): string | null {
  return nullIfNotCanonicalizable(() => executionHash(fields));
}

/**
 * A stored hash field as reportable text: strings as is, null/absent as null,
 * anything else as canonical JSON (or a note when it has none).
 */
export function hashText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : (canonicalJsonOrNull(value) ?? '(a value holding a number beyond JSON range)');
}

function hashOrNull(stepEvent: Readonly<Record<string, unknown>>): string | null {
  return nullIfNotCanonicalizable(() => eventHash(stepEvent));
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
