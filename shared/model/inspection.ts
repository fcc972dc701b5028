import { z } from 'zod';

// Results of the pure inspection functions (electron/inspect/). They are parts
// of API responses, so every name here is contract: add fields, never rename.

/** Why a step event hash chain breaks at an event, per formats.md "Hash chain". */
export const CHAIN_BREAK_REASONS = ['missing_event_hash', 'event_hash_mismatch', 'previous_hash_mismatch', 'unhashable_event'] as const;

/**
 * Why a chain breaks: the event has no hash, its content no longer matches it, its
 * link to the event before is wrong, or it holds a number beyond JSON's range, so
 * its hash cannot be recomputed.
 */
export const chainBreakReasonSchema = z.enum(CHAIN_BREAK_REASONS);

/** A reason a chain breaks. */
export type ChainBreakReason = z.infer<typeof chainBreakReasonSchema>;

/**
 * How a hash was recomputed: `jcs` is formats.md §5 (RFC 8785 canonical JSON);
 * `python-json` is hearth's (Python `json.dumps(x, sort_keys=True)`, producers.md).
 */
export const hashRuleSchema = z.enum(['jcs', 'python-json']);

/** A rule a hash was recomputed by. */
export type HashRule = z.infer<typeof hashRuleSchema>;

/**
 * The verdict on one execution's step event chain. An execution without step
 * events is `intact` with `length` 0, as the spec's known-answer vectors say.
 */
export const chainVerdictSchema = z.object({
  /**
   * `intact`; `broken` with the first break described by the fields below; or
   * `absent` when no step event carries an event_hash at all (hearth keeps its
   * step hashes in memory only): nothing can be checked, and nothing is broken.
   */
  chain: z.enum(['intact', 'broken', 'absent']),
  /** The rule the stored step hashes were recomputed by: the one the first stored hash matched. */
  rule: hashRuleSchema.optional(),
  /**
   * hearth's step chain recomputed from the document (a reviewer can compare it
   * with another copy), when the document is hearth's; a stop at a step that
   * lacks a field ends it early.
   */
  recomputed: z.array(z.string()).optional(),
  /** Number of step events verified. */
  length: z.number().int().nonnegative(),
  /** The last step event's stored event_hash, or null when there are no step events (or it has none). */
  chainHead: z.string().nullable(),
  /** 0-based index, in emission order, of the first event where the chain breaks. */
  brokenAt: z.number().int().nonnegative().optional(),
  /** Why the chain breaks at `brokenAt`. */
  reason: chainBreakReasonSchema.optional(),
  /**
   * Hash mismatch: the stored event_hash. Link mismatch: the previous event's stored
   * event_hash (null at index 0). Missing hash: null. A stored value that is not a
   * string is given as its canonical JSON text.
   */
  expected: z.string().nullable().optional(),
  /**
   * Hash mismatch and missing hash: the recomputed event_hash (null when unhashable). Link mismatch: the
   * previous_event_hash found (null when null or absent; canonical JSON text when not a string).
   */
  computed: z.string().nullable().optional(),
});

/** The verdict on one execution's step event chain. */
export type ChainVerdict = z.infer<typeof chainVerdictSchema>;

/** How a record document's execution_hash compares to the one recomputed from the execution. */
export const executionHashComparisonSchema = z.enum(['match', 'mismatch', 'absent']);

/** `absent` when the document carries no execution_hash (or there is no document). */
export type ExecutionHashComparison = z.infer<typeof executionHashComparisonSchema>;

/** The known fields of one security snapshot. */
export const snapshotHeadSchema = z.object({
  /** The snapshot's captured_at, verbatim. */
  capturedAt: z.string().nullable(),
  /** The snapshot's security_state, verbatim. */
  securityState: z.string().nullable(),
});

/** The known fields of one security snapshot. */
export type SnapshotHead = z.infer<typeof snapshotHeadSchema>;

/** Security states in order of severity (formats.md 5a). */
export const SECURITY_STATES = ['NORMAL', 'ELEVATED', 'DEGRADED', 'COMPROMISED'] as const;

/** hearth's security states in order of severity (producers.md); its UNKNOWN is ranked with nothing. */
export const HEARTH_SECURITY_ORDER = ['OPERATIONAL', 'COMPROMISED', 'LOCKDOWN'] as const;

/** hearth's boundary states in order of severity; UNKNOWN is ranked with nothing. */
export const BOUNDARY_STATE_ORDER = ['NOMINAL', 'ELEVATED', 'COMPROMISED', 'LOCKDOWN'] as const;

/** Whether the security state got worse, better or stayed; `unknown` when either side is missing or not a known state. */
export const stateDirectionSchema = z.enum(['worse', 'better', 'same', 'unknown']);

/** Direction of a security state change. */
export type StateDirection = z.infer<typeof stateDirectionSchema>;

/**
 * How one free-form snapshot field differs between pre and post. `no_post_snapshot`
 * / `no_pre_snapshot`: that whole snapshot is missing (an execution still
 * STARTED has no post snapshot), so the field cannot be compared; it was not removed.
 */
