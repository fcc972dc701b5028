import type { ExecutionIntegrity } from '../../shared/model/execution-integrity';
import { assertNever } from '../../shared/model/family';

/** How an integrity state is shown: a short word for cells, a sentence for titles and screen readers, a tone. */
export interface IntegrityText {
  readonly short: string;
  readonly sentence: string;
  readonly tone: 'ok' | 'bad' | 'warn' | 'neutral';
}

/** The words of each tamper-evidence state; `broken` always says the record cannot be trusted. */
export function integrityText(integrity: ExecutionIntegrity): IntegrityText {
  switch (integrity) {
    case 'intact':
      return { short: 'hashes match', sentence: 'Every hash the record carries was recomputed and matches.', tone: 'ok' };
    case 'broken':
      return { short: 'broken: untrusted', sentence: 'A hash no longer matches the record: it was changed after it was written and cannot be trusted.', tone: 'bad' };
    case 'unhashed':
      return { short: 'no hashes', sentence: 'The record carries no hash: nothing vouches for it, and nothing is broken.', tone: 'warn' };
    case 'unchecked':
      return { short: 'not checked yet', sentence: 'The record has not been checked against its hashes yet.', tone: 'neutral' };
    case 'not_applicable':
      return { short: '—', sentence: "This family's telemetry carries no hashes.", tone: 'neutral' };
    default:
      return assertNever(integrity, 'integrity');
  }
}

/** Labels of the integrity filter's choices. */
export const INTEGRITY_FILTER_LABELS: Readonly<Record<ExecutionIntegrity, string>> = {
  broken: 'Broken (cannot be trusted)',
  intact: 'Hashes match',
  unhashed: 'No hashes',
  unchecked: 'Not checked yet',
  not_applicable: 'Family without hashes',
};

/**
 * The status a row claims, as shown beside its integrity: a record whose hashes
 * are broken only claims its status, so it is never shown in green and says so.
 */
export function claimedStatus(status: string, tone: 'ok' | 'bad' | 'warn' | 'neutral', integrity: ExecutionIntegrity): { readonly text: string; readonly tone: 'ok' | 'bad' | 'warn' | 'neutral' } {
  if (integrity !== 'broken') return { text: status, tone };
  return { text: `${status} (claimed, untrusted)`, tone: tone === 'ok' ? 'neutral' : tone };
}
