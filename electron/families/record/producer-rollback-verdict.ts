import { HEARTH_EXECUTION_STATUSES } from '../../../shared/formats/record';
import type { ProducerRollbackVerdict } from '../../../shared/model/inspection';
import type { RollbackHintFact } from '../../../shared/model/normalized-event';

/** What hearth's planner lists as manual steps when rollback is possible with hints (producers.md), verbatim. */
const MANUAL_STEPS = [
  'Review all rollback hints above carefully',
  'Verify that the execution state is as expected',
  'Execute rollback hints in REVERSE order',
  'Test system state after each rollback step',
  'Document any manual interventions',
] as const;

/**
 * hearth's own rollback verdict, `RollbackPlanner.plan_rollback(record, hints)`,
 * reproduced from the saved document exactly as the producer decides it: by
 * status alone, with the post snapshot's security_state for a failed run. It is
 * the producer's word, shown beside the inspector's evidence-based scaffold and
 * never merged with it. Null for a document that is not hearth's (its status is
 * not one of hearth's lower-case statuses), where no such planner ran.
 */
export function producerRollbackVerdict(document: Readonly<Record<string, unknown>> | null, hints: readonly RollbackHintFact[] | null): ProducerRollbackVerdict | null {
  const status = document?.['status'];
  if (document === null || typeof status !== 'string' || !(HEARTH_EXECUTION_STATUSES as readonly string[]).includes(status)) return null;
  const hintCount = hints?.length ?? 0;
  const verdict = (isRollbackPossible: boolean, reason: string, warnings: readonly string[] = [], irreversibleSteps: readonly number[] = []): ProducerRollbackVerdict => ({
    producer: 'hearth RollbackPlanner.plan_rollback',
    status,
    isRollbackPossible,
    reason,
    warnings: [...warnings],
    irreversibleSteps: [...irreversibleSteps],
    manualSteps: isRollbackPossible && hintCount > 0 ? [...MANUAL_STEPS] : [],
    hintCount,
  });
  switch (status) {
    case 'completed':
      return verdict(false, 'Execution completed successfully - no rollback needed');
    case 'incomplete':
      return verdict(false, 'Security escalation stopped execution - CANNOT rollback', ['Security incident occurred during execution', 'System state may be inconsistent']);
    case 'failed': {
      const post = document['security_snapshot_post'];
      const postState = post !== null && typeof post === 'object' ? (post as Record<string, unknown>)['security_state'] : undefined;
      // The planner tests the post snapshot only when there is one: a null post snapshot reads as not degraded.
      if (post !== null && post !== undefined && postState !== 'OPERATIONAL') {
        return verdict(false, 'Security state degraded - CANNOT rollback safely', ['Security state is not OPERATIONAL']);
      }
      const steps = Array.isArray(document['step_events']) ? (document['step_events'] as unknown[]) : [];
      // Positions in step_events, not step indexes: that is what the planner records.
      const irreversible = steps.flatMap((step, position) => (step !== null && typeof step === 'object' && (step as Record<string, unknown>)['event_type'] === 'step_completed' ? [position] : []));
      return verdict(hintCount > 0, 'Partial execution - rollback may be possible', [], irreversible);
    }
    case 'started':
      return verdict(false, 'Execution did not start - no rollback needed');
    default:
      // completed_partial: the planner has no branch for it and returns its defaults.
      return verdict(false, '');
  }
}
