import type Database from 'better-sqlite3';
import { FAMILY_MODULES } from '../families/family-registry';
import { NO_CONTRACT_CHECKS, type CheckCounts, type CheckReads, type FamilyContractChecks } from '../families/family-module';
import type { Family } from '../../shared/model/family';
import type { ExecutionChecker } from '../index/index-writer';
import { ExecutionProblemRows, type ExecutionFinding } from '../index/queries/execution-problem-rows';
import { StepBodies } from '../index/queries/step-bodies';

/**
 * Recomputes the problems that only show across events of one execution
 * (duplicate terminal events, unpaired dispatches, duplicate finishes, broken
 * chains: each family's contract checks) and keeps the execution's problem
 * count in step. Cheap: it reads only that execution's events of interest.
 */
export class ExecutionProblems implements ExecutionChecker {
  private readonly reads: CheckReads;

  constructor(db: Database.Database) {
    this.reads = { rows: new ExecutionProblemRows(db), stepBodies: new StepBodies(db) };
  }

  /** Cross-event problems are looked for only where they can exist, so a million clean executions cost nothing. */
  needsCheck(family: string, key: string, row: CheckCounts): boolean {
    // One that had problems is checked again: they may be gone.
    return row.exec_problems > 0 || checksOf(family).needsCheck(key, row);
  }

  /** Replaces one execution's cross-event problems; returns how many it has now. */
  refresh(executionId: number, family: string, key: string): number {
    const findings: ExecutionFinding[] = checksOf(family).find(executionId, key, this.reads);
    this.reads.rows.replace(executionId, findings);
    return findings.length;
  }

  /**
   * Checks the records an index migrated from an older schema holds as `unchecked`
   * (migration 010 cannot recompute a hash in SQL), in one transaction; returns how many.
   * Records whose events reach past `checkedThrough` are left to the enrichment,
   * which checks them where it stopped (a scan stores them `unchecked` too).
   * The record family's checks store the state (record-checks.ts) as they run.
   */
  refreshUnchecked(checkedThrough: number): number {
    const unchecked = this.reads.rows.uncheckedRecords(checkedThrough);
    this.reads.rows.inTransaction(() => {
      for (const row of unchecked) this.refresh(row.id, 'record', row.key);
    });
    return unchecked.length;
  }
}

/** The contract checks of a family as the executions table names it (a name it never holds has none). */
function checksOf(family: string): FamilyContractChecks {
  return Object.hasOwn(FAMILY_MODULES, family) ? FAMILY_MODULES[family as Family].checks : NO_CONTRACT_CHECKS;
}
