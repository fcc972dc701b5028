import type { BaselineScope } from '../../shared/model/comparison';
import type { z } from 'zod';
import type { executionDetailSchema } from '../../shared/api/views';
import type { Family } from '../../shared/model/family';
import type { NormalizedEvent } from '../../shared/model/normalized-event';
import { NO_DERIVED_ROWS, type FamilyIndexRules, type Placement, type PlacedFacts } from '../index/family-rules';
import type { ExecutionFacts, ExecutionRow, FoundExecution } from '../index/queries/execution-facts';
import type { ExecutionFinding, ExecutionProblemRows } from '../index/queries/execution-problem-rows';
import type { StepBodies } from '../index/queries/step-bodies';
import type { StepReader } from './comparing/step-reader';
import type { TimelineEvent, WaterfallFacts } from '../index/queries/waterfall-facts';
import type { WaterfallBar } from './waterfall-bar';

/**
 * One event of a line whose line holds many (an OTLP request's spans), and the
 * part of the line its full-text search reads, so that a search finds the span
 * that holds a value rather than every span of its line.
 */
export interface LinePart {
  readonly event: NormalizedEvent;
  readonly searched: Readonly<Record<string, unknown>>;
}

/** The reads a contract check may make, prepared once per index. */
export interface CheckReads {
  readonly rows: ExecutionProblemRows;
  readonly stepBodies: StepBodies;
}

/** The stored counts that decide whether an execution must be checked across its events. */
export interface CheckCounts {
  readonly open_count: number;
  readonly close_count: number;
  readonly exec_problems: number;
}

/** The problems that only show across an execution's events (duplicate terminals, broken chains, …). */
export interface FamilyContractChecks {
  /** True when an execution with these counts may have cross-event problems; most never do, and cost nothing. One that had problems is always checked again. */
  needsCheck(key: string, counts: CheckCounts): boolean;
  /** The execution's cross-event problems as they stand now. */
  find(executionId: number, key: string, reads: CheckReads): ExecutionFinding[];
}

/** How two runs of the family are compared, and which runs one known-good run stands for. */
export interface FamilyComparison {
  /** How a run is cut into steps that pair up with the other run's. */
  readonly steps: StepReader;
  /** The group of runs that should do what one known-good run of it did; null when the execution names none (a record without plan id). */
  baselineScope(row: ExecutionRow): BaselineScope | null;
}

/** The family's own sections of an execution's detail; the header, events and problems are the same for all. */
export type FamilySections = Pick<z.infer<typeof executionDetailSchema>, 'steps' | 'checkpoints' | 'cycles' | 'spans' | 'snapshots' | 'sideEffects' | 'chain'>;

/** What a family's waterfall is drawn from: the index's reads, and the execution's events read once. */
export interface WaterfallReads {
  readonly facts: ExecutionFacts;
  readonly waterfallFacts: WaterfallFacts;
  /** The execution's events in time order, read on the first call: past the waterfall's limit, the first ones only. */
  readonly events: () => readonly TimelineEvent[];
}

/**
 * Everything the inspector knows of one producer family, in one place: how its
 * lines are recognised and normalized, what they give the index, which
 * cross-event contract they must keep, and how its executions are assembled.
 * The registry (`family-registry.ts`) holds one per family, and its type
 * makes the compiler demand every part of a new one.
 */
export interface FamilyModule<F extends Family = Family> {
  readonly family: F;
  /**
   * Where the family stands in detection: lower ranks are tried first, so the
   * most specific shapes (records) go before families whose marker fields are
   * common words (exec-event), and generic, which takes anything, goes last.
   */
  readonly detectionRank: number;
  /** True when a parsed object has this family's shape; by shape alone, never by file name. */
  detect(obj: Record<string, unknown>): boolean;
  /** The object as a NormalizedEvent with its problems; never throws on odd input. */
  normalize(obj: Record<string, unknown>): NormalizedEvent;
  /**
   * Only for a family one of whose lines holds many events (an OTLP/JSON request
   * holds many spans): every event of the line, in order, at least one. The
   * reader stores each, all pointing at the same line (events.part numbers them),
   * so offsets, raw lines and problems stay per line. Absent: a line is one event.
   */
  readonly normalizeParts?: (obj: Record<string, unknown>) => readonly [LinePart, ...LinePart[]];
  /**
   * Only for a family whose single lines are whole documents of many events (a
   * Collector's OTLP/JSON batch is often several MB on one line): how such a
   * line starts. A line over the line cap that starts so is read up to the
   * document cap instead of being reported as too long.
   */
  readonly longLineStart?: RegExp;
  /** A short label for the execution list, from the event and the file it came from; null for none. */
  label(event: NormalizedEvent, sourcePath: string): string | null;
  /** What its events give the index (status, header, derived rows, placement). */
  readonly index: FamilyIndexRules;
  /** Its cross-event contract. */
  readonly checks: FamilyContractChecks;
  /** Its sections of an execution's detail. */
  sections(facts: ExecutionFacts, execution: FoundExecution): FamilySections;
  /**
   * How its runs are compared; null for a family that compares by its events'
   * kinds, all its runs one baseline group (and for generic, which has no runs).
   */
  readonly compare: FamilyComparison | null;
  /** Its execution as bars on one time axis: steps, phases, checkpoints, commands or events. */
  waterfall(reads: WaterfallReads, execution: FoundExecution): WaterfallBar[];
}

/** The sections of a family that has none of its own. */
export const NO_SECTIONS: FamilySections = { steps: [], checkpoints: [], cycles: [], spans: [], snapshots: { pre: null, post: null }, sideEffects: null, chain: null };

/** The checks of a family whose contract shows on single lines only. */
export const NO_CONTRACT_CHECKS: FamilyContractChecks = {
  needsCheck: () => false,
  find: () => [],
};

/** A label-less family's label. */
export function noLabel(): null {
  return null;
}

/** The placement of a family whose events name their execution themselves. */
export function ownKey(event: PlacedFacts): Placement {
  return { key: event.executionKey, problem: null };
}

/**
 * The index rules of a family whose events name their execution, give no
 * status, open and close nothing and derive no rows; a family spreads it and
 * writes only the rules it has, so each family reads as what sets it apart.
 */
export const PLAIN_INDEX_RULES: FamilyIndexRules = {
  place: ownKey,
  statusContribution: () => null,
  opensExecution: () => false,
  closesExecution: () => false,
  headerFacts: () => ({}),
  cycleOf: () => null,
  derivedRows: () => NO_DERIVED_ROWS,
  countsOnceAcrossFiles: false,
  carriesTamperEvidence: false,
};
