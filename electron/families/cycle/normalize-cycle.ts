import { cycleEnvelopeSchema } from '../../../shared/formats/cycle';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';
import { parseTimestamp } from '../reading/parse-timestamp';
import { describeType, quoteValue } from '../reading/describe-value';
import { formatFieldPath } from '../reading/field-path';
import { readArray, readBoolean, readField, readNonEmptyString, readNumber, readObject, readString } from '../reading/read-field';
import { isRedactedValue, reportSecretLikeValues } from './redaction';
import { shapeIssues } from '../reading/schema-issues';
import { shapeProblem, type ShapeProblemOptions } from '../reading/shape-problem';

/** `timestamp` has `time.*` and `cycle` has `cycle.invalid_cycle`; the shape problem leaves them out. */
const SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp', 'cycle']), ignoreMissing: false };

/** At most this many unredacted fields are reported one by one per line; the rest are counted. */
const MAX_REPORTED_UNREDACTED = 10;

const EMPTY_PAYLOAD: Readonly<Record<string, unknown>> = Object.freeze({});

/** Normalizes an improvement-cycle envelope (formats.md §3) and checks its redaction. */
export function normalizeCycle(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  const issues = shapeIssues(cycleEnvelopeSchema, obj);
  if (issues !== null) {
    const problem = shapeProblem('cycle.invalid_shape', 'cycle envelope', issues, obj, SHAPE_OPTIONS);
    if (problem !== null) problems.push(problem);
  }

  const time = parseTimestamp(readField(obj, 'timestamp'));
  if (time.problem !== null) problems.push(time.problem);

  const cycleValue = readField(obj, 'cycle');
  const cycle = typeof cycleValue === 'number' && Number.isInteger(cycleValue) && cycleValue >= 1 ? cycleValue : null;
  if (cycle === null) problems.push(invalidCycleProblem(cycleValue));

  const runId = readNonEmptyString(obj, 'run_id');
  const event = readString(obj, 'event') ?? '';
  const source = readString(obj, 'source');
  const payload = readObject(obj, 'payload') ?? EMPTY_PAYLOAD;

  let status: string | null = readString(payload, 'status');
  let errorCode: string | null = null;
  let failed = false;
  switch (event) {
    case 'executor.command_completed': {
      const exitCode = readNumber(payload, 'exit_code');
      // A completed command without an exit code cannot be shown as ok.
      status = exitCode === 0 ? 'ok' : 'failed';
      failed = exitCode !== 0;
      errorCode = exitCode !== null && exitCode !== 0 ? `exit_code ${exitCode}` : null;
      break;
    }
    case 'executor.error':
      status = 'error';
      errorCode = readString(payload, 'exception');
      failed = readBoolean(payload, 'handled') !== true;
      break;
    case 'review.decision':
      status = readString(payload, 'decision');
      failed = status === 'abort';
      break;
    case 'plan.step_completed':
      failed = status === 'failed' || status === 'error';
      break;
    default:
      // Any module.action event is legal; its payload.status, if any, is shown as is.
      break;
  }

  reportUnredactedFields(payload, problems);
  reportSecretLikeValues(readField(obj, 'payload'), 'payload', problems);
  reportSecretLikeValues(readField(obj, 'tags'), 'tags', problems);

  return {
    family: 'cycle',
    kind: event,
    // An empty key would name no execution (`cycle:`), so a missing run_id joins none.
    executionKey: runId,
    timestampMs: time.ms,
    status,
    errorCode,
    actor: source,
    failed,
    problems,
    facts: { family: 'cycle', runId: runId ?? '', cycle, source, event },
  };
}

function invalidCycleProblem(value: unknown): LineProblem {
  const found = value === undefined ? 'is missing' : typeof value === 'number' ? `is ${value}` : typeof value === 'string' ? `is the string ${quoteValue(value)}` : `is ${describeType(value)}`;
  return { code: 'cycle.invalid_cycle', message: `cycle ${found}; it must be an integer >= 1` };
}

/** One problem per key that payload.redacted_fields lists but whose value is neither "REDACTED" nor a hash. */
function reportUnredactedFields(payload: Readonly<Record<string, unknown>>, problems: LineProblem[]): void {
  const redactedFields = readArray(payload, 'redacted_fields');
  if (redactedFields === null) return;
  let found = 0;
  for (const key of redactedFields) {
    if (typeof key !== 'string') continue;
    const value = readField(payload, key);
    // An absent or null value leaks nothing; only a present one is a problem.
    if (value === undefined || value === null || isRedactedValue(value)) continue;
    found += 1;
    if (found > MAX_REPORTED_UNREDACTED) continue;
    problems.push({
      code: 'cycle.unredacted_value',
      message: `${formatFieldPath(['payload', key])} is listed in redacted_fields but is not "REDACTED" or a hash`,
    });
  }
  if (found > MAX_REPORTED_UNREDACTED) {
    problems.push({ code: 'cycle.unredacted_value', message: `${found - MAX_REPORTED_UNREDACTED} more fields listed in redacted_fields are not redacted` });
  }
}
