import type { AlignedStep, BaselineScope, BaselineVerdict, StepDifference } from '../../shared/model/comparison';
import { formatDuration } from './time';

/** The text of each cell of one aligned step row. */
export interface AlignedStepCells {
  readonly label: string;
  readonly a: string;
  readonly b: string;
  readonly durationA: string;
  readonly durationB: string;
  readonly delta: string;
  readonly differences: string;
}

/** Formats only what is on screen: the virtualized list calls this per visible row. */
export function alignedStepCells(step: AlignedStep): AlignedStepCells {
  return {
    label: step.label,
    a: sideText(step.a),
    b: sideText(step.b),
    durationA: step.a === null ? '' : formatDuration(step.a.durationMs),
    durationB: step.b === null ? '' : formatDuration(step.b.durationMs),
    delta: deltaText(step.durationDeltaMs),
    differences: step.differences.map(differenceText).join(', '),
  };
}

/** One sentence a screen reader says for an aligned step. */
export function alignedStepLabel(step: AlignedStep): string {
  const cells = alignedStepCells(step);
  return `${cells.label}: run A ${cells.a}, run B ${cells.b}${cells.differences === '' ? ', same' : `, differs: ${cells.differences}`}`;
}

/** A side of a step: its outcome and error, or that the run does not have it. */
function sideText(step: AlignedStep['a']): string {
  if (step === null) return 'not in this run';
  return `${step.outcome ?? '—'}${step.error === null ? '' : ` · ${step.error}`}`;
}

/** A duration delta with its sign, or nothing when either side is unknown. */
export function deltaText(ms: number | null): string {
  if (ms === null) return '';
  if (ms === 0) return '±0';
  return `${ms > 0 ? '+' : '−'}${formatDuration(Math.abs(ms))}`;
}

/** Why a pair differs, in words. */
export function differenceText(difference: StepDifference): string {
  switch (difference) {
    case 'only_in_a':
      return 'only in A';
    case 'only_in_b':
      return 'only in B';
    case 'outcome':
      return 'outcome';
    case 'side_effects':
      return 'side effects';
  }
}

/** The index of the next differing step after `from` (wrapping), or null when none differs. */
export function nextDifference(steps: readonly AlignedStep[], from: number | null, direction: 1 | -1 = 1): number | null {
  const count = steps.length;
  if (count === 0) return null;
  const start = from ?? (direction === 1 ? -1 : count);
  for (let offset = 1; offset <= count; offset += 1) {
    const index = (((start + direction * offset) % count) + count) % count;
    if ((steps[index]?.differences.length ?? 0) > 0) return index;
  }
  return null;
}

/** What a baseline stands for, in words: `plan plan-x`, `action send_email`, `all mission streams`. */
export function scopeText(scope: BaselineScope): string {
  if (scope.kind === 'missions') return 'all mission streams';
  return scope.kind === 'family' ? `all ${scope.family} runs` : `${scope.kind} ${scope.value}`;
}

/** A baseline verdict as a list cell or header line: empty when there is no baseline to compare with. */
export function baselineVerdictText(verdict: BaselineVerdict | undefined): string {
  if (verdict === undefined) return '';
  switch (verdict.state) {
    case 'baseline':
      return 'baseline';
    case 'same':
      return 'same as baseline';
    case 'diverges':
      return `diverges at ${verdict.divergence?.label ?? '?'}`;
    case 'none':
      return '';
  }
}
