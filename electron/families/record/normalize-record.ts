import type { z } from 'zod';
import {
  RECORD_FAILED_STATUSES,
  canonicalRecordStatus,
  canonicalStepEventType,
  executionFinishedLineSchema,
  executionStartedLineSchema,
  observerLineBaseSchema,
  planDocumentSchema,
  recordDocumentSchema,
  sideEffectLineSchema,
  stepEventLineSchema,
  type RecordLineKind,
} from '../../../shared/formats/record';
import { assertNever } from '../../../shared/model/family';
import type { EventFacts, NormalizedEvent, RollbackHintFact, SideEffectFact, SnapshotFact, StepEventFact } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';
import { detectRecordShape } from './record-shape';
import { parseTimestamp } from '../reading/parse-timestamp';
import { copyWithoutKeys } from '../../../shared/model/copy-without-keys';
import { streamStepBody } from '../../../shared/formats/record-step-body';
import { documentEvent } from '../reading/document-event';
import { describeType, quoteValue } from '../reading/describe-value';
import { hasField, isJsonObject, readArray, readBoolean, readField, readNonEmptyString, readNumber, readObject, readString } from '../reading/read-field';
import { shapeIssues } from '../reading/schema-issues';
import { shapeProblem, type ShapeProblemOptions } from '../reading/shape-problem';

type RecordFacts = Extract<EventFacts, { family: 'record' }>;
type ObserverKind = RecordLineKind | 'unknown';

const FAILED_STATUSES: ReadonlySet<string> = new Set(RECORD_FAILED_STATUSES);

/** `kind` has `record.unknown_kind` and the timestamps have `time.*`; the shape problem leaves them out. */
const LINE_SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp', 'kind']), ignoreMissing: false };
const DOCUMENT_SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp_start']), ignoreMissing: false };
const PLAN_SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp']), ignoreMissing: false };

const SNAPSHOT_KNOWN_FIELDS: ReadonlySet<string> = new Set(['captured_at', 'security_state']);
const HEARTH_SNAPSHOT_KNOWN_FIELDS: ReadonlySet<string> = new Set(['timestamp', 'security_state']);

/** A document's step timestamps are checked too, but at most this many of their problems are kept. */
const MAX_STEP_TIME_PROBLEMS = 5;

/** The facts of a record before anything is filled in: arrays empty, values null. */
const EMPTY_FACTS: RecordFacts = Object.freeze({
  family: 'record',
  recordKind: 'unknown',
  executionId: null,
  planId: null,
  liveMode: null,
  snapshotPre: null,
  snapshotPost: null,
  stepEvents: Object.freeze([]),
  observedSideEffects: Object.freeze([]),
  declaredSideEffects: Object.freeze([]),
  rollbackHints: Object.freeze([]),
  planSteps: Object.freeze([]),
  executionHash: null,
  sideEffectsReported: false,
});

/** Normalizes an execution record: an observer line, a record document or a plan document (formats.md §5). */
export function normalizeRecord(obj: Record<string, unknown>): NormalizedEvent {
  const shape = detectRecordShape(obj);
  switch (shape) {
    case 'plan_document':
      return normalizePlanDocument(obj);
    case 'record_document':
      return normalizeRecordDocument(obj);
    case 'observer_line':
    case null:
      // Called on an object that is no record at all, the line reading is the most lenient.
      return normalizeObserverLine(obj);
    default:
      return assertNever(shape, 'record shape');
  }
}

function normalizeObserverLine(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  const rawKind = readField(obj, 'kind');
  const kind = typeof rawKind === 'string' ? rawKind : null;
  const recordKind = observerKind(kind);
  if (recordKind === 'unknown') {
    const found = kind !== null ? quoteValue(kind) : rawKind === undefined ? 'missing' : describeType(rawKind);
    problems.push({ code: 'record.unknown_kind', message: `kind is ${found}, not execution_started, step_event, side_effect or execution_finished` });
  }
  addShapeProblem(lineSchema(recordKind), obj, LINE_SHAPE_OPTIONS, problems);
  const time = parseTimestamp(readField(obj, 'timestamp'));
  if (time.problem !== null) problems.push(time.problem);

  const executionId = readNonEmptyString(obj, 'execution_id');
  let status: string | null = null;
  let failed = false;
  let facts: RecordFacts;
  switch (recordKind) {
    case 'execution_started':
      status = 'STARTED';
      facts = {
        ...EMPTY_FACTS,
        recordKind,
        executionId,
        planId: readString(obj, 'plan_id'),
        liveMode: readString(obj, 'live_mode_state'),
        snapshotPre: snapshotFact(readObject(obj, 'security_snapshot')),
      };
      break;
    case 'step_event':
      status = canonicalStepEventType(readString(obj, 'event_type'));
      failed = status === 'FAILED';
      facts = { ...EMPTY_FACTS, recordKind, executionId, stepEvents: [stepEventFact(obj, streamStepBody(obj), time.ms)] };
      break;
    case 'side_effect':
      facts = { ...EMPTY_FACTS, recordKind, executionId, observedSideEffects: [sideEffectFact(obj)] };
      break;
    case 'execution_finished':
      status = canonicalRecordStatus(readString(obj, 'status'));
      failed = status !== null && FAILED_STATUSES.has(status);
      facts = { ...EMPTY_FACTS, recordKind, executionId, snapshotPost: snapshotFact(readObject(obj, 'security_snapshot')) };
      break;
    case 'unknown':
      facts = { ...EMPTY_FACTS, executionId };
      break;
    default:
      return assertNever(recordKind, 'record kind');
  }

  return {
    family: 'record',
    kind: kind ?? 'unknown',
    executionKey: executionId,
    timestampMs: time.ms,
    status,
    errorCode: null,
    actor: null,
    failed,
    problems,
    facts,
  };
}