export const fieldChangeSchema = z.enum(['added', 'removed', 'changed', 'same', 'no_post_snapshot', 'no_pre_snapshot']);

/** How one free-form snapshot field differs between pre and post. */
export type FieldChange = z.infer<typeof fieldChangeSchema>;

/** One free-form snapshot field, pre vs post. */
export const snapshotFieldDiffSchema = z.object({
  /** The field name as written in the snapshot. */
  field: z.string(),
  /** The pre value; omitted when the field (or the whole pre snapshot) is absent. */
  pre: z.unknown().optional(),
  /** The post value; omitted when the field (or the whole post snapshot) is absent. */
  post: z.unknown().optional(),
  /** `no_pre_snapshot`/`no_post_snapshot` when that side is missing whole; else `added`/`removed` by presence, `same` or `changed` by canonical JSON equality. */
  change: fieldChangeSchema,
  /** When both values are arrays of primitives: items in post but not in pre, in post order. */
  added: z.array(z.unknown()).optional(),
  /** When both values are arrays of primitives: items in pre but not in post, in pre order. */
  removed: z.array(z.unknown()).optional(),
});

/** One free-form snapshot field, pre vs post. */
export type SnapshotFieldDiff = z.infer<typeof snapshotFieldDiffSchema>;

/** Pre vs post security snapshot of one execution. */
export const securityDiffSchema = z.object({
  /** The pre snapshot's known fields, or null when there is no pre snapshot. */
  pre: snapshotHeadSchema.nullable(),
  /** The post snapshot's known fields, or null when there is no post snapshot. */
  post: snapshotHeadSchema.nullable(),
  /**
   * The security state before and after, and which way it moved: ranked on the
   * spec's scale or on hearth's (OPERATIONAL < COMPROMISED < LOCKDOWN), whichever
   * holds both states; `unknown` when none does.
   */
  stateChange: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    direction: stateDirectionSchema,
  }),
  /** hearth's boundary_state before and after (NOMINAL < ELEVATED < COMPROMISED < LOCKDOWN); null when neither snapshot has one. */
  boundaryChange: z
    .object({
      from: z.string().nullable(),
      to: z.string().nullable(),
      direction: stateDirectionSchema,
    })
    .nullable(),
  /** Every free-form field of either snapshot, sorted by name; a missing snapshot has no fields. */
  fields: z.array(snapshotFieldDiffSchema),
});

/** Pre vs post security snapshot of one execution. */
export type SecurityDiff = z.infer<typeof securityDiffSchema>;

/** A side effect as declared by a plan or document, or as observed while running. */
export const sideEffectSchema = z.object({
  stepIndex: z.number().int().nullable(),
  category: z.string(),
  description: z.string(),
  /** null when the producer did not say. */
  reversible: z.boolean().nullable(),
  details: z.unknown(),
});

/** A side effect as declared or observed. */
export type SideEffect = z.infer<typeof sideEffectSchema>;

/** Which rule paired a declared and an observed side effect: all of step, category and description, or step and category only. */
export const sideEffectMatchRuleSchema = z.enum(['exact', 'step_and_category']);

/** Which rule paired a declared and an observed side effect. */
export type SideEffectMatchRule = z.infer<typeof sideEffectMatchRuleSchema>;

/**
 * Declared vs observed side effects of one execution. Matching is one-to-one:
 * first every observed effect (in order) takes the first free declared one with
 * the same stepIndex, category and description; then the remaining ones take the
 * first free declared one with the same stepIndex and category. Comparisons are
 * exact, so a null stepIndex matches only a null stepIndex.
 */
export const sideEffectReportSchema = z.object({
  /** All declared side effects, as given. */
  declared: z.array(sideEffectSchema),
  /** All observed side effects, as given. */
  observed: z.array(sideEffectSchema),
  /** Pairs, in the order of the observed effect. */
  matched: z.array(z.object({ declared: sideEffectSchema, observed: sideEffectSchema, rule: sideEffectMatchRuleSchema })),
  /** Observed effects no declared one matched, in observed order. */
  undeclared: z.array(sideEffectSchema),
  /** Declared effects no observed one matched, in declared order. */
  unobserved: z.array(sideEffectSchema),
  /** Observed effects whose reversible is false (matched or not), in observed order. */
  irreversible: z.array(sideEffectSchema),
  /**
   * False when nothing of this execution reports observed side effects: hearth's
   * saved records keep them in memory, so there is no report, which is not the
   * same as none observed. Then nothing is called unobserved either.
   */
  observedReported: z.boolean(),
  /** Counts of declared and observed effects per category, keys sorted. */
  byCategory: z.record(z.string(), z.object({ declared: z.number().int().nonnegative(), observed: z.number().int().nonnegative() })),
});

/** Declared vs observed side effects of one execution. */
export type SideEffectReport = z.infer<typeof sideEffectReportSchema>;

/** A rollback hint of a plan, verbatim. */
export const rollbackHintSchema = z.object({
  stepIndex: z.number().int().nullable(),
  description: z.string(),
  actions: z.array(z.string()),
  risks: z.array(z.string()),
});

