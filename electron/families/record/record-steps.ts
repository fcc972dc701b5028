import type { ComparedSideEffect, ComparedStep } from '../../../shared/model/comparison';
import type { ComparableSideEffects } from '../comparing/comparable-run';
import type { StepReader } from '../comparing/step-reader';

/**
 * Record steps, aligned by step index and name: the same index under another
 * name is another step (the plan changed), so it shows as only in one run.
 * Side effects declared and observed are those of the step's index.
 */
export const recordSteps: StepReader = {
  alignedBy: 'step index and name',
  readsEvents: false,
  steps({ detail }) {
    const declared = byStep(detail.sideEffects?.declared ?? []);
    const observed = byStep(detail.sideEffects?.observed ?? []);
    return detail.steps.map((step, position): ComparedStep => {
      const name = step.name ?? '(unnamed)';
      return {
        key: `${step.index ?? '-'}\u0000${name}`,
        label: step.index === null ? name : `step ${step.index} · ${name}`,
        position,
        outcome: step.status,
        failed: step.status === 'FAILED',
        startMs: step.startedMs,
        durationMs: step.durationMs,
        error: step.errorMessage,
        sideEffects: { declared: declared.get(step.index) ?? [], observed: observed.get(step.index) ?? [] },
        eventIds: step.events.map((event) => event.eventId),
      };
    });
  },
};

function byStep(effects: ComparableSideEffects['declared']): Map<number | null, ComparedSideEffect[]> {
  const map = new Map<number | null, ComparedSideEffect[]>();
  for (const effect of effects) {
    const compared = { category: effect.category, description: effect.description, reversible: effect.reversible };
    const list = map.get(effect.stepIndex);
    if (list === undefined) map.set(effect.stepIndex, [compared]);
    else list.push(compared);
  }
  return map;
}
