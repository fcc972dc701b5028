import type { ManualStep, ProducerRollbackVerdict, RollbackWarningCode } from '../../shared/model/inspection';

/** The manual steps as plain text for the clipboard, in scaffold order, each action as written. */
export function manualStepsText(executionId: string, steps: readonly ManualStep[]): string {
  const lines = [`Manual rollback steps for ${executionId} (from the plan's hints, verbatim; the inspector ran none of them):`, ''];
  steps.forEach((step, position) => {
    lines.push(`${position + 1}. [step ${step.stepIndex ?? '—'}] ${step.description}`, `   ${step.action}`);
  });
  return `${lines.join('\n')}\n`;
}

/** Short titles of the rollback warning codes. */
export const WARNING_TITLES: Readonly<Record<RollbackWarningCode, string>> = {
  irreversible_step: 'Irreversible step',
  undeclared_side_effect: 'Undeclared side effect',
  unobserved_side_effect: 'Declared side effect not observed',
  security_worse: 'Security state got worse',
  live_run: 'LIVE run',
  chain_broken: 'Hash chain broken',
  chain_not_present: 'No step hashes',
  side_effects_not_reported: 'No side-effect report',
};

/** True when what the reviewer typed is exactly the execution id (no trimming: exact means exact). */
export function confirmsExecution(typed: string, executionId: string): boolean {
  return typed === executionId;
}

/**
 * Why the producer's verdict reads as it does, where its own words seem to say
 * the opposite: hearth's planner gives a failed run the reason "rollback may be
 * possible" and says possible only when it has rollback hints. Null where the
 * verdict needs no such note.
 */
export function producerVerdictNote(verdict: ProducerRollbackVerdict): string | null {
  if (verdict.isRollbackPossible || verdict.status !== 'failed' || verdict.hintCount > 0 || verdict.warnings.length > 0) return null;
  return 'The planner gives this reason whether or not rollback is possible: for a failed run it says possible only when it has rollback hints, and none were found for this run.';
}