function normalizeRecordDocument(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  addShapeProblem(recordDocumentSchema, obj, DOCUMENT_SHAPE_OPTIONS, problems);
  const time = parseTimestamp(readField(obj, 'timestamp_start'), 'timestamp_start');
  if (time.problem !== null) problems.push(time.problem);

  const executionId = readNonEmptyString(obj, 'execution_id');
  const status = canonicalRecordStatus(readString(obj, 'status'));
  const report = readObject(obj, 'side_effects_report');
  // hearth's documents end at timestamp_end (null until finished): the execution spans start to end.
  const end = hasField(obj, 'timestamp_end') && readField(obj, 'timestamp_end') !== null ? parseTimestamp(readField(obj, 'timestamp_end'), 'timestamp_end') : null;
  if (end !== null && end.problem !== null) problems.push(end.problem);

  const stepEvents: StepEventFact[] = [];
  let stepTimeProblems = 0;
  const rawSteps = readArray(obj, 'step_events') ?? [];
  for (let index = 0; index < rawSteps.length; index += 1) {
    const step = rawSteps[index];
    // documentStepBodies skips the same elements: a step's seq is its place among the objects.
    if (!isJsonObject(step)) continue;
    const stepTime = hasField(step, 'timestamp') ? parseTimestamp(readField(step, 'timestamp'), `step_events[${index}].timestamp`) : null;
    if (stepTime !== null && stepTime.problem !== null && stepTime.problem.code !== 'time.missing' && stepTimeProblems < MAX_STEP_TIME_PROBLEMS) {
      stepTimeProblems += 1;
      problems.push(stepTime.problem);
    }
    // The element is kept as is: it is exactly what the chain hashes.
    stepEvents.push(stepEventFact(step, step, stepTime?.ms ?? null));
  }

  return {
    family: 'record',
    kind: 'record_document',
    executionKey: executionId,
    timestampMs: time.ms,
    endTimestampMs: end?.ms ?? null,
    status,
    errorCode: null,
    actor: null,
    failed: status !== null && FAILED_STATUSES.has(status),
    problems,
    facts: {
      ...EMPTY_FACTS,
      recordKind: 'record_document',
      executionId,
      planId: readString(obj, 'plan_id'),
      liveMode: readString(obj, 'live_mode_state'),
      snapshotPre: snapshotFact(readObject(obj, 'security_snapshot_pre')),
      snapshotPost: snapshotFact(readObject(obj, 'security_snapshot_post')),
      stepEvents,
      observedSideEffects: report === null ? EMPTY_FACTS.observedSideEffects : sideEffectFacts(readArray(report, 'observed')),
      declaredSideEffects: report === null ? EMPTY_FACTS.declaredSideEffects : sideEffectFacts(readArray(report, 'declared')),
      executionHash: readString(obj, 'execution_hash'),
      sideEffectsReported: report !== null,
    },
  };
}

