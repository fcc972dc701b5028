import { canonicalJsonOrNull } from '../../../shared/model/canonical-json';
import type { AlignedStep, ComparedSnapshotField, Comparison, DivergencePoint } from '../../../shared/model/comparison';
import type { ExecutionRow } from '../../index/queries/execution-facts';
import { alignSteps } from './align-steps';
import type { ComparableRun } from './comparable-run';
import { stepReaderOf } from './family-step-readers';

/** Snapshot fields that differ between any two runs by nature: shown, never a divergence. */
const TIME_FIELDS: ReadonlySet<string> = new Set(['captured_at']);

/** A comparison before its evidence lines are read, and the events those lines are at. */
export interface RunComparison {
  readonly comparison: Omit<Comparison, 'evidence'>;
  /** The events of each run at the first divergence (at most a few): what the evidence shows. */
  readonly evidenceEventIds: { readonly a: readonly number[]; readonly b: readonly number[] };
}

/** How many evidence lines a side shows at most. */
const EVIDENCE_LINES = 4;

/**
 * Compares two runs: aligns their steps with the family's reader (runs of two
 * families are aligned by A's family, and differ in every step they do not
 * share), compares the security snapshots, and names the first place they
 * part: a pre snapshot that differs, then the first step that differs or is
 * only in one run, then the post snapshot, then the execution's status.
 */
export function compareRuns(a: ComparableRun, b: ComparableRun): RunComparison {
  const reader = stepReaderOf(a.detail.execution.family);
  const steps = alignSteps(reader.steps(a), a.detail.execution.family === b.detail.execution.family ? reader.steps(b) : stepReaderOf(b.detail.execution.family).steps(b));
  const snapshots = {
    pre: compareSnapshot(a.detail.snapshots.pre, b.detail.snapshots.pre),
    post: compareSnapshot(a.detail.snapshots.post, b.detail.snapshots.post),
  };
  const firstDivergence = divergence(steps, snapshots, a.detail.execution, b.detail.execution);
  let onlyInA = 0;
  let onlyInB = 0;
  let different = 0;
  for (const step of steps) {
    if (step.a === null) onlyInB += 1;
    else if (step.b === null) onlyInA += 1;
    else if (step.differences.length > 0) different += 1;
  }
  return {
    comparison: {
      a: side(a.detail.execution),
      b: side(b.detail.execution),
      alignedBy: reader.alignedBy,
      steps,
      snapshots,
      firstDivergence,
      counts: { aligned: steps.length - onlyInA - onlyInB, different, onlyInA, onlyInB },
      truncated: a.truncated || b.truncated,
    },
    evidenceEventIds: evidenceIds(firstDivergence, steps, a, b),
  };
}

function side(row: ExecutionRow): Comparison['a'] {
  return { id: row.id, family: row.family, key: row.key, label: row.label, status: row.status, outcome: row.outcome, startMs: row.startMs, durationMs: row.durationMs, planId: row.planId };
}

/** Every field of either snapshot, sorted by name, A against B. */
export function compareSnapshot(a: Readonly<Record<string, unknown>> | null, b: Readonly<Record<string, unknown>> | null): ComparedSnapshotField[] {
  const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  return fields.map((field) => {
    const inA = a !== null && Object.hasOwn(a, field);
    const inB = b !== null && Object.hasOwn(b, field);
    const change = !inA ? 'added' : !inB ? 'removed' : canonicalJsonOrNull(a[field]) === canonicalJsonOrNull(b[field]) ? 'same' : 'changed';
    return { field, ...(inA ? { a: a[field] } : {}), ...(inB ? { b: b[field] } : {}), change, counts: !TIME_FIELDS.has(field) };
  });
}

function divergence(steps: readonly AlignedStep[], snapshots: Comparison['snapshots'], a: ExecutionRow, b: ExecutionRow): DivergencePoint | null {
  const pre = snapshotReasons(snapshots.pre);
  if (pre.length > 0) return { at: 'pre_snapshot', position: null, label: 'security snapshot before the first step', reasons: pre };
  const position = steps.findIndex((step) => step.differences.length > 0);
  if (position >= 0) {
    const step = steps[position] as AlignedStep;
    return { at: 'step', position, label: step.label, reasons: stepReasons(step) };
  }
  const post = snapshotReasons(snapshots.post);
  if (post.length > 0) return { at: 'post_snapshot', position: null, label: 'security snapshot after the last step', reasons: post };
  if (a.status !== b.status) return { at: 'status', position: null, label: 'execution status', reasons: [`status ${a.status ?? '—'} → ${b.status ?? '—'}`] };
  return null;
}

function snapshotReasons(fields: readonly ComparedSnapshotField[]): string[] {
  return fields.filter((field) => field.counts && field.change !== 'same').map((field) => `${field.field} ${valueText(field.a)} → ${valueText(field.b)}`);
}

function stepReasons(step: AlignedStep): string[] {
  return step.differences.map((difference) => {
    switch (difference) {
      case 'only_in_a':
        return 'only in run A';
      case 'only_in_b':
        return 'only in run B';
      case 'outcome':
        return `outcome ${step.a?.outcome ?? '—'} → ${step.b?.outcome ?? '—'}`;
      case 'side_effects':
        return `side effects ${effectsText(step.a)} → ${effectsText(step.b)}`;
    }
  });
}

function effectsText(step: AlignedStep['a']): string {
  if (step === null) return '—';
  const observed = step.sideEffects.observed.map((effect) => `${effect.category} ${JSON.stringify(effect.description)}`);
  return observed.length === 0 ? 'none observed' : observed.join(', ');
}

function valueText(value: unknown): string {
  return value === undefined ? '(absent)' : (canonicalJsonOrNull(value) ?? String(value)).slice(0, 200);
}

/** Where the evidence is: the step's events on each side; for a snapshot the run's first (pre) or last (post, status) event. */
function evidenceIds(point: DivergencePoint | null, steps: readonly AlignedStep[], a: ComparableRun, b: ComparableRun): RunComparison['evidenceEventIds'] {
  if (point === null) return { a: [], b: [] };
  if (point.at === 'step' && point.position !== null) {
    const step = steps[point.position] as AlignedStep;
    return { a: (step.a?.eventIds ?? []).slice(-EVIDENCE_LINES), b: (step.b?.eventIds ?? []).slice(-EVIDENCE_LINES) };
  }
  const pick = (run: ComparableRun): number[] => {
    const event = point.at === 'pre_snapshot' ? run.events[0] : run.events.at(-1);
    return event === undefined ? [] : [event.id];
  };
  return { a: pick(a), b: pick(b) };
}
