import { z } from 'zod';
import { EXECUTION_FAMILIES } from './family';

// The comparison of two executions and the known-good baseline (issue #14).
// Parts of API responses: add fields, never rename.

/** A side effect as a comparison shows it: what it did, without the producer's free-form details. */
export const comparedSideEffectSchema = z.object({
  category: z.string(),
  description: z.string(),
  /** null when the producer did not say. */
  reversible: z.boolean().nullable(),
});

/** A side effect as a comparison shows it. */
export type ComparedSideEffect = z.infer<typeof comparedSideEffectSchema>;

/** One step of one run, as the family's aligner reads it from the assembled execution. */
export const comparedStepSchema = z.object({
  /** What aligns it with the other run's step: equal keys pair up (e.g. `3 Update prices`, `CHECKPOINT CP-02 #1`). */
  key: z.string(),
  /** A short human name: `step 3 · Update prices`, `CP-02 SCOPE_COMPLIANCE_VALIDATION`, `cycle 2 · plan.step_completed`. */
  label: z.string(),
  /** 0-based place of the step in its own run. */
  position: z.number().int().nonnegative(),
  /** The step's outcome as the producer wrote it (COMPLETED, FAIL, success, failed, a stream state), or null. */
  outcome: z.string().nullable(),
  /** True when the step records a failure. */
  failed: z.boolean(),
  startMs: z.number().nullable(),
  /** How long the step took (records: STARTED to its end); for point events, the time since the run's previous event. */
  durationMs: z.number().nullable(),
  /** The error the producer wrote (a step's error_message, an event's error_code), or null. */
  error: z.string().nullable(),
  /** Records only; empty elsewhere (other families report no side effects). */
  sideEffects: z.object({ declared: z.array(comparedSideEffectSchema), observed: z.array(comparedSideEffectSchema) }),
  /** The events the step was read from, in emission order: the evidence lines. */
  eventIds: z.array(z.number().int()),
});

/** One step of one run, as the family's aligner reads it. */
export type ComparedStep = z.infer<typeof comparedStepSchema>;

/** Why an aligned pair counts as different. */
export const STEP_DIFFERENCES = ['only_in_a', 'only_in_b', 'outcome', 'side_effects'] as const;

/** Why an aligned pair counts as different. */
export const stepDifferenceSchema = z.enum(STEP_DIFFERENCES);

/** Why an aligned pair counts as different. */
export type StepDifference = z.infer<typeof stepDifferenceSchema>;

/** Two steps the aligner paired (or one step the other run does not have). */
export const alignedStepSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** Run A's step, or null when only run B has it. */
  a: comparedStepSchema.nullable(),
  /** Run B's step, or null when only run A has it. */
  b: comparedStepSchema.nullable(),
  /** B's duration minus A's, when both are known. */
  durationDeltaMs: z.number().nullable(),
  /** Empty when the pair is the same; an error message or a duration that differs is shown, never counted. */
  differences: z.array(stepDifferenceSchema),
});

/** Two aligned steps. */
export type AlignedStep = z.infer<typeof alignedStepSchema>;

/** One security snapshot field of run A against run B, at one phase. */
export const comparedSnapshotFieldSchema = z.object({
  field: z.string(),
  /** Omitted when run A's snapshot lacks the field (or there is no snapshot). */
  a: z.unknown().optional(),
  b: z.unknown().optional(),
  /** `same` or `changed` by canonical JSON; `added`/`removed` by presence in B against A. */
  change: z.enum(['added', 'removed', 'changed', 'same']),
  /** False for fields that differ between any two runs by nature (`captured_at`): shown, never a divergence. */
  counts: z.boolean(),
});

/** One security snapshot field of run A against run B. */
export type ComparedSnapshotField = z.infer<typeof comparedSnapshotFieldSchema>;

/** Where the two runs first part ways. */
export const divergencePointSchema = z.object({
  /** `pre_snapshot` before the first step, a `step` (the pair at `position`), `post_snapshot` after the last, or the execution's own `status`. */
  at: z.enum(['pre_snapshot', 'step', 'post_snapshot', 'status']),
  /** Index into `steps` for a step; null otherwise. */
  position: z.number().int().nullable(),
  /** A sentence-sized name of the place: `step 2 · Update prices`, `security snapshot before the first step`. */
  label: z.string(),
  /** What differs there, in words (`outcome COMPLETED → FAILED`, `security_state NORMAL → ELEVATED`). */
  reasons: z.array(z.string()),
});

