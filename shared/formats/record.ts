import { z } from 'zod';

/** The kinds of an observer stream line (formats.md §5a). */
export const RECORD_LINE_KINDS = ['execution_started', 'step_event', 'side_effect', 'execution_finished'] as const;

/** A kind of observer stream line. */
export type RecordLineKind = (typeof RECORD_LINE_KINDS)[number];

/** The statuses of an execution record. */
export const RECORD_EXECUTION_STATUSES = ['STARTED', 'COMPLETED', 'COMPLETED_PARTIAL', 'FAILED', 'INCOMPLETE'] as const;

/** The same statuses as hearth writes them, lower case (producers.md); indexed as their upper-case names. */
export const HEARTH_EXECUTION_STATUSES = ['started', 'completed', 'completed_partial', 'failed', 'incomplete'] as const;

/** The statuses that mean the execution did not fully succeed. */
export const RECORD_FAILED_STATUSES = ['FAILED', 'INCOMPLETE', 'COMPLETED_PARTIAL'] as const;

/** The event types of a step event. */
export const RECORD_STEP_EVENT_TYPES = ['STARTED', 'COMPLETED', 'FAILED'] as const;

/** The same event types as hearth writes them (producers.md); indexed as STARTED, COMPLETED, FAILED. */
export const HEARTH_STEP_EVENT_TYPES = ['step_started', 'step_completed', 'step_failed'] as const;

/** The live modes of an execution. */
export const RECORD_LIVE_MODES = ['DRY_RUN', 'LIVE'] as const;

/** The categories of a side effect. */
export const RECORD_SIDE_EFFECT_CATEGORIES = ['FILE_SYSTEM', 'NETWORK', 'DATA_MUTATION', 'CONFIGURATION', 'SYSTEM', 'OTHER'] as const;

/** The security states, from best to worst: the order matters when pre and post are compared. */
export const RECORD_SECURITY_STATES = ['NORMAL', 'ELEVATED', 'DEGRADED', 'COMPROMISED'] as const;

/** hearth's security states (producers.md): OPERATIONAL < COMPROMISED < LOCKDOWN; UNKNOWN compares with nothing. */
export const HEARTH_SECURITY_STATES = ['OPERATIONAL', 'COMPROMISED', 'LOCKDOWN', 'UNKNOWN'] as const;

/** hearth's boundary states: NOMINAL < ELEVATED < COMPROMISED < LOCKDOWN; UNKNOWN compares with nothing. */
export const HEARTH_BOUNDARY_STATES = ['NOMINAL', 'ELEVATED', 'COMPROMISED', 'LOCKDOWN', 'UNKNOWN'] as const;

/**
 * A security snapshot: two known fields, every other field free-form. hearth
 * writes `timestamp` where the spec says `captured_at`, and a `boundary_state`.
 */
export const securitySnapshotSchema = z.looseObject({
  captured_at: z.string().nullish(),
  timestamp: z.string().nullish(),
  security_state: z.enum(['NORMAL', 'ELEVATED', 'DEGRADED', 'COMPROMISED', 'OPERATIONAL', 'LOCKDOWN', 'UNKNOWN']).nullish(),
  boundary_state: z.enum(HEARTH_BOUNDARY_STATES).nullish(),
});

/** A record status as indexed: hearth's lower-case statuses become the spec's upper-case names; anything else stays as written. */
export function canonicalRecordStatus(status: string | null): string | null {
  return status !== null && (HEARTH_EXECUTION_STATUSES as readonly string[]).includes(status) ? status.toUpperCase() : status;
}

/** A step event type as indexed: hearth's `step_started`/`step_completed`/`step_failed` become STARTED/COMPLETED/FAILED. */
export function canonicalStepEventType(eventType: string | null): string | null {
  return eventType !== null && (HEARTH_STEP_EVENT_TYPES as readonly string[]).includes(eventType) ? eventType.slice('step_'.length).toUpperCase() : eventType;
}

/** A side effect, declared by a plan or document or observed while running. */
export const sideEffectSchema = z.looseObject({
  step_index: z.number().int().nullish(),
  category: z.enum(RECORD_SIDE_EFFECT_CATEGORIES),
  description: z.string(),
  reversible: z.boolean().nullish(),
  details: z.unknown().optional(),
});

/**
 * A step event as it appears in a document's `step_events`. The hashes are
 * nullish here: a missing or null hash is a chain finding, not a shape error.
 */
