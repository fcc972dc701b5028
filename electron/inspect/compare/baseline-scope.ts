import type { BaselineScope } from '../../../shared/model/comparison';
import { assertNever, type ExecutionFamily } from '../../../shared/model/family';
import type { ScopeSelector } from '../../index/queries/comparison-facts';
import type { ExecutionRow } from '../../index/queries/execution-facts';

/**
 * Which executions should do what one known-good run did, per family that
 * groups its runs (a family added through the registry without an entry here
 * groups all its runs together). Null when the execution names no such group
 * (a record without plan id, an exec-event without action type).
 */
const SCOPE_OF: Readonly<Partial<Record<ExecutionFamily, (row: ExecutionRow) => BaselineScope | null>>> = {
  record: (row) => (row.planId === null ? null : { family: 'record', kind: 'plan', value: row.planId }),
  'exec-event': (row) => (row.label === null ? null : { family: 'exec-event', kind: 'action', value: row.label }),
  // A PAC id names one dispatch (one execution); the PACs dispatched to one agent are what repeat.
  benson: (row) => (row.actor === null ? null : { family: 'benson', kind: 'agent', value: row.actor }),
  // formats.md §3: a run id is `<time>/<name>`; the runs of one name are the same job run again.
  cycle: (row) => ({ family: 'cycle', kind: 'run', value: runName(row.key) }),
  // A mission id names one run; the streams share one shape of events, so they form one group.
  stream: () => ({ family: 'stream', kind: 'missions', value: 'stream' }),
};

/** The baseline scope an execution belongs to, or null when it has none. */
export function baselineScopeOf(row: ExecutionRow): BaselineScope | null {
  const scopeOf = SCOPE_OF[row.family];
  return scopeOf === undefined ? { family: row.family, kind: 'family', value: row.family } : scopeOf(row);
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

/** The run name of a cycle run id: what follows its last `/` (the whole id when it has none). */
export function runName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}
