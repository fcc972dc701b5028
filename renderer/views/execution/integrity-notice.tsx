import type { ExecutionIntegrity } from '../../../shared/model/execution-integrity';

/**
 * The sentence under the header of a record that cannot be trusted: its status,
 * steps and snapshots are still shown as written, so the reviewer must be told
 * before reading them that they were changed after the producer hashed them.
 */
export function IntegrityNotice({ integrity }: { readonly integrity: ExecutionIntegrity }) {
  if (integrity === 'broken') {
    return (
      <p className="notice notice-bad" role="note">
        <strong>This record cannot be trusted.</strong> A hash recomputed from it no longer matches the hash written with it: it was changed after it was
        written. Its status, steps and snapshots below are shown as written, not as they happened. See Tamper evidence for where it breaks.
      </p>
    );
  }
  if (integrity === 'unchecked') {
    return (
      <p className="notice" role="note">
        This record has not been checked against its hashes yet.
      </p>
    );
  }
  return null;
}