function normalizePlanDocument(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  addShapeProblem(planDocumentSchema, obj, PLAN_SHAPE_OPTIONS, problems);
  // A plan is not an event in time: no timestamp is normal, but a bad one is still reported.
  const time = hasField(obj, 'timestamp') ? parseTimestamp(readField(obj, 'timestamp')) : null;
  if (time !== null && time.problem !== null) problems.push(time.problem);

  const planSteps: { readonly index: number; readonly name: string }[] = [];
  for (const step of readArray(obj, 'steps') ?? []) {
    if (!isJsonObject(step)) continue;
    const index = readNumber(step, 'index');
    // A step without an integer index cannot be placed; the shape problem already names it.
    if (index === null || !Number.isInteger(index)) continue;
    planSteps.push({ index, name: readString(step, 'name') ?? '' });
  }

  const rollbackHints: RollbackHintFact[] = [];
  for (const hint of readArray(obj, 'rollback_hints') ?? []) {
    if (!isJsonObject(hint)) continue;
    rollbackHints.push({
      stepIndex: readNumber(hint, 'step_index'),
      description: readString(hint, 'description') ?? '',
      actions: hintTexts(readArray(hint, 'actions')),
      risks: hintTexts(readArray(hint, 'risks')),
    });
  }

  return documentEvent('plan_document', time?.ms ?? null, problems, {
    ...EMPTY_FACTS,
    recordKind: 'plan_document',
    planId: readString(obj, 'plan_id'),
    declaredSideEffects: sideEffectFacts(readArray(obj, 'declared_side_effects')),
    rollbackHints,
    planSteps,
  });
}

function observerKind(kind: string | null): ObserverKind {
  switch (kind) {
    case 'execution_started':
    case 'step_event':
    case 'side_effect':
    case 'execution_finished':
      return kind;
    default:
      return 'unknown';
  }
}

function lineSchema(kind: ObserverKind): z.ZodType {
  switch (kind) {
    case 'execution_started':
      return executionStartedLineSchema;
    case 'step_event':
      return stepEventLineSchema;
    case 'side_effect':
      return sideEffectLineSchema;
    case 'execution_finished':
      return executionFinishedLineSchema;
    default:
      return observerLineBaseSchema;
  }
}

function addShapeProblem(schema: z.ZodType, obj: Record<string, unknown>, options: ShapeProblemOptions, problems: LineProblem[]): void {
  const issues = shapeIssues(schema, obj);
  if (issues === null) return;
  const problem = shapeProblem('record.invalid_shape', 'execution record', issues, obj, options);
  if (problem !== null) problems.push(problem);
}

function stepEventFact(step: Readonly<Record<string, unknown>>, body: Readonly<Record<string, unknown>>, timestampMs: number | null): StepEventFact {
  return {
    stepIndex: readNumber(step, 'step_index'),
    stepName: readString(step, 'step_name'),
    eventType: canonicalStepEventType(readString(step, 'event_type')),
    timestampMs,
    errorMessage: readString(step, 'error_message'),
    previousEventHash: readString(step, 'previous_event_hash'),
    eventHash: readString(step, 'event_hash'),
    body,
  };
}

function sideEffectFact(effect: Readonly<Record<string, unknown>>): SideEffectFact {
  const details = readField(effect, 'details');
  return {
    stepIndex: readNumber(effect, 'step_index'),
    category: readString(effect, 'category') ?? '',
    description: readString(effect, 'description') ?? '',
    reversible: readBoolean(effect, 'reversible'),
    details: details === undefined ? null : details,
  };
}

function sideEffectFacts(effects: readonly unknown[] | null): readonly SideEffectFact[] {
  if (effects === null || effects.length === 0) return EMPTY_FACTS.observedSideEffects;
  const facts: SideEffectFact[] = [];
  for (const effect of effects) if (isJsonObject(effect)) facts.push(sideEffectFact(effect));
  return facts;
}

function snapshotFact(snapshot: Readonly<Record<string, unknown>> | null): SnapshotFact | null {
  if (snapshot === null) return null;
  const capturedAt = readString(snapshot, 'captured_at');
  // hearth names the capture time `timestamp`; it is the capture time, not a field to compare pre vs post.
  const hearthTime = capturedAt === null && !hasField(snapshot, 'captured_at') ? readString(snapshot, 'timestamp') : null;
  return {
    capturedAt: capturedAt ?? hearthTime,
    securityState: readString(snapshot, 'security_state'),
    fields: copyWithoutKeys(snapshot, hearthTime === null ? SNAPSHOT_KNOWN_FIELDS : HEARTH_SNAPSHOT_KNOWN_FIELDS),
  };
}

/**
 * Hint actions and risks as text. Hints are shown verbatim, so an element of the
 * wrong type (already in the shape problem) is kept as its JSON text rather than dropped.
 */
function hintTexts(items: readonly unknown[] | null): readonly string[] {
  if (items === null) return EMPTY_TEXTS;
  const texts: string[] = [];
  for (const item of items) texts.push(typeof item === 'string' ? item : jsonText(item));
  return texts;
}

const EMPTY_TEXTS: readonly string[] = Object.freeze([]);

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? describeType(value);
  } catch {
    // Only absurd nesting gets here (stack overflow); the raw document still shows it.
    return describeType(value);
  }
}
