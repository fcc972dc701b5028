import { ExecutionBriefList } from './execution-brief-list';

/**
 * The records whose hashes no longer match, whatever status they claim: a
 * tampered record can claim COMPLETED, so it would never show among the failures.
 */
export function UntrustedList() {
  return <ExecutionBriefList request={{ integrities: ['broken'] }} emptyTitle="No record with broken hashes in this time range" />;
}
