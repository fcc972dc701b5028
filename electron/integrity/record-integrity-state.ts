import type { ExecutionIntegrity } from '../../shared/model/execution-integrity';
import type { ChainVerdict, ExecutionHashComparison } from '../../shared/model/inspection';

/**
 * The one-word tamper-evidence state of a record execution from its chain
 * verdicts (observer stream, record document) and its execution_hash: broken as
 * soon as one recomputed hash differs from the written one; intact when at
 * least one hash was recomputed and all match; unhashed when the record carries
 * none (hearth's step hashes live in memory only, an empty stream has no step
 * yet): an absent hash is never a break, since a genuine record must never read broken.
 */
export function recordIntegrityState(chains: readonly ChainVerdict[], executionHash: ExecutionHashComparison): ExecutionIntegrity {
  if (executionHash === 'mismatch' || chains.some((verdict) => verdict.chain === 'broken')) return 'broken';
  if (executionHash === 'match' || chains.some((verdict) => verdict.chain === 'intact' && verdict.length > 0)) return 'intact';
  return 'unhashed';
}
