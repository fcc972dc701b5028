import type { BaselineScope } from '../../../shared/model/comparison';
import { assertNever } from '../../../shared/model/family';
import { FAMILY_MODULES } from '../../families/family-registry';
import type { ScopeSelector } from '../../index/queries/comparison-facts';
import type { ExecutionRow } from '../../index/queries/execution-facts';

/**
 * The baseline scope an execution belongs to: its family's group (records by
 * plan, exec-events by action, …), or all runs of the family for a family that
 * compares by event kinds; null when the execution names no such group.
 */
export function baselineScopeOf(row: ExecutionRow): BaselineScope | null {
  const comparison = FAMILY_MODULES[row.family].compare;
  return comparison === null ? { family: row.family, kind: 'family', value: row.family } : comparison.baselineScope(row);
}

/** A stable text key of a scope, for the store and for maps. */
export function scopeKey(scope: BaselineScope): string {
  return `${scope.family}\u0000${scope.kind}\u0000${scope.value}`;
}

/** How SQL selects a scope's executions. */
export function scopeSelector(scope: BaselineScope): ScopeSelector {
  switch (scope.kind) {
    case 'plan':
      return { family: scope.family, field: 'plan_id', value: scope.value };
    case 'action':
      return { family: scope.family, field: 'label', value: scope.value };
    case 'agent':
      return { family: scope.family, field: 'actor', value: scope.value };
    case 'run':
      return { family: scope.family, field: 'run_name', value: scope.value };
    case 'missions':
    case 'family':
      return { family: scope.family, field: 'family', value: scope.value };
    default:
      return assertNever(scope.kind, 'baseline scope kind');
  }
}
