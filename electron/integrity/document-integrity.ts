import { canonicalRecordStatus, HEARTH_EXECUTION_STATUSES, HEARTH_STEP_EVENT_TYPES } from '../../shared/formats/record';
import type { JsonTree } from '../../shared/model/json-tree';
import { treeMember } from '../../shared/model/json-tree';
import { parseLosslessJson } from '../../shared/model/lossless-json';
import type { ChainVerdict, ExecutionHashComparison, HashRule } from '../../shared/model/inspection';
import { documentStepBodies } from '../../shared/formats/record-step-body';
import { executionHashOrNull, hashText, jcsStepHasher, verifyChain, type StepHasher } from './hash-chain';
import { HEARTH_EXECUTION_HASH_COVERAGE, hearthExecutionHash, hearthStepChain, hearthStepHash } from './hearth-hash';

/** What one record document's own hashes say: its step chain and its execution_hash, each with the rule used and what it covers. */
export interface DocumentIntegrity {
  readonly chain: ChainVerdict;
  readonly executionHash: ExecutionHashComparison;
  readonly executionHashExpected: string | null;
  readonly executionHashComputed: string | null;
  /** The rule execution_hash matched, or the one the document calls for when it matched none; null when it has no execution_hash. */
  readonly executionHashRule: HashRule | null;
  readonly covers: readonly string[];
  readonly notCovered: readonly string[];
}

/** What formats.md's execution_hash covers: through the chain head, every step event (when the chain is intact). */
const JCS_COVERAGE = {
  covers: ['execution_id', 'plan_id', 'live_mode_state', 'status', 'chain head (through an intact chain, every step event)'],
  notCovered: ['timestamp_start', 'timestamp_end', 'security snapshots', 'side_effects_report'],
} as const;

/** Human names of the rules, for statements. */
export const HASH_RULE_NAMES: Readonly<Record<HashRule, string>> = {
  jcs: "formats.md rule: SHA-256 of RFC 8785 canonical JSON",
  'python-json': "hearth's rule: SHA-256 of Python json.dumps(sort_keys=True)",
};

/**
 * Checks a record document against its own hashes. Step hashes are verified by
 * whichever accepted rule the first stored hash matches (formats.md's JCS or
 * hearth's Python json.dumps); a document none of whose steps carries an
 * event_hash has an `absent` chain, never a broken one, and for hearth's
 * documents the step chain is recomputed to be shown. execution_hash matches
 * when it equals either rule's recomputation; the verdict names the rule and
 * what it covers. Numbers are hashed from their text in `raw` (a lossless
 * parse), so `1.0` and integers beyond 2^53 hash as the producer hashed them.
 */
export function documentIntegrity(raw: string, doc: Readonly<Record<string, unknown>>): DocumentIntegrity {
  const parsed = parseLosslessJson(raw);
  const tree = parsed.ok ? parsed.tree : null;
  const bodies = documentStepBodies(doc);
  const stepTrees = stepTreesOf(tree);
  const hearth = isHearthShaped(doc, bodies);
  const chain = documentChain(bodies, stepTrees, hearth);

  const stored = doc['execution_hash'];
  if (stored === undefined || stored === null) {
    return { chain, executionHash: 'absent', executionHashExpected: null, executionHashComputed: null, executionHashRule: null, covers: [], notCovered: [] };
  }
  const computed: Record<HashRule, string | null> = {
    'python-json': tree === null ? null : okHash(hearthExecutionHash(tree)),
    jcs: executionHashOrNull({
      execution_id: doc['execution_id'],
      plan_id: doc['plan_id'],
      live_mode_state: doc['live_mode_state'],
      status: doc['status'],
      chain_head: chain.chainHead,
    } as Parameters<typeof executionHashOrNull>[0]),
  };
  const matched = (['python-json', 'jcs'] as const).find((rule) => computed[rule] !== null && computed[rule] === stored);
  const rule: HashRule = matched ?? chain.rule ?? (hearth ? 'python-json' : 'jcs');
  const coverage = rule === 'python-json' ? HEARTH_EXECUTION_HASH_COVERAGE : JCS_COVERAGE;
  return {
    chain,
    executionHash: matched !== undefined ? 'match' : 'mismatch',
    executionHashExpected: hashText(stored),
    executionHashComputed: computed[rule],
    executionHashRule: rule,
    covers: coverage.covers,
    notCovered: coverage.notCovered,
  };
}

/**
 * One sentence on a document's integrity for reviewers and reports, e.g.
 * "execution_hash match (hearth's rule: …) — covers: …; not covered: …".
 */
