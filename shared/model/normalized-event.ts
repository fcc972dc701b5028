import type { OtlpLog, OtlpSpan } from '../formats/otlp';
import type { Family } from './family';
import type { LineProblem } from './problem-code';

/** A side effect as declared by a plan or document, or as observed while running. */
export interface SideEffectFact {
  readonly stepIndex: number | null;
  readonly category: string;
  readonly description: string;
  readonly reversible: boolean | null;
  readonly details: unknown;
}

/** A security snapshot: the two known fields plus everything else, compared field by field. */
export interface SnapshotFact {
  readonly capturedAt: string | null;
  readonly securityState: string | null;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** One step event of a record (from an observer line or a document's step_events). */
export interface StepEventFact {
  readonly stepIndex: number | null;
  readonly stepName: string | null;
  readonly eventType: string | null;
  readonly timestampMs: number | null;
  readonly errorMessage: string | null;
  readonly previousEventHash: string | null;
  readonly eventHash: string | null;
  /** The step event exactly as parsed (without `kind`), for hash verification. */
  readonly body: Readonly<Record<string, unknown>>;
}

/** A rollback hint of a plan, kept verbatim. */
export interface RollbackHintFact {
  readonly stepIndex: number | null;
  readonly description: string;
  readonly actions: readonly string[];
  readonly risks: readonly string[];
}

/** What a normalizer extracted per family, for the derived tables. */
export type EventFacts =
  | { readonly family: 'exec-event'; readonly product: string | null; readonly actionType: string | null; readonly adapter: string | null }
  | {
      readonly family: 'benson';
      readonly eventType: string;
      readonly pacId: string | null;
      readonly checkpoint: { readonly id: string | null; readonly name: string | null; readonly status: string | null; readonly details: string | null } | null;
    }
  | { readonly family: 'cycle'; readonly runId: string; readonly cycle: number | null; readonly source: string | null; readonly event: string }
  | { readonly family: 'stream'; readonly missionId: string; readonly eventType: string; readonly state: string | null }
  | {
      readonly family: 'record';
      readonly recordKind: 'execution_started' | 'step_event' | 'side_effect' | 'execution_finished' | 'record_document' | 'plan_document' | 'unknown';
      readonly executionId: string | null;
      readonly planId: string | null;
      readonly liveMode: string | null;
      readonly snapshotPre: SnapshotFact | null;
      readonly snapshotPost: SnapshotFact | null;
      readonly stepEvents: readonly StepEventFact[];
      readonly observedSideEffects: readonly SideEffectFact[];
      readonly declaredSideEffects: readonly SideEffectFact[];
      readonly rollbackHints: readonly RollbackHintFact[];
      readonly planSteps: readonly { readonly index: number; readonly name: string }[];
      /** The document's execution_hash (record documents only). */
      readonly executionHash: string | null;
      /** True when a record document carries a `side_effects_report` (hearth's never do: none is not zero). */
      readonly sideEffectsReported: boolean;
    }
  /** One OTLP span or log record (both null for a request line that gave neither: its problems say why). */
  | { readonly family: 'otlp'; readonly span: OtlpSpan | null; readonly log: OtlpLog | null }
  | { readonly family: FamilyWithoutFacts };

/** The families whose events carry no facts of their own (generic, and a new family until it needs some). */
export type FamilyWithoutFacts = Exclude<Family, 'exec-event' | 'benson' | 'cycle' | 'stream' | 'record' | 'otlp'>;

/**
 * One telemetry line (or one JSON document) after detection and normalization.
 * The raw text is kept by the caller; this holds only what was derived from it.
 */
export interface NormalizedEvent {
  readonly family: Family;
  /** Family-specific kind: the exec-event `terminal`, a Benson event_type, a cycle event name, … */
  readonly kind: string;
  /**
   * The execution key within the family, or null when it has none of its own
   * (generic events, plan documents, Benson CHECKPOINTs that join the open PAC).
   */
  readonly executionKey: string | null;
  /** UTC milliseconds since the epoch, or null when missing or unparseable. */
  readonly timestampMs: number | null;
  /** Where one event spans a time (a record document's timestamp_end): its end, in UTC milliseconds. */
  readonly endTimestampMs?: number | null;
  readonly status: string | null;
  readonly errorCode: string | null;
  readonly actor: string | null;
  /** True when this event records a failure (failed status, FAIL checkpoint, non-zero exit, …). */
  readonly failed: boolean;
  /** Contract violations found on this line alone. */
  readonly problems: readonly LineProblem[];
  readonly facts: EventFacts;
}
