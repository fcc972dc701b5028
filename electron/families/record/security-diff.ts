import { canonicalJson } from '../../../shared/model/canonical-json';
import { BOUNDARY_STATE_ORDER, HEARTH_SECURITY_ORDER, SECURITY_STATES } from '../../../shared/model/inspection';
import type { SecurityDiff, SnapshotFieldDiff, SnapshotHead, StateDirection } from '../../../shared/model/inspection';
import type { SnapshotFact } from '../../../shared/model/normalized-event';

/**
 * Compares the pre and post security snapshots of an execution: the state by
 * its severity order, every free-form field by canonical JSON equality. A
 * missing snapshot is said to be missing (`no_post_snapshot`), never read as
 * every field removed: an execution still running has no post snapshot yet.
 */
export function securityDiff(pre: SnapshotFact | null, post: SnapshotFact | null): SecurityDiff {
  const from = pre?.securityState ?? null;
  const to = post?.securityState ?? null;
  const preFields = pre?.fields ?? {};
  const postFields = post?.fields ?? {};
  const names = [...new Set([...Object.keys(preFields), ...Object.keys(postFields)])].sort(compareCodeUnits);
  const boundaryFrom = boundaryState(pre);
  const boundaryTo = boundaryState(post);
  return {
    pre: head(pre),
    post: head(post),
    stateChange: { from, to, direction: stateDirection(from, to, SECURITY_SCALES) },
    boundaryChange: boundaryFrom === null && boundaryTo === null ? null : { from: boundaryFrom, to: boundaryTo, direction: stateDirection(boundaryFrom, boundaryTo, BOUNDARY_SCALES) },
    fields: names.map((name) => (post === null ? { field: name, pre: preFields[name], change: 'no_post_snapshot' as const } : pre === null ? { field: name, post: postFields[name], change: 'no_pre_snapshot' as const } : fieldDiff(name, preFields, postFields))),
  };
}

/** The scales a security state is ranked on: the spec's and hearth's; COMPROMISED is on both. */
const SECURITY_SCALES: readonly (readonly string[])[] = [SECURITY_STATES, HEARTH_SECURITY_ORDER];
const BOUNDARY_SCALES: readonly (readonly string[])[] = [BOUNDARY_STATE_ORDER];

function boundaryState(snapshot: SnapshotFact | null): string | null {
  const value = snapshot?.fields['boundary_state'];
  return typeof value === 'string' ? value : null;
}

function head(snapshot: SnapshotFact | null): SnapshotHead | null {
  return snapshot === null ? null : { capturedAt: snapshot.capturedAt, securityState: snapshot.securityState };
}

function stateDirection(from: string | null, to: string | null, scales: readonly (readonly string[])[]): StateDirection {
  // States are compared exactly as the contract spells them, on the first scale that holds both; anything else is not ranked.
  if (from === null || to === null) return 'unknown';
  const scale = scales.find((candidate) => candidate.includes(from) && candidate.includes(to));
  if (scale === undefined) return 'unknown';
  const fromRank = scale.indexOf(from);
  const toRank = scale.indexOf(to);
  return toRank > fromRank ? 'worse' : toRank < fromRank ? 'better' : 'same';
}

function fieldDiff(field: string, preFields: Readonly<Record<string, unknown>>, postFields: Readonly<Record<string, unknown>>): SnapshotFieldDiff {
  const inPre = Object.hasOwn(preFields, field) && preFields[field] !== undefined;
  const inPost = Object.hasOwn(postFields, field) && postFields[field] !== undefined;
  const pre = preFields[field];
  const post = postFields[field];
  if (!inPre) return { field, post, change: 'added' };
  if (!inPost) return { field, pre, change: 'removed' };
  const change = canonicalJson(pre) === canonicalJson(post) ? 'same' : 'changed';
  if (isPrimitiveArray(pre) && isPrimitiveArray(post)) {
    return { field, pre, post, change, added: itemsMissingFrom(post, pre), removed: itemsMissingFrom(pre, post) };
  }
  return { field, pre, post, change };
}

function isPrimitiveArray(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object');
}

/** Items of `from` absent from `other`, in `from` order; duplicates count as one item each way. */
function itemsMissingFrom(from: readonly unknown[], other: readonly unknown[]): unknown[] {
  const present = new Set(other.map((item) => canonicalJson(item)));
  const seen = new Set<string>();
  const missing: unknown[] = [];
  for (const item of from) {
    const key = canonicalJson(item);
    if (!present.has(key) && !seen.has(key)) missing.push(item);
    seen.add(key);
  }
  return missing;
}

function compareCodeUnits(a: string, b: string): number {
  // Code-unit order, like the canonical JSON keys, so the order does not depend on the locale.
  return a < b ? -1 : a > b ? 1 : 0;
}
