import type { AlignedStep, Comparison } from '../../shared/model/comparison';
import type { JournalExcerpt } from './journal-notes';
import type { ReportIndexing } from './report-indexing';
import type { SourceDigest } from './verify-execution';

/**
 * A comparison of two executions as a report: the JSON export is this object;
 * Markdown and HTML render it. Each run's source files are named with their
 * SHA-256 as read when the report was made, so a reviewer can check later that
 * the comparison was made on the same evidence.
 */
export interface ComparisonReport {
  readonly reportVersion: 1;
  readonly kind: 'comparison';
  readonly inspector: { readonly name: 'execution-inspector'; readonly version: string };
  readonly generatedAt: string;
  /** The evidence folder's real path on the machine that made the report. */
  readonly folder: string;
  /** Whether the folder was read to its end when the report was made, and what was not. */
  readonly indexing: ReportIndexing;
  readonly comparison: Comparison;
  readonly sources: { readonly a: readonly SourceDigest[]; readonly b: readonly SourceDigest[] };
  /** The review journal's verdict and its notes and acknowledgements on either run. */
  readonly reviewJournal: JournalExcerpt;
}

/** What a comparison report is made of. */
export interface ComparisonReportInput {
  readonly version: string;
  readonly generatedAt: Date;
  readonly folder: string;
  readonly indexing: ReportIndexing;
  readonly comparison: Comparison;
  readonly sources: ComparisonReport['sources'];
  readonly reviewJournal: JournalExcerpt;
}

/** Up to this many steps the Markdown and HTML reports list every step; beyond, only those that differ (the JSON has all). */
export const REPORT_ALL_STEPS_UP_TO = 500;

/** Puts a comparison report together. */
export function comparisonReport(input: ComparisonReportInput): ComparisonReport {
  return {
    reportVersion: 1,
    kind: 'comparison',
    inspector: { name: 'execution-inspector', version: input.version },
    generatedAt: input.generatedAt.toISOString(),
    folder: input.folder,
    indexing: input.indexing,
    comparison: input.comparison,
    sources: input.sources,
    reviewJournal: input.reviewJournal,
  };
}

/** The steps a Markdown or HTML report lists: all of a short comparison, the differing ones of a long one. */
export function reportedSteps(comparison: Comparison): { readonly steps: readonly AlignedStep[]; readonly onlyDifferent: boolean } {
  if (comparison.steps.length <= REPORT_ALL_STEPS_UP_TO) return { steps: comparison.steps, onlyDifferent: false };
  return { steps: comparison.steps.filter((step) => step.differences.length > 0), onlyDifferent: true };
}

/** A step's cell text: outcome, and the error when there is one. */
export function stepOutcomeText(step: AlignedStep['a']): string {
  if (step === null) return '(not in this run)';
  return `${step.outcome ?? '—'}${step.error === null ? '' : ` (${step.error})`}`;
}

/** A duration delta with its sign: `+1200 ms`, `-40 ms`, or a dash. */
export function deltaText(ms: number | null): string {
  return ms === null ? '—' : `${ms > 0 ? '+' : ''}${ms} ms`;
}

/** A verdict sentence for the top of a report. */
export function verdictText(comparison: Comparison): string {
  const point = comparison.firstDivergence;
  return point === null ? 'The two runs did the same: every aligned step has the same outcome and side effects, and the security snapshots agree.' : `The runs diverge first at ${point.label}: ${point.reasons.join('; ')}.`;
}