export const stepEventBodySchema = z.looseObject({
  step_index: z.number().int(),
  step_name: z.string().nullish(),
  event_type: z.enum([...RECORD_STEP_EVENT_TYPES, ...HEARTH_STEP_EVENT_TYPES]),
  timestamp: z.string().nullish(),
  details: z.unknown().optional(),
  error_message: z.string().nullish(),
  previous_event_hash: z.string().nullish(),
  event_hash: z.string().nullish(),
});

/** Fields every observer line carries. */
const observerLineBase = {
  record_version: z.union([z.string(), z.number()]).optional(),
  execution_id: z.string().min(1),
  timestamp: z.string(),
};

/** What every observer line must have, whatever its kind; used for lines of an unknown kind. */
export const observerLineBaseSchema = z.looseObject(observerLineBase);

/** The first line of an observer stream. */
export const executionStartedLineSchema = z.looseObject({
  ...observerLineBase,
  kind: z.literal('execution_started'),
  plan_id: z.string().nullish(),
  live_mode_state: z.enum(RECORD_LIVE_MODES).nullish(),
  security_snapshot: securitySnapshotSchema.nullish(),
});

/** A step event line of an observer stream. */
export const stepEventLineSchema = z.looseObject({
  ...stepEventBodySchema.shape,
  ...observerLineBase,
  kind: z.literal('step_event'),
});

/** A side effect line of an observer stream. */
export const sideEffectLineSchema = z.looseObject({
  ...sideEffectSchema.shape,
  ...observerLineBase,
  kind: z.literal('side_effect'),
});

/** The last line of an observer stream. */
export const executionFinishedLineSchema = z.looseObject({
  ...observerLineBase,
  kind: z.literal('execution_finished'),
  status: z.enum([...RECORD_EXECUTION_STATUSES, ...HEARTH_EXECUTION_STATUSES]),
  reason: z.string().nullish(),
  security_snapshot: securitySnapshotSchema.nullish(),
});

/** Any observer stream line (formats.md §5a). */
export const recordObserverLineSchema = z.discriminatedUnion('kind', [
  executionStartedLineSchema,
  stepEventLineSchema,
  sideEffectLineSchema,
  executionFinishedLineSchema,
]);

/** The whole immutable record of an execution, written after the run (formats.md §5b). */
export const recordDocumentSchema = z.looseObject({
  execution_id: z.string().min(1),
  plan_id: z.string().nullish(),
  live_mode_state: z.enum(RECORD_LIVE_MODES).nullish(),
  security_snapshot_pre: securitySnapshotSchema.nullish(),
  security_snapshot_post: securitySnapshotSchema.nullish(),
  step_events: z.array(stepEventBodySchema).optional(),
  side_effects_report: z
    .looseObject({
      declared: z.array(sideEffectSchema).optional(),
      observed: z.array(sideEffectSchema).optional(),
    })
    .optional(),
  status: z.enum([...RECORD_EXECUTION_STATUSES, ...HEARTH_EXECUTION_STATUSES]).nullish(),
  completion_reason: z.string().nullish(),
  timestamp_start: z.string(),
  timestamp_end: z.string().nullish(),
  execution_hash: z.string().nullish(),
});

/** A rollback hint, shown verbatim and never executed. */
export const rollbackHintSchema = z.looseObject({
  step_index: z.number().int(),
  description: z.string(),
  actions: z.array(z.string()),
  risks: z.array(z.string()),
});

/** A plan with its declared side effects and rollback hints (formats.md §5c). */
export const planDocumentSchema = z.looseObject({
  plan_id: z.string().min(1),
  steps: z.array(z.looseObject({ index: z.number().int(), name: z.string() })).optional(),
  declared_side_effects: z.array(sideEffectSchema).optional(),
  rollback_hints: z.array(rollbackHintSchema).optional(),
});

/** A parsed security snapshot. */
export type SecuritySnapshot = z.infer<typeof securitySnapshotSchema>;
/** A parsed side effect. */
export type SideEffect = z.infer<typeof sideEffectSchema>;
/** A parsed step event body. */
export type StepEventBody = z.infer<typeof stepEventBodySchema>;
/** A parsed observer stream line. */
export type RecordObserverLine = z.infer<typeof recordObserverLineSchema>;
/** A parsed record document. */
export type RecordDocument = z.infer<typeof recordDocumentSchema>;
/** A parsed rollback hint. */
export type RollbackHint = z.infer<typeof rollbackHintSchema>;
/** A parsed plan document. */
export type PlanDocument = z.infer<typeof planDocumentSchema>;
