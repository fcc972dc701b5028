import type Database from 'better-sqlite3';
import { ComparisonFacts } from '../index/queries/comparison-facts';
import { ExecutionFacts } from '../index/queries/execution-facts';
import { ExecutionAssembler } from '../inspect/assemble-execution';
import { BaselineStore } from '../inspect/baseline-store';
import { BaselineVerdicts } from '../inspect/compare/baseline-verdicts';
import { ExecutionComparer } from '../inspect/compare/execution-comparer';
import type { HandlerContext } from './handler-context';

/** What comparing and baselines use, bound to one connection. */
export interface BoundComparison {
  readonly facts: ExecutionFacts;
  readonly comparisonFacts: ComparisonFacts;
  readonly assembler: ExecutionAssembler;
  readonly comparer: ExecutionComparer;
  readonly verdicts: BaselineVerdicts;
}

/**
 * The comparer, the baseline store and the cached baseline verdicts of one
 * folder, shared by the compare handlers and the executions list (whose
 * baseline filter reads the verdicts). Statements are prepared once per
 * connection, the connection opened on first use.
 */
export class ComparisonServices {
  /** The folder's baselines, in the app's data folder. */
  readonly store: BaselineStore;
  private bound: (BoundComparison & { readonly db: Database.Database }) | null = null;

  constructor(private readonly context: HandlerContext) {
    this.store = new BaselineStore(context.dataDir, context.folder, context.now);
  }

  /** The services over the current connection. */
  get(): BoundComparison {
    const db = this.context.db();
    if (this.bound === null || this.bound.db !== db) {
      const facts = new ExecutionFacts(db);
      const comparisonFacts = new ComparisonFacts(db);
      const assembler = new ExecutionAssembler(facts);
      const comparer = new ExecutionComparer(assembler, comparisonFacts);
      const verdicts = new BaselineVerdicts(this.store, comparer, comparisonFacts, (id) => assembler.find(id));
      this.bound = { db, facts, comparisonFacts, assembler, comparer, verdicts };
    }
    return this.bound;
  }
}
