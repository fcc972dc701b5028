import { Badge } from '../../../components/badge';
import { useApi } from '../../../hooks/use-api';
import { BrokenStepLink } from './broken-step-link';

const REASONS: Readonly<Record<string, string>> = {
  event_hash_mismatch: "the event's content no longer matches its own hash",
  missing_event_hash: 'the event has no event_hash',
  previous_hash_mismatch: 'the link to the event before it is wrong (an event was removed, inserted or reordered)',
  unhashable_event: 'the event holds a number beyond JSON range, so its hash cannot be recomputed',
};

/** The hash-chain verdict of a record execution: intact, broken at step event N and why, a mismatching execution_hash, or no step hashes at all. */
export function ChainBadge({ id }: { readonly id: string }) {
  const verification = useApi('verifyExecution', { id });
  if (verification.value === undefined) {
    return verification.error !== null ? (
      <Badge tone="neutral" title={verification.error.message}>
        chain not verified
      </Badge>
    ) : (
      <Badge tone="neutral">verifying chain…</Badge>
    );
  }
  const value = verification.value;
  if (value.chain === 'broken') {
    const reason = value.reason === null ? 'unknown reason' : (REASONS[value.reason] ?? value.reason);
    return (
      <Badge tone="bad" title={`expected ${value.expected ?? 'null'}, computed ${value.computed ?? 'null'}`}>
        hash chain broken at {value.brokenAt === null || value.brokenIn === null ? 'step event ?' : <BrokenStepLink via={value.brokenIn} position={value.brokenAt} />}: {reason}
      </Badge>
    );
  }
  // A mismatching execution_hash means the record changed after it was hashed: never shown in green.
  if (value.executionHash === 'mismatch') {
    return (
      <Badge tone="bad" title={value.statement}>
        execution_hash mismatch: the record changed after it was hashed
      </Badge>
    );
  }
  if (value.chain === 'absent') {
    return (
      <Badge tone={value.executionHash === 'match' ? 'info' : 'warn'} title={value.statement}>
        {value.executionHash === 'match' ? 'execution_hash match · ' : ''}no step hashes: step contents not covered
      </Badge>
    );
  }
  return (
    <Badge tone="ok" title={value.statement}>
      hash chain intact{value.executionHash === 'match' ? ' · execution_hash match' : ''}
    </Badge>
  );
}