/** Where the two runs first part ways. */
export type DivergencePoint = z.infer<typeof divergencePointSchema>;

/** One evidence line: a raw line of the folder exactly as written, and where it is. */
export const evidenceLineSchema = z.object({
  eventId: z.number().int(),
  path: z.string(),
  line: z.number().int(),
  raw: z.string(),
});

/** One evidence line. */
export type EvidenceLine = z.infer<typeof evidenceLineSchema>;

/** The side of a comparison: which execution it is. */
const comparedExecutionSchema = z.object({
  id: z.string(),
  family: z.enum(EXECUTION_FAMILIES),
  key: z.string(),
  label: z.string().nullable(),
  status: z.string().nullable(),
  outcome: z.string(),
  startMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  planId: z.string().nullable(),
});

/** Two executions side by side, aligned by their family's rule, and where they first differ. */
export const comparisonSchema = z.object({
  a: comparedExecutionSchema,
  b: comparedExecutionSchema,
  /** How the steps were aligned, in words (`step index and name`, `phase and checkpoint id`, …). */
  alignedBy: z.string(),
  /** Every step of either run, in run order; unaligned ones have a null side. */
  steps: z.array(alignedStepSchema),
  /** The security snapshots' fields, run A against run B, before and after (records; empty elsewhere). */
  snapshots: z.object({ pre: z.array(comparedSnapshotFieldSchema), post: z.array(comparedSnapshotFieldSchema) }),
  /** The first place the runs differ, or null when they did the same. */
  firstDivergence: divergencePointSchema.nullable(),
  /** The raw lines of both runs at the first divergence (up to a few per side). */
  evidence: z.object({ a: z.array(evidenceLineSchema), b: z.array(evidenceLineSchema) }),
  counts: z.object({ aligned: z.number().int(), different: z.number().int(), onlyInA: z.number().int(), onlyInB: z.number().int() }),
  /** True when a run had more events than a comparison reads: only its first ones were aligned. */
  truncated: z.boolean(),
});

/** Two executions side by side. */
export type Comparison = z.infer<typeof comparisonSchema>;

/**
 * What a baseline stands for: the executions that should do what the known-good
 * run did. Records by plan, exec-events by action type, Benson PACs by agent (a
 * PAC id names one dispatch), cycle runs by run name (the run id without its
 * time prefix), mission streams as one group (a mission id names one run).
 */
export const baselineScopeSchema = z.object({
  family: z.enum(EXECUTION_FAMILIES),
  /** `plan`, `action`, `agent`, `run`, `missions`; `family` for a family that does not group its runs (all of them). */
  kind: z.enum(['plan', 'action', 'agent', 'run', 'missions', 'family']),
  /** The plan id, action type, agent, run name; the family name for `missions` and `family`. */
  value: z.string(),
});

/** What a baseline stands for. */
export type BaselineScope = z.infer<typeof baselineScopeSchema>;

/** A known-good execution a reviewer marked for its scope; kept in the inspector's data folder. */
export const baselineSchema = z.object({
  scope: baselineScopeSchema,
  executionId: z.string(),
  markedAt: z.string(),
  note: z.string().nullable(),
});

/** A known-good execution a reviewer marked. */
export type Baseline = z.infer<typeof baselineSchema>;

/** How an execution stands against the baseline of its scope. */
export const BASELINE_STATES = ['baseline', 'same', 'diverges', 'none'] as const;

/** How an execution stands against the baseline of its scope. */
export const baselineStateSchema = z.enum(BASELINE_STATES);

/** How an execution stands against the baseline of its scope. */
export type BaselineState = z.infer<typeof baselineStateSchema>;

/** One execution against its scope's baseline. */
export const baselineVerdictSchema = z.object({
  executionId: z.string(),
  /** The scope the execution belongs to, or null when it has none (a record without plan id). */
  scope: baselineScopeSchema.nullable(),
  /** The scope's baseline execution, or null when none is marked (or it is no longer indexed). */
  baselineId: z.string().nullable(),
  /** `baseline`: it is the baseline; `same`/`diverges` against it; `none`: no baseline to compare with. */
  state: baselineStateSchema,
  /** Where it first diverges from the baseline, when it does. */
  divergence: divergencePointSchema.nullable(),
});

/** One execution against its scope's baseline. */
export type BaselineVerdict = z.infer<typeof baselineVerdictSchema>;
