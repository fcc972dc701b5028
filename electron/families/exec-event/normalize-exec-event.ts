import { EXEC_EVENT_FIELDS, EXEC_STARTED_STATUS, EXEC_STATUSES, execEventSchema } from '../../../shared/formats/exec-event';
import { UNKNOWN_TRACE_ID, unknownTraceKey, untracedKey } from '../../../shared/model/execution-id';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';
import { parseTimestamp } from '../reading/parse-timestamp';
import { hasField, readField, readNonEmptyString, readString } from '../reading/read-field';
import { quoteValue } from '../reading/describe-value';
import { shapeIssues } from '../reading/schema-issues';
import { shapeProblem, type ShapeProblemOptions } from '../reading/shape-problem';

/** Required fields whose absence is `exec.missing_field`; trace_id is not one: an untraced event is legal. */
const REQUIRED_FIELDS = ['action_type', 'adapter', 'status', 'product', 'timestamp'] as const;

const ALLOWED_FIELDS: ReadonlySet<string> = new Set(EXEC_EVENT_FIELDS);
const VALID_STATUSES: ReadonlySet<string> = new Set(EXEC_STATUSES);

/** At most this many forbidden keys are named; they can be arbitrary, so the rest are counted. */
const MAX_NAMED_KEYS = 10;

const SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp']), ignoreMissing: true };

/** Normalizes an executor event (formats.md §1; workflow-executor's `started` and `unknown` trace ids per producers.md) and checks its contract. */
export function normalizeExecEvent(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  for (const field of REQUIRED_FIELDS) {
    if (!hasField(obj, field)) problems.push({ code: 'exec.missing_field', message: `required field ${field} is missing` });
  }
  const issues = shapeIssues(execEventSchema, obj);
  if (issues !== null) {
    const problem = shapeProblem('exec.invalid_field', 'exec-event', issues, obj, SHAPE_OPTIONS);
    if (problem !== null) problems.push(problem);
  }

  const time = parseTimestamp(readField(obj, 'timestamp'));
  if (time.problem !== null) problems.push(time.problem);

  const rawTraceId = readNonEmptyString(obj, 'trace_id');
  // workflow-executor writes "unknown" for a missing trace id: each such request stands alone.
  const traceId = rawTraceId === UNKNOWN_TRACE_ID ? unknownTraceKey(readString(obj, 'timestamp')) : rawTraceId;
  const actionType = readString(obj, 'action_type');
  const adapter = readString(obj, 'adapter');
  const status = readString(obj, 'status');
  const product = readString(obj, 'product');
  const errorCode = readString(obj, 'error_code');

  const started = status === EXEC_STARTED_STATUS;
  if (started) {
    problems.push({ code: 'exec.started_event', message: 'status is started: a non-terminal event, where the contract asks for one event per execution path' });
  } else if (status !== null && !VALID_STATUSES.has(status)) {
    problems.push({ code: 'exec.invalid_status', message: `status ${quoteValue(status)} is neither success nor failed` });
  }
  if (status === 'failed' && (errorCode === null || errorCode.length === 0)) {
    problems.push({ code: 'exec.failed_without_error_code', message: 'status is failed but error_code is missing' });
  }
  if (status === 'success' && adapter === 'none') {
    problems.push({ code: 'exec.success_without_adapter', message: 'status is success but adapter is "none"' });
  }
  const forbidden = forbiddenFieldProblem(obj);
  if (forbidden !== null) problems.push(forbidden);

  return {
    family: 'exec-event',
    kind: started ? 'started' : 'terminal',
    executionKey: traceId ?? untracedKey(product),
    timestampMs: time.ms,
    status,
    errorCode,
    actor: adapter,
    failed: status !== 'success' && !started,
    problems,
    facts: { family: 'exec-event', product, actionType, adapter },
  };
}

/** One problem naming every key beyond the seven of the contract; names only, values may be secrets. */
function forbiddenFieldProblem(obj: Record<string, unknown>): LineProblem | null {
  const named: string[] = [];
  let more = 0;
  for (const key of Object.keys(obj)) {
    if (ALLOWED_FIELDS.has(key)) continue;
    if (named.length < MAX_NAMED_KEYS) named.push(quoteValue(key));
    else more += 1;
  }
  if (named.length === 0) return null;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.join(', ');
  const noun = named.length + more === 1 ? 'field' : 'fields';
  return { code: 'exec.forbidden_field', message: `exec-event carries the ${noun} ${list}, which the contract forbids (no payloads, user data or secrets)` };
}
