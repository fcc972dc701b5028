import type { ManualStep, RollbackWarningCode } from '../../shared/model/inspection';

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
