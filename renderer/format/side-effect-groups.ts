import type { SideEffect, SideEffectReport } from '../../shared/model/inspection';

/** One side effect as the report panel lists it. */
export interface SideEffectEntry {
  readonly effect: SideEffect;
  /** matched: declared and observed; undeclared: observed only; unobserved: declared only. */
  readonly status: 'matched' | 'undeclared' | 'unobserved';
  /** An observed effect the producer marked not reversible. */
  readonly irreversible: boolean;
}

/** The side effects of one category. */
export interface SideEffectGroup {
  readonly category: string;
  readonly declared: number;
  readonly observed: number;
  readonly entries: readonly SideEffectEntry[];
}

/** Groups a side-effect report by category (sorted), each effect flagged; order within a group: by step. */
export function sideEffectGroups(report: SideEffectReport): readonly SideEffectGroup[] {
  const entries: SideEffectEntry[] = [
    ...report.matched.map((pair) => ({ effect: pair.observed, status: 'matched' as const, irreversible: pair.observed.reversible === false })),
    ...report.undeclared.map((effect) => ({ effect, status: 'undeclared' as const, irreversible: effect.reversible === false })),
    ...report.unobserved.map((effect) => ({ effect, status: 'unobserved' as const, irreversible: false })),
  ];
  const categories = new Set<string>([...Object.keys(report.byCategory), ...entries.map((entry) => entry.effect.category)]);
  return [...categories].sort().map((category) => ({
    category,
    declared: report.byCategory[category]?.declared ?? 0,
    observed: report.byCategory[category]?.observed ?? 0,
    entries: entries.filter((entry) => entry.effect.category === category).sort((a, b) => (a.effect.stepIndex ?? Infinity) - (b.effect.stepIndex ?? Infinity)),
  }));
}