/** A rollback hint of a plan, verbatim. */
export type RollbackHint = z.infer<typeof rollbackHintSchema>;

/** One manual rollback action, copied from a hint as written; the inspector never runs it. */
export const manualStepSchema = z.object({
  /** The hint's step index (null for a hint that names no step). */
  stepIndex: z.number().int().nullable(),
  /** The hint's description, verbatim. */
  description: z.string(),
  /** One action of the hint, verbatim. */
  action: z.string(),
});

/** One manual rollback action, verbatim. */
export type ManualStep = z.infer<typeof manualStepSchema>;

/** Stable warning codes of a rollback scaffold. */
export const ROLLBACK_WARNING_CODES = [
  'irreversible_step',
  'undeclared_side_effect',
  'unobserved_side_effect',
  'security_worse',
  'live_run',
  'chain_broken',
  'chain_not_present',
  'side_effects_not_reported',
] as const;

/** A stable rollback warning code. */
export const rollbackWarningCodeSchema = z.enum(ROLLBACK_WARNING_CODES);

/** A stable rollback warning code. */
export type RollbackWarningCode = z.infer<typeof rollbackWarningCodeSchema>;

/** Something the reviewer should know before rolling back by hand. */
export const rollbackWarningSchema = z.object({
  code: rollbackWarningCodeSchema,
  /** A human sentence; side effect descriptions are quoted as JSON strings. */
  message: z.string(),
  /** The step the warning is about, or null when it is about the whole execution or an effect outside any step. */
  stepIndex: z.number().int().nullable(),
});

/** Something the reviewer should know before rolling back by hand. */
export type RollbackWarning = z.infer<typeof rollbackWarningSchema>;

/**
 * The rollback scaffold of formats.md: derived from an execution and its plan's
 * hints, shown for manual work, never executed. Its canonical hash is what a
 * reviewer's acknowledgement records.
 */
export const rollbackScaffoldSchema = z.object({
  executionId: z.string(),
  /** The execution's live_mode_state (`LIVE` | `DRY_RUN`), or null when unknown. */
  liveMode: z.string().nullable(),
  /** The execution's status, or null when unknown. */
  status: z.string().nullable(),
  /** Sorted unique step indexes with an observed side effect whose reversible is false. */
  irreversibleSteps: z.array(z.number().int()),
  /** False when there is no plan or no hint, the chain is broken, or a completed step with reversible effects has no hint. */
  isRollbackPossible: z.boolean(),
  /** Why rollback is not possible (the first rule that fails); null when it is. */
  reason: z.string().nullable(),
  /** Every hint action, latest step first (hints without a step last), as written. */
  manualSteps: z.array(manualStepSchema),
  /** The plan's hints, verbatim and in plan order; empty when there is no plan. */
  hints: z.array(rollbackHintSchema),
  /** In code order: irreversible steps, undeclared, unobserved, security, live run, broken chain, absent step hashes, no side-effect report. */
  warnings: z.array(rollbackWarningSchema),
});

/** The rollback scaffold of one execution. */
export type RollbackScaffold = z.infer<typeof rollbackScaffoldSchema>;

/**
 * The producer's own rollback verdict (hearth's RollbackPlanner.plan_rollback),
 * reproduced from its saved record exactly as it decides: by status, and for a
 * failed run by the post snapshot's security_state. Always shown as the
 * producer's, beside the inspector's evidence-based scaffold, never merged.
 */
export const producerRollbackVerdictSchema = z.object({
  /** Whose verdict this is. */
  producer: z.string(),
  /** The document's status, as the producer wrote it. */
  status: z.string(),
  isRollbackPossible: z.boolean(),
  /** The producer's reason, verbatim (empty where its planner gives none, as for completed_partial). */
  reason: z.string(),
  /** The producer's warnings, verbatim. */
  warnings: z.array(z.string()),
  /** Positions in step_events whose event is step_completed (positions, not step indexes), as the producer lists them. */
  irreversibleSteps: z.array(z.number().int()),
  /** The producer's manual checklist when rollback is possible with hints, verbatim. */
  manualSteps: z.array(z.string()),
  /** How many plan hints the verdict was given (the inspector's indexed plan; the producer passes them in memory). */
  hintCount: z.number().int().nonnegative(),
});

/** The producer's own rollback verdict. */
export type ProducerRollbackVerdict = z.infer<typeof producerRollbackVerdictSchema>;

/**
 * The telemetry summary a Benson report gives for a PAC. Snake_case on purpose:
 * it reproduces the report's own field names (formats.md 2).
 */
export const telemetrySummarySchema = z.object({
  total_events: z.number().int().nonnegative(),
  /** Distinct event types in order of first appearance. */
  event_types: z.array(z.string()),
  /** Timestamp string of the first event, verbatim, or null. */
  first_event: z.string().nullable(),
  /** Timestamp string of the last event, verbatim, or null. */
  last_event: z.string().nullable(),
});

/** The telemetry summary of one PAC. */
export type TelemetrySummary = z.infer<typeof telemetrySummarySchema>;
