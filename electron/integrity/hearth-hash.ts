import { createHash } from 'node:crypto';
import { JSON_NULL, jsonInt, jsonObject, jsonString, treeMember, type JsonMember, type JsonTree } from '../../shared/model/json-tree';
import { pythonJsonDumps } from '../../shared/model/python-json-dumps';

/**
 * What hearth's execution_hash covers and what it does not (producers.md
 * "Hashes, exactly as the producer computes them"), for verdicts that must say so.
 */
export const HEARTH_EXECUTION_HASH_COVERAGE = {
  covers: ['execution_id', 'plan_id', 'live_mode_state', 'status', 'timestamp_start', 'timestamp_end', 'security_snapshot_pre (timestamp, security_state, boundary_state)', 'step count'],
  notCovered: ['step contents', 'security_snapshot_post', 'completion_reason', 'security_snapshot_pre.context'],
} as const;

/** A hash input built from a document, or the fields the document lacks (then no hash can be recomputed). */
export type HearthHashInput = { readonly ok: true; readonly tree: JsonTree } | { readonly ok: false; readonly missing: readonly string[] };

/** A recomputed hash, or the fields whose absence made it impossible. */
export type HearthHash = { readonly ok: true; readonly hash: string; readonly input: string } | { readonly ok: false; readonly missing: readonly string[] };

/** The fields of the top-level document execution_hash takes verbatim. */
const EXECUTION_FIELDS = ['execution_id', 'plan_id', 'live_mode_state', 'status', 'timestamp_start', 'timestamp_end'] as const;

/** The fields of security_snapshot_pre it takes. */
const SNAPSHOT_FIELDS = ['timestamp', 'security_state', 'boundary_state'] as const;

/** The fields of a step event the step hash takes, besides previous_event_hash. */
const STEP_FIELDS = ['timestamp', 'step_index', 'step_name', 'event_type', 'details', 'error_message'] as const;

/**
 * The value hearth's ExecutionRecord.get_execution_hash() hashes, rebuilt from
 * a saved document (a tree from parseLosslessJson): the document's own values
 * for the covered fields (its strings are the producer's isoformat() strings)
 * and `step_count` = the number of `step_events`. Missing fields are named,
 * never guessed; `timestamp_end` must be present, null included.
 */
export function hearthExecutionHashInput(document: JsonTree): HearthHashInput {
  const missing: string[] = [];
  const members: JsonMember[] = [];
  for (const key of EXECUTION_FIELDS) {
    const value = treeMember(document, key);
    if (value === undefined) missing.push(key);
    else members.push({ key, value });
  }
  const snapshot = treeMember(document, 'security_snapshot_pre');
  if (snapshot === undefined || snapshot.kind !== 'object') {
    missing.push('security_snapshot_pre');
  } else {
    const snapshotMembers: JsonMember[] = [];
    for (const key of SNAPSHOT_FIELDS) {
      const value = treeMember(snapshot, key);
      if (value === undefined) missing.push(`security_snapshot_pre.${key}`);
      else snapshotMembers.push({ key, value });
    }
    members.push({ key: 'security_snapshot_pre', value: jsonObject(snapshotMembers) });
  }
  const steps = treeMember(document, 'step_events');
  if (steps === undefined || steps.kind !== 'array') missing.push('step_events');
  else members.push({ key: 'step_count', value: jsonInt(steps.items.length) });
  return missing.length > 0 ? { ok: false, missing } : { ok: true, tree: jsonObject(members) };
}

/** sha256_hex(py(projection)) of a hearth document: compare it with the document's `execution_hash` string. */
export function hearthExecutionHash(document: JsonTree): HearthHash {
  const input = hearthExecutionHashInput(document);
  return input.ok ? hashOf(input.tree) : input;
}

/**
 * hearth's StepEvent.get_hash() for one step event of a document:
 * sha256_hex(py({timestamp, step_index, step_name, event_type, details,
 * error_message, previous_event_hash})) with the given link. A step's own
 * `previous_event_hash` / `event_hash` members, if any, are ignored: the
 * caller chooses the link (the recomputed previous hash, or the stored one).
 */
export function hearthStepHash(step: JsonTree, previousEventHash: string | null): HearthHash {
  const missing: string[] = [];
  const members: JsonMember[] = [];
  for (const key of STEP_FIELDS) {
    const value = treeMember(step, key);
    if (value === undefined) missing.push(key);
    else members.push({ key, value });
  }
  if (missing.length > 0) return { ok: false, missing };
  members.push({ key: 'previous_event_hash', value: previousEventHash === null ? JSON_NULL : jsonString(previousEventHash) });
  return hashOf(jsonObject(members));
}

/** The step chain hearth keeps in memory only, recomputed; it stops at the first step that lacks a field. */
export interface HearthStepChain {
  /** Hash of step i, in document order, each linked to the one before (the first to null). */
  readonly hashes: readonly string[];
  /** The first step that could not be hashed, when there is one: no later hash can be known. */
  readonly stoppedAt: { readonly index: number; readonly missing: readonly string[] } | null;
}

/** Recomputes the chain over a document's `step_events` items, in order (shown to reviewers to compare copies). */
export function hearthStepChain(stepEvents: readonly JsonTree[]): HearthStepChain {
  const hashes: string[] = [];
  let previous: string | null = null;
  for (let index = 0; index < stepEvents.length; index++) {
    const result = hearthStepHash(stepEvents[index] as JsonTree, previous);
    if (!result.ok) return { hashes, stoppedAt: { index, missing: result.missing } };
    hashes.push(result.hash);
    previous = result.hash;
  }
  return { hashes, stoppedAt: null };
}

function hashOf(tree: JsonTree): HearthHash {
  const input = pythonJsonDumps(tree, { sortKeys: true });
  return { ok: true, hash: createHash('sha256').update(input, 'utf8').digest('hex'), input };
}
