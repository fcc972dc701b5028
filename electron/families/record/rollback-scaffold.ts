import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../shared/model/canonical-json';
import { assertNever } from '../../../shared/model/family';
import type {
  ChainBreakReason,
  ChainVerdict,
  ManualStep,
  RollbackHint,
  RollbackScaffold,
  RollbackWarning,
  SecurityDiff,
  SideEffect,
  SideEffectReport,
} from '../../../shared/model/inspection';
import type { RollbackHintFact } from '../../../shared/model/normalized-event';

/** What the scaffold is derived from: one execution, its verdicts, and its plan's hints. */
export interface RollbackScaffoldInput {
  readonly executionId: string;
  readonly liveMode: string | null;
  readonly status: string | null;
  /** Each step with the type of its last step event (`STARTED` | `COMPLETED` | `FAILED`), or null. */
  readonly steps: readonly { readonly index: number; readonly status: string | null }[];
  /** The plan's rollback hints; null when no plan was found. */
  readonly hints: readonly RollbackHintFact[] | null;
  readonly sideEffects: SideEffectReport;
  readonly chain: ChainVerdict;
  readonly securityDiff: SecurityDiff;
}

/**
 * Derives the rollback scaffold of formats.md. Hints and their actions are
 * copied exactly as written: nothing is invented, edited, inferred or run.
 * A completed step needs a hint when it has an observed side effect that is
 * not known to be irreversible: an effect of unknown reversibility might still
 * need undoing, so claiming rollback is possible without a hint would overstate it.
 */
export function rollbackScaffold(input: RollbackScaffoldInput): RollbackScaffold {
  const hints: RollbackHint[] = (input.hints ?? []).map((hint) => ({
    stepIndex: hint.stepIndex,
    description: hint.description,
    actions: [...hint.actions],
    risks: [...hint.risks],
  }));
  const irreversible = input.sideEffects.observed.filter((effect) => effect.reversible === false);
  const irreversibleSteps = uniqueSorted(irreversible.flatMap((effect) => (effect.stepIndex === null ? [] : [effect.stepIndex])));
  const reason = impossibleReason(input, hints);
  return {
    executionId: input.executionId,
    liveMode: input.liveMode,
    status: input.status,
    irreversibleSteps,
    isRollbackPossible: reason === null,
    reason,
    manualSteps: manualSteps(hints),
    hints,
    warnings: warnings(input, irreversible, irreversibleSteps),
  };
}

/** sha256 hex of the scaffold's canonical JSON: what a reviewer's acknowledgement records. */
export function scaffoldHash(scaffold: RollbackScaffold): string {
  return createHash('sha256').update(canonicalJson(scaffold), 'utf8').digest('hex');
}

/** The first rule of formats.md that makes rollback impossible, as a sentence; null when none does. */
function impossibleReason(input: RollbackScaffoldInput, hints: readonly RollbackHint[]): string | null {
  if (input.hints === null) return 'No plan was found for this execution, so it has no rollback hints.';
  if (hints.length === 0) return 'The plan has no rollback hints.';
  if (input.chain.chain === 'broken') return `${chainBrokenSentence(input.chain)} The record cannot be trusted for a rollback.`;
  const hinted = new Set(hints.flatMap((hint) => (hint.stepIndex === null ? [] : [hint.stepIndex])));
  const unhinted = uniqueSorted(
    input.steps
      .filter((step) => step.status === 'COMPLETED' && !hinted.has(step.index))
      .filter((step) => input.sideEffects.observed.some((effect) => effect.stepIndex === step.index && effect.reversible !== false))
      .map((step) => step.index),
  );
  if (unhinted.length === 1) return `Step ${unhinted[0]} completed with reversible side effects but the plan has no rollback hint for it.`;
  if (unhinted.length > 1) return `Steps ${listed(unhinted.map(String))} completed with reversible side effects but the plan has no rollback hint for them.`;
  return null;
}

