import type { AlignedStep, ComparedSideEffect, ComparedStep, StepDifference } from '../../../shared/model/comparison';

/**
 * Pairs the steps of two runs by key, keeping run order: pairs in A's order,
 * and a step only B has placed just before the next step it shares with A.
 * Linear in the number of steps, so 30,000-step runs align in milliseconds.
 */
export function alignSteps(a: readonly ComparedStep[], b: readonly ComparedStep[]): AlignedStep[] {
  const inB = new Map<string, number>();
  b.forEach((step, index) => {
    if (!inB.has(step.key)) inB.set(step.key, index);
  });
  const inA = new Set<string>();
  for (const step of a) inA.add(step.key);
  const usedB = new Uint8Array(b.length);
  const aligned: AlignedStep[] = [];
  let next = 0;
  const flushOnlyB = (until: number): void => {
    for (; next < until; next += 1) {
      const step = b[next] as ComparedStep;
      if (!inA.has(step.key) && usedB[next] === 0) {
        usedB[next] = 1;
        aligned.push(pair(null, step));
      }
    }
  };
  for (const step of a) {
    const match = inB.get(step.key);
    if (match === undefined || usedB[match] === 1) {
      aligned.push(pair(step, null));
      continue;
    }
    flushOnlyB(match);
    usedB[match] = 1;
    aligned.push(pair(step, b[match] as ComparedStep));
    next = Math.max(next, match + 1);
  }
  flushOnlyB(b.length);
  return aligned;
}

function pair(a: ComparedStep | null, b: ComparedStep | null): AlignedStep {
  const named = (a ?? b) as ComparedStep;
  return {
    key: named.key,
    label: named.label,
    a,
    b,
    durationDeltaMs: a !== null && b !== null && a.durationMs !== null && b.durationMs !== null ? b.durationMs - a.durationMs : null,
    differences: differences(a, b),
  };
}

/** What makes two aligned steps different: presence, outcome, side effects. Errors and durations are shown, not counted: their text and timing vary between good runs. */
export function differences(a: ComparedStep | null, b: ComparedStep | null): StepDifference[] {
  if (a === null) return ['only_in_b'];
  if (b === null) return ['only_in_a'];
  const found: StepDifference[] = [];
  if (a.outcome !== b.outcome || a.failed !== b.failed) found.push('outcome');
  if (!sameEffects(a.sideEffects.observed, b.sideEffects.observed) || !sameEffects(a.sideEffects.declared, b.sideEffects.declared)) found.push('side_effects');
  return found;
}

/** Equal as multisets: the order side effects were reported in is not what a reviewer compares. */
function sameEffects(a: readonly ComparedSideEffect[], b: readonly ComparedSideEffect[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  // One each (the usual step): equal fields are equal texts, without building them.
  if (a.length === 1) return a[0]?.category === b[0]?.category && a[0]?.description === b[0]?.description && a[0]?.reversible === b[0]?.reversible;
  const text = (effects: readonly ComparedSideEffect[]): string =>
    effects
      .map((effect) => JSON.stringify([effect.category, effect.description, effect.reversible]))
      .sort()
      .join('\n');
  return text(a) === text(b);
}
