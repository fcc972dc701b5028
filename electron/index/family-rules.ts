import type { Family } from '../../shared/model/family';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import type { LineProblem } from '../../shared/model/problem-code';
import type { SourceCarry } from './source-carry';

/** How an execution's status settles: a higher rank wins, then a later time, then a later event. */
export interface StatusContribution {
  readonly status: string;
  readonly outcome: 'ok' | 'failed' | 'running' | 'unknown';
  readonly rank: number;
}

/** The header fields of an execution that an event may name; the first one named stays. */
export interface HeaderFacts {
  readonly product?: string | null;
  readonly planId?: string | null;
  readonly liveMode?: string | null;
}

/** What placing an event may read of it: the writer places scan facts, not whole events. */
export type PlacedFacts = Pick<NormalizedEvent, 'executionKey' | 'kind'>;

/** Where an event belongs: its execution key (null for none) and the problem of not belonging where it should. */
export interface Placement {
  readonly key: string | null;
  readonly problem: LineProblem | null;
}

/** A side effect as stored, without the ids the writer adds. */
export interface SideEffectRow {
  readonly planId: string | null;
  readonly origin: 'observed' | 'declared';
  readonly via: 'stream' | 'document' | 'plan';
  readonly stepIndex: number | null;
  readonly category: string;
  readonly description: string;
  readonly reversible: boolean | null;
  readonly details: unknown;
}

/**
 * The rows of the derived tables one event gives, without the ids the writer
 * adds. Execution rows are stored only for an event of an execution; a plan
 * only for an event of none (a plan joins records by plan_id at query time).
 */
export interface DerivedRows {
  readonly checkpoints?: readonly { readonly checkpointId: string | null; readonly name: string | null; readonly status: string | null; readonly details: string | null; readonly ts: number | null }[];
  readonly stepEvents?: readonly {
    readonly origin: 'stream' | 'document';
    readonly stepIndex: number | null;
    readonly stepName: string | null;
    readonly eventType: string | null;
    readonly ts: number | null;
    readonly errorMessage: string | null;
  }[];
  readonly sideEffects?: readonly SideEffectRow[];
  readonly snapshots?: readonly {
    readonly phase: 'pre' | 'post';
    readonly via: 'stream' | 'document';
    readonly capturedAt: string | null;
    readonly securityState: string | null;
    readonly fields: Readonly<Record<string, unknown>>;
  }[];
  /** An OTLP span: its place in the trace's tree, and the span as read for the detail. */
  readonly otlpSpans?: readonly {
    readonly spanId: string;
    readonly parentSpanId: string | null;
    readonly startMs: number | null;
    readonly endMs: number | null;
    readonly body: unknown;
  }[];
  /** An OTLP log record of a trace, shown in the span it names. */
  readonly otlpLogs?: readonly { readonly spanId: string | null; readonly timeMs: number | null; readonly body: unknown }[];
  readonly plan?: {
    readonly planId: string;
    readonly steps: readonly { readonly index: number; readonly name: string }[];
    readonly hints: readonly { readonly stepIndex: number | null; readonly description: string; readonly actions: readonly string[]; readonly risks: readonly string[] }[];
    /** The plan's declared side effects, stored with no execution. */
    readonly sideEffects: readonly SideEffectRow[];
  };
}

/**
 * What the index writer needs to know of one family: the rules of formats.md
 * and producers.md that turn its events into execution rows. The families
 * (`electron/families/`) implement it; the writer receives them, because the
 * index is the lowest layer and imports no family.
 */
export interface FamilyIndexRules {
  /** Where the event belongs, given what its file carries from earlier lines (Benson's open PAC). */
  place(event: PlacedFacts, carry: () => SourceCarry): Placement;
  /** The status this event gives its execution; null when it gives none. */
  statusContribution(event: NormalizedEvent): StatusContribution | null;
  /** True for the event that opens an execution (counted so that pairs can be checked). */
  opensExecution(event: NormalizedEvent): boolean;
  /** True for a terminal event (counted: more than one is a contract problem where the family says so). */
  closesExecution(event: NormalizedEvent): boolean;
  /** The header fields this event names. */
  headerFacts(event: NormalizedEvent): HeaderFacts;
  /** The cycle number stored with the event (cycle's events only), for the per-cycle queries. */
  cycleOf(event: NormalizedEvent): number | null;
  /** The derived-table rows of this event. */
  derivedRows(event: NormalizedEvent): DerivedRows;
  /**
   * True when one event may be written to two files (Benson's log file and its
   * captured stdout): such events are stored from both but counted once, and
   * the key is a Benson PAC id in the sightings tables.
   */
  readonly countsOnceAcrossFiles: boolean;
  /**
   * True when the family's executions carry tamper evidence (hashes) that its
   * checks judge: an execution is stored as `unchecked` whenever events reach it
   * before its checks have run (a deferred batch leaves them to the enrichment),
   * so that nothing reads as intact, or as carrying no hashes, before it was checked.
   */
  readonly carriesTamperEvidence: boolean;
}

/** The index rules of every family; the compiler demands one for each. */
export type IndexFamilyRules = { readonly [F in Family]: FamilyIndexRules };

/** Rules of a family whose events give nothing to an execution row by themselves. */
export const NO_DERIVED_ROWS: DerivedRows = {};
