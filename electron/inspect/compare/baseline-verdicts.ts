import type { Baseline, BaselineState, BaselineVerdict } from '../../../shared/model/comparison';
import type { ComparisonFacts } from '../../index/queries/comparison-facts';
import type { FoundExecution } from '../../index/queries/execution-facts';
import type { BaselineStore } from '../baseline-store';
import { baselineScopeOf, scopeKey, scopeSelector } from './baseline-scope';
import type { ComparableRun } from '../../families/comparing/comparable-run';
import { compareRuns } from './compare-runs';
import type { ExecutionComparer } from './execution-comparer';

/** A verdict and what it was computed from: while both fingerprints are equal it still holds. */
interface CachedVerdict {
  readonly baselineId: string;
  readonly baselineFingerprint: string;
  readonly fingerprint: string;
  readonly verdict: BaselineVerdict;
}

/** Verdicts kept at most; an executions list shows a page at a time, a filter walks scopes. */
const MAX_CACHED = 500_000;

/**
 * Every execution against the baseline of its scope. Computed lazily (the
 * executions list asks for the rows on screen only) and kept per execution
 * under a fingerprint of it and of its baseline (events, problems, failures,
 * status, first and last time): when the index changes, only the executions
 * that changed are compared again. A filter on the verdict needs every
 * execution of the baselines' scopes: `rowIdsIn` computes those once per index
 * and baselines state and answers row ids the list's SQL filters on.
 */
export class BaselineVerdicts {
  private readonly cache = new Map<number, CachedVerdict>();
  private baselineRun: { readonly id: string; readonly fingerprint: string; readonly run: ComparableRun } | null = null;
  private members: { readonly state: string; readonly byState: ReadonlyMap<BaselineState, readonly number[]> } | null = null;

  constructor(
    private readonly store: BaselineStore,
    private readonly comparer: ExecutionComparer,
    private readonly facts: ComparisonFacts,
    private readonly find: (id: string) => FoundExecution | null,
  ) {}

  /** How each execution stands against its scope's baseline (the baselines file is read once for all). */
  verdicts(executions: readonly FoundExecution[]): BaselineVerdict[] {
    const baselines = baselinesByScope(this.store.list());
    const cacheable = !this.facts.enrichmentPending();
    return executions.map((execution) => this.verdict(execution, baselines, this.facts.fingerprint(execution.rowId), cacheable));
  }

  /** `cacheable`: false while the enrichment has steps left to write, which would change a verdict without its fingerprint. */
  private verdict(execution: FoundExecution, baselines: ReadonlyMap<string, Baseline>, fingerprint: string | null, cacheable: boolean): BaselineVerdict {
    const scope = baselineScopeOf(execution.row);
    const none: BaselineVerdict = { executionId: execution.row.id, scope, baselineId: null, state: 'none', divergence: null };
    if (scope === null) return none;
    const baseline = baselines.get(scopeKey(scope));
    if (baseline === undefined) return none;
    if (baseline.executionId === execution.row.id) return { ...none, baselineId: baseline.executionId, state: 'baseline' };
    const baselineExecution = this.find(baseline.executionId);
    if (baselineExecution === null || fingerprint === null) return none;
    const baselineFingerprint = this.facts.fingerprint(baselineExecution.rowId) ?? '';
    const cached = this.cache.get(execution.rowId);
    if (cached !== undefined && cached.baselineId === baseline.executionId && cached.baselineFingerprint === baselineFingerprint && cached.fingerprint === fingerprint) {
      return cached.verdict;
    }
    const { comparison } = compareRuns(this.runOfBaseline(baselineExecution, baselineFingerprint), this.comparer.run(execution));
    const verdict: BaselineVerdict = {
      ...none,
      baselineId: baseline.executionId,
      state: comparison.firstDivergence === null ? 'same' : 'diverges',
      divergence: comparison.firstDivergence,
    };
    if (!cacheable) return verdict;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(execution.rowId, { baselineId: baseline.executionId, baselineFingerprint, fingerprint, verdict });
    return verdict;
  }

  /** Row ids of the executions in any of `states` (never `none`: those are the executions outside every baseline's scope). */
  rowIdsIn(states: readonly BaselineState[]): number[] {
    const byState = this.allVerdicts();
    return states.flatMap((state) => [...(byState.get(state) ?? [])]);
  }

  /** Every execution of every baseline's scope by verdict, recomputed when the index or the baselines changed. */
  private allVerdicts(): ReadonlyMap<BaselineState, readonly number[]> {
    const list = this.store.list();
    const state = `${this.facts.dataVersion()} ${JSON.stringify(list)}`;
    if (this.members !== null && this.members.state === state) return this.members.byState;
    const baselines = baselinesByScope(list);
    const cacheable = !this.facts.enrichmentPending();
    const byState = new Map<BaselineState, number[]>();
    for (const baseline of list) {
      for (const member of this.facts.scopeMembers(scopeSelector(baseline.scope))) {
        const execution = this.find(member.id);
        if (execution === null) continue;
        const verdict = this.verdict(execution, baselines, member.fingerprint, cacheable);
        const list = byState.get(verdict.state);
        if (list === undefined) byState.set(verdict.state, [member.rowId]);
        else list.push(member.rowId);
      }
    }
    this.members = { state, byState };
    return byState;
  }

  /** The baseline's run, assembled once while it is unchanged: every execution of its scope is compared with it. */
  private runOfBaseline(execution: FoundExecution, fingerprint: string): ComparableRun {
    if (this.baselineRun === null || this.baselineRun.id !== execution.row.id || this.baselineRun.fingerprint !== fingerprint) {
      this.baselineRun = { id: execution.row.id, fingerprint, run: this.comparer.run(execution) };
    }
    return this.baselineRun.run;
  }
}

function baselinesByScope(baselines: readonly Baseline[]): ReadonlyMap<string, Baseline> {
  return new Map(baselines.map((baseline) => [scopeKey(baseline.scope), baseline]));
}
