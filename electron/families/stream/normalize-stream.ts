import { BUDDY_STREAM_STATES, STREAM_EVENT_TYPES, STREAM_STATES, streamEventSchema } from '../../../shared/formats/stream';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';
import { parseTimestamp } from '../reading/parse-timestamp';
import { quoteValue } from '../reading/describe-value';
import { hasField, readField, readNonEmptyString, readObject, readString } from '../reading/read-field';
import { shapeIssues } from '../reading/schema-issues';
import { shapeProblem, type ShapeProblemOptions } from '../reading/shape-problem';

const EVENT_TYPES: ReadonlySet<string> = new Set(STREAM_EVENT_TYPES);
const STATES: ReadonlySet<string> = new Set([...STREAM_STATES, ...BUDDY_STREAM_STATES]);

/** `timestamp` has `time.*` problems of its own; the shape problem leaves it out. */
const SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp']), ignoreMissing: false };

const EMPTY_PAYLOAD: Readonly<Record<string, unknown>> = Object.freeze({});

/** Normalizes a mission execution stream line (formats.md §4). */
export function normalizeStream(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  const issues = shapeIssues(streamEventSchema, obj);
  if (issues !== null) {
    const problem = shapeProblem('stream.invalid_shape', 'mission stream event', issues, obj, SHAPE_OPTIONS);
    if (problem !== null) problems.push(problem);
  }

  const time = parseTimestamp(readField(obj, 'timestamp'));
  if (time.problem !== null) problems.push(time.problem);

  const missionId = readNonEmptyString(obj, 'mission_id');
  const eventType = readString(obj, 'event_type');
  if (eventType !== null && !EVENT_TYPES.has(eventType)) {
    problems.push({ code: 'stream.unknown_event_type', message: `event_type ${quoteValue(eventType)} is not navigation, extraction, signal or status` });
  }
  const payload = readObject(obj, 'payload') ?? EMPTY_PAYLOAD;

  let state: string | null = null;
  if (eventType === 'status') {
    // formats.md names it payload.state; Buddy's emitter writes payload.status (producers.md).
    const field = hasField(payload, 'state') || !hasField(payload, 'status') ? 'state' : 'status';
    const rawState = readField(payload, field);
    state = typeof rawState === 'string' ? rawState : null;
    // A state of the wrong type is already in the shape problem.
    if (state !== null ? !STATES.has(state) : rawState === undefined) {
      const found = state !== null ? quoteValue(state) : 'missing';
      problems.push({ code: 'stream.unknown_state', message: `status event payload.${field} is ${found}, not started, running, completed or failed (or Buddy's proposed, active)` });
    }
  }
  const failed = state === 'failed' || (eventType === 'signal' && readString(payload, 'level') === 'error');

  return {
    family: 'stream',
    kind: eventType ?? '',
    // An empty key would name no execution (`stream:`), so a missing mission_id joins none.
    executionKey: missionId,
    timestampMs: time.ms,
    status: state,
    errorCode: null,
    actor: null,
    failed,
    problems,
    facts: { family: 'stream', missionId: missionId ?? '', eventType: eventType ?? '', state },
  };
}