/** Every hint action, latest step first; hints that name no step come last. The sort is stable, so ties keep plan order. */
function manualSteps(hints: readonly RollbackHint[]): ManualStep[] {
  const ordered = [...hints].sort((a, b) => (b.stepIndex ?? Number.NEGATIVE_INFINITY) - (a.stepIndex ?? Number.NEGATIVE_INFINITY) || 0);
  return ordered.flatMap((hint) => hint.actions.map((action) => ({ stepIndex: hint.stepIndex, description: hint.description, action })));
}

function warnings(input: RollbackScaffoldInput, irreversible: readonly SideEffect[], irreversibleSteps: readonly number[]): RollbackWarning[] {
  const out: RollbackWarning[] = [];
  for (const stepIndex of [...irreversibleSteps, null]) {
    const effects = irreversible.filter((effect) => effect.stepIndex === stepIndex);
    if (effects.length === 0) continue;
    const what = effects.length === 1 ? 'an irreversible side effect' : 'irreversible side effects';
    const subject = stepIndex === null ? `Outside any step there ${effects.length === 1 ? 'is' : 'are'}` : `Step ${stepIndex} has`;
    out.push({ code: 'irreversible_step', stepIndex, message: `${subject} ${what}: ${effects.map(named).join('; ')}.` });
  }
  for (const effect of input.sideEffects.undeclared) {
    out.push({ code: 'undeclared_side_effect', stepIndex: effect.stepIndex, message: `${place(effect.stepIndex)}: observed side effect ${named(effect)} was not declared.` });
  }
  for (const effect of input.sideEffects.unobserved) {
    out.push({ code: 'unobserved_side_effect', stepIndex: effect.stepIndex, message: `${place(effect.stepIndex)}: declared side effect ${named(effect)} was not observed.` });
  }
  const { from, to, direction } = input.securityDiff.stateChange;
  if (direction === 'worse') out.push({ code: 'security_worse', stepIndex: null, message: `The security state got worse during the run: ${from} before, ${to} after.` });
  const boundary = input.securityDiff.boundaryChange;
  if (boundary !== null && boundary.direction === 'worse') {
    out.push({ code: 'security_worse', stepIndex: null, message: `The boundary state got worse during the run: ${boundary.from} before, ${boundary.to} after.` });
  }
  if (input.liveMode === 'LIVE') out.push({ code: 'live_run', stepIndex: null, message: 'This was a LIVE run: its side effects happened for real, not as a dry run.' });
  // brokenAt counts step events, not steps, so the warning names no step.
  if (input.chain.chain === 'broken') out.push({ code: 'chain_broken', stepIndex: null, message: chainBrokenSentence(input.chain) });
  if (input.chain.chain === 'absent') {
    out.push({ code: 'chain_not_present', stepIndex: null, message: 'The record carries no step hashes: what its steps say is covered by no hash and cannot be checked against tampering.' });
  }
  if (!input.sideEffects.observedReported) {
    out.push({ code: 'side_effects_not_reported', stepIndex: null, message: 'The record carries no side-effect report: what the run changed is not recorded here, which is not the same as nothing.' });
  }
  return out;
}

function chainBrokenSentence(chain: ChainVerdict): string {
  const why = chain.reason === undefined ? 'for an unstated reason' : breakReasonText(chain.reason);
  return `The step event hash chain is broken at event ${chain.brokenAt ?? '?'}: ${why}.`;
}

function breakReasonText(reason: ChainBreakReason): string {
  switch (reason) {
    case 'missing_event_hash':
      return 'the event has no event_hash';
    case 'event_hash_mismatch':
      return 'the event no longer matches its own hash';
    case 'previous_hash_mismatch':
      return 'its link to the event before is wrong (an event was removed, inserted or reordered)';
    case 'unhashable_event':
      return 'the event holds a number beyond JSON range, so its hash cannot be recomputed';
    default:
      return assertNever(reason, 'chain break reason');
  }
}

/** Names a side effect with its description quoted as JSON, so odd characters stay visible. */
function named(effect: SideEffect): string {
  return `${JSON.stringify(effect.description)} (${effect.category})`;
}

function place(stepIndex: number | null): string {
  return stepIndex === null ? 'Outside any step' : `Step ${stepIndex}`;
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function uniqueSorted(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}