export function integrityStatement(integrity: Pick<DocumentIntegrity, 'chain' | 'executionHash' | 'executionHashRule' | 'covers' | 'notCovered'>): string {
  const parts: string[] = [];
  const rule = integrity.executionHashRule === null ? '' : ` (${HASH_RULE_NAMES[integrity.executionHashRule]})`;
  switch (integrity.executionHash) {
    case 'match':
      parts.push(`execution_hash match${rule} — covers: ${integrity.covers.join(', ')}; not covered: ${integrity.notCovered.join(', ')}.`);
      break;
    case 'mismatch':
      parts.push(`execution_hash MISMATCH${rule}: one of ${integrity.covers.join(', ')} changed after the producer hashed the record.`);
      break;
    case 'absent':
      parts.push('No execution_hash in the document: nothing vouches for its fields.');
      break;
  }
  const chain = integrity.chain;
  if (chain.chain === 'absent') {
    parts.push(`Step hashes: not present in the document (${chain.length} step events; the producer keeps them in memory only), so step contents are not covered${chain.recomputed !== undefined ? '; the recomputed step chain is shown for comparison with another copy' : ''}.`);
  } else if (chain.chain === 'broken') {
    parts.push(`Step chain broken at document step event ${chain.brokenAt ?? '?'} (${chain.reason ?? 'unknown reason'})${chain.rule !== undefined ? `, by ${HASH_RULE_NAMES[chain.rule]}` : ''}.`);
  } else if (chain.length > 0) {
    parts.push(`Step chain intact over ${chain.length} step events${chain.rule !== undefined ? `, by ${HASH_RULE_NAMES[chain.rule]}` : ''}.`);
  }
  return parts.join(' ');
}

/** The verdict on a document's step_events, by the rule its first stored hash matches. */
function documentChain(bodies: readonly Readonly<Record<string, unknown>>[], stepTrees: readonly JsonTree[], hearth: boolean): ChainVerdict {
  const recomputed = hearth ? hearthStepChain(stepTrees).hashes : undefined;
  const withRecomputed = (verdict: ChainVerdict): ChainVerdict => (recomputed === undefined ? verdict : { ...verdict, recomputed: [...recomputed] });
  if (bodies.length > 0 && !bodies.some((body) => Object.hasOwn(body, 'event_hash'))) {
    return withRecomputed({ chain: 'absent', length: bodies.length, chainHead: null });
  }
  const hearthHasher: StepHasher = (event, index) => {
    const stepTree = stepTrees[index];
    if (stepTree === undefined) return null;
    const link = event['previous_event_hash'];
    return okHash(hearthStepHash(stepTree, typeof link === 'string' ? link : null));
  };
  const first = bodies[0];
  const firstStored = first?.['event_hash'];
  let rule: HashRule = hearth ? 'python-json' : 'jcs';
  if (first !== undefined && typeof firstStored === 'string') {
    if (hearthHasher(first, 0) === firstStored) rule = 'python-json';
    else if (jcsStepHasher(first, 0) === firstStored) rule = 'jcs';
  }
  const verdict = verifyChain(bodies, rule === 'python-json' ? hearthHasher : jcsStepHasher);
  return withRecomputed(bodies.length === 0 ? verdict : { ...verdict, rule });
}

/** The document's step_events that are objects, as lossless trees, in the order documentStepBodies keeps them. */
function stepTreesOf(tree: JsonTree | null): JsonTree[] {
  const steps = tree === null ? undefined : treeMember(tree, 'step_events');
  return steps === undefined || steps.kind !== 'array' ? [] : steps.items.filter((item) => item.kind === 'object');
}

/** True for a document written by hearth: its lower-case status, `step_*` event types, or a pre snapshot with a boundary_state. */
function isHearthShaped(doc: Readonly<Record<string, unknown>>, bodies: readonly Readonly<Record<string, unknown>>[]): boolean {
  const status = doc['status'];
  if (typeof status === 'string' && (HEARTH_EXECUTION_STATUSES as readonly string[]).includes(status)) return true;
  if (bodies.some((body) => (HEARTH_STEP_EVENT_TYPES as readonly unknown[]).includes(body['event_type']))) return true;
  const pre = doc['security_snapshot_pre'];
  return pre !== null && typeof pre === 'object' && Object.hasOwn(pre, 'boundary_state');
}

function okHash(result: { readonly ok: true; readonly hash: string } | { readonly ok: false }): string | null {
  return result.ok ? result.hash : null;
}

/** A document's status as the index holds it, for comparing with an observer stream's. */
export function documentStatus(doc: Readonly<Record<string, unknown>>): string | null {
  const status = doc['status'];
  return typeof status === 'string' ? canonicalRecordStatus(status) : null;
}
