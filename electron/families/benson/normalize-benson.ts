import { BENSON_AUTHORITY, BENSON_REPORT_KIND, bensonEventSchema, bensonReportSchema, looksLikeBensonReport, opensPacDispatch } from '../../../shared/formats/benson';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem } from '../../../shared/model/problem-code';
import { parseTimestamp } from '../reading/parse-timestamp';
import { describeType, quoteValue } from '../reading/describe-value';
import { documentEvent } from '../reading/document-event';
import { readBoolean, readField, readNonEmptyString, readObject, readString } from '../reading/read-field';
import { shapeIssues } from '../reading/schema-issues';
import { shapeProblem, type ShapeProblemOptions } from '../reading/shape-problem';

/** Semantic versioning 2.0.0: x.y.z with an optional -prerelease and +build. */
const SEMVER = /^(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;

/** Fields with problem codes of their own, so the shape problem does not repeat them. */
const SHAPE_OPTIONS: ShapeProblemOptions = { ignoredKeys: new Set(['timestamp', 'telemetry_version', 'authority']), ignoreMissing: false };

const EMPTY_DATA: Readonly<Record<string, unknown>> = Object.freeze({});

/** Normalizes a Benson governance telemetry line (formats.md §2) and checks its invariants. */
export function normalizeBenson(obj: Record<string, unknown>): NormalizedEvent {
  if (looksLikeBensonReport(obj)) return normalizeBensonReport(obj);
  const problems: LineProblem[] = [];
  const issues = shapeIssues(bensonEventSchema, obj);
  if (issues !== null) {
    const problem = shapeProblem('benson.invalid_shape', 'Benson event', issues, obj, SHAPE_OPTIONS);
    if (problem !== null) problems.push(problem);
  }

  const time = parseTimestamp(readField(obj, 'timestamp'));
  if (time.problem !== null) problems.push(time.problem);
  const authority = authorityProblem(readField(obj, 'authority'));
  if (authority !== null) problems.push(authority);
  const version = versionProblem(readField(obj, 'telemetry_version'));
  if (version !== null) problems.push(version);

  const eventType = readString(obj, 'event_type') ?? '';
  const data = readObject(obj, 'data') ?? EMPTY_DATA;
  const pacId = readNonEmptyString(data, 'pac_id');
  if (pacId === null && (opensPacDispatch(eventType) || eventType === 'PAC_DISPATCH_END')) {
    problems.push({ code: 'benson.missing_pac_id', message: `${eventType} has no data.pac_id` });
  }

  const dataStatus = readString(data, 'status');
  let status: string | null = dataStatus;
  let failed = false;
  switch (eventType) {
    case 'PAC_DISPATCH_END':
      failed = dataStatus === 'BLOCKED' || dataStatus === 'FAILED';
      break;
    case 'CHECKPOINT':
      failed = dataStatus === 'FAIL';
      break;
    case 'WRAP_GENERATION':
      failed = readBoolean(data, 'blocked') === true;
      break;
    case 'DISPATCH_VALIDATION_FAILED':
    case 'WRAP_AUTHORIZATION_DENIED':
      failed = true;
      break;
    case 'SCHEMA_VALIDATION': {
      const valid = readBoolean(data, 'valid');
      status = valid === null ? null : valid ? 'valid' : 'invalid';
      failed = valid === false;
      break;
    }
    case 'BER_GENERATION_DECISION': {
      const eligible = readBoolean(data, 'eligible');
      status = eligible === null ? null : eligible ? 'eligible' : 'not_eligible';
      break;
    }
    default:
      // Custom event types are legal; their data.status, if any, is shown as is.
      break;
  }

  return {
    family: 'benson',
    kind: eventType,
    executionKey: pacId,
    timestampMs: time.ms,
    status,
    errorCode: readString(data, 'error_code'),
    actor: readString(data, 'agent_name') ?? readString(data, 'agent_gid'),
    failed,
    problems,
    facts: {
      family: 'benson',
      eventType,
      pacId,
      checkpoint:
        eventType === 'CHECKPOINT'
          ? { id: readString(data, 'checkpoint_id'), name: readString(data, 'checkpoint_name'), status: dataStatus, details: readString(data, 'details') }
          : null,
    },
  };
}

/**
 * A Benson report document (ChainBridge's get_telemetry_for_ber()): one event of
 * no PAC (its summary covers the whole session), timed at its first event. Its
 * events are not indexed again; getEvent checks them against the logs.
 */
function normalizeBensonReport(obj: Record<string, unknown>): NormalizedEvent {
  const problems: LineProblem[] = [];
  const issues = shapeIssues(bensonReportSchema, obj);
  if (issues !== null) {
    const problem = shapeProblem('benson.invalid_shape', 'Benson report', issues, obj, SHAPE_OPTIONS);
    if (problem !== null) problems.push(problem);
  }
  const version = versionProblem(readField(obj, 'telemetry_version'));
  if (version !== null) problems.push(version);
  const summary = readObject(obj, 'summary') ?? EMPTY_DATA;
  const first = readField(summary, 'first_event');
  const time = first === undefined || first === null ? null : parseTimestamp(first, 'summary.first_event');
  if (time !== null && time.problem !== null) problems.push(time.problem);
  return documentEvent(BENSON_REPORT_KIND, time?.ms ?? null, problems, { family: 'benson', eventType: BENSON_REPORT_KIND, pacId: null, checkpoint: null });
}

function authorityProblem(authority: unknown): LineProblem | null {
  if (authority === BENSON_AUTHORITY) return null;
  const found = typeof authority === 'string' ? `is ${quoteValue(authority)}` : authority === undefined ? 'is missing' : `is ${describeType(authority)}`;
  return { code: 'benson.authority_violation', message: `authority ${found}; it must be exactly "${BENSON_AUTHORITY}"` };
}

function versionProblem(version: unknown): LineProblem | null {
  if (typeof version === 'string' && SEMVER.test(version)) return null;
  const found = typeof version === 'string' ? `${quoteValue(version)} is not semver (x.y.z)` : version === undefined ? 'is missing' : `is ${describeType(version)}, not a semver string`;
  return { code: 'benson.invalid_version', message: `telemetry_version ${found}` };
}
