import type { Comparison } from '../../../shared/model/comparison';
import type { ComparisonFacts } from '../../index/queries/comparison-facts';
import type { FoundExecution } from '../../index/queries/execution-facts';
import type { ExecutionAssembler } from '../assemble-execution';
import type { ComparableRun } from './comparable-run';
import { compareRuns } from './compare-runs';
import { stepReaderOf } from './family-step-readers';

/** A comparison reads at most this many events of a run; the rest are reported as not compared (`truncated`). */
export const RUN_EVENT_LIMIT = 200_000;

/** How many assembled runs are kept: the two on screen, and the ones a report or a baseline panel asks for next. */
const KEPT_RUNS = 4;

/**
 * Compares executions of the index: assembles each run, aligns, and reads the
 * evidence lines at the first divergence. The last few runs are kept until the
 * index changes, so showing a comparison, exporting its report and refreshing
 * it assemble each run once.
 */
export class ExecutionComparer {
  private readonly kept = new Map<number, { readonly fingerprint: string; readonly run: ComparableRun }>();

  constructor(
    private readonly assembler: ExecutionAssembler,
    private readonly facts: ComparisonFacts,
  ) {}

  /** One execution as a comparison reads it: its assembled detail and all its events (without text). */
  run(execution: FoundExecution): ComparableRun {
    // A plan document the run takes its declared side effects from can change while the run does not: any commit drops the kept runs.
    const fingerprint = `${this.facts.dataVersion()} ${this.facts.fingerprint(execution.rowId) ?? ''}`;
    const kept = this.kept.get(execution.rowId);
    if (kept !== undefined && kept.fingerprint === fingerprint) return kept.run;
    const run = this.assemble(execution);
    this.kept.delete(execution.rowId);
    this.kept.set(execution.rowId, { fingerprint, run });
    if (this.kept.size > KEPT_RUNS) this.kept.delete(this.kept.keys().next().value as number);
    return run;
  }

  private assemble(execution: FoundExecution): ComparableRun {
    const events = stepReaderOf(execution.row.family).readsEvents ? this.facts.runEvents(execution.rowId, RUN_EVENT_LIMIT + 1) : this.facts.edgeEvents(execution.rowId);
    // A record's full detail verifies its hash chains, which a comparison does not need and which dominates on long runs.
    const detail =
      execution.row.family === 'record' ? { execution: execution.row, checkpoints: [], ...this.assembler.recordSections(execution) } : this.assembler.detail(execution);
    return { detail, events: events.slice(0, RUN_EVENT_LIMIT), truncated: events.length > RUN_EVENT_LIMIT };
  }

  /** Two runs side by side with the evidence lines of their first divergence. */
  compare(a: ComparableRun, b: ComparableRun): Comparison {
    const { comparison, evidenceEventIds } = compareRuns(a, b);
    return { ...comparison, evidence: { a: this.facts.evidence(evidenceEventIds.a), b: this.facts.evidence(evidenceEventIds.b) } };
  }
}
