import { z } from 'zod';

/**
 * Every problem the inspector reports, with a stable code and what it means.
 * Codes are part of the CLI and API contract: never rename one, only add.
 */
export const PROBLEM_CODES = {
  // Lines and files
  'line.invalid_json': 'The line is not valid JSON.',
  'line.not_object': 'The line is JSON but not an object, so it cannot be an event.',
  'line.invalid_utf8': 'The line is not valid UTF-8; undecodable bytes are shown as U+FFFD.',
  'line.nul_bytes': 'The line contains NUL bytes, typical of a torn or preallocated write.',
  'line.too_long': 'The line is longer than the line cap and was not parsed.',
  'line.too_deep': 'The line nests too deeply to interpret safely; it is kept as a generic event.',
  'line.missing_newline': 'The final line has no newline; it is complete JSON and was indexed.',
  'line.truncated': 'The final line has no newline and is not complete JSON: a truncated write.',
  'file.unreadable': 'The file could not be read.',
  'text.invalid_payload': 'A text line carries a payload after its prefix that is neither a JSON object nor a Python dict literal; the line is kept as text.',
  'file.deleted_before_read': 'The file disappeared before all its bytes were indexed; the unread lines are lost.',
  'file.gzip_corrupt': 'The gzip stream is corrupt or truncated; lines before the damage were indexed.',
  'file.document_too_large': 'The JSON document is too large to read as one document; it was read as lines.',
  'time.missing': 'The event has no timestamp.',
  'time.invalid': 'The timestamp is not ISO-8601.',
  'time.not_utc': 'The timestamp is not UTC (no zone or a non-zero offset); it was converted to UTC.',
  'time.no_zone': 'Timestamps in this file have no time zone; they were read as UTC (or as the producer time zone the reviewer set).',
  // exec-event
  'exec.missing_field': 'A required exec-event field is missing.',
  'exec.invalid_field': 'An exec-event field has the wrong type.',
  'exec.invalid_status': 'The exec-event status is neither success nor failed.',
  'exec.failed_without_error_code': 'A failed exec-event carries no error_code.',
  'exec.forbidden_field': 'The exec-event carries a field the contract forbids (payloads, user data, secrets).',
  'exec.success_without_adapter': 'A successful exec-event names no adapter.',
  'exec.duplicate_terminal_event': 'More than one terminal event was emitted for the same trace_id.',
  'exec.started_event': 'A non-terminal started event: the contract asks for one event per execution path (workflow-executor emits one before each adapter call).',
  // benson
  'benson.invalid_shape': 'A Benson telemetry field has the wrong type.',
  'benson.authority_violation': 'The authority is not exactly "BENSON (GID-00)".',
  'benson.invalid_version': 'telemetry_version is missing or not semver.',
  'benson.unpaired_dispatch': 'The PAC does not have exactly one PAC_DISPATCH_START and one PAC_DISPATCH_END.',
  'benson.orphan_checkpoint': 'A CHECKPOINT arrived while no PAC dispatch was open in its file.',
  'benson.missing_pac_id': 'A Benson event that needs a pac_id has none.',
  // cycle
  'cycle.invalid_shape': 'A cycle envelope field has the wrong type.',
  'cycle.invalid_cycle': 'cycle is not an integer >= 1.',
  'cycle.unredacted_value': 'A field listed in redacted_fields is not redacted.',
  'cycle.secret_like_value': 'A value looks like a secret (key block, bearer token, AWS key, password).',
  // stream
  'stream.invalid_shape': 'A mission stream field has the wrong type.',
  'stream.unknown_event_type': 'The mission stream event_type is not navigation, extraction, signal or status.',
  'stream.unknown_state': 'The status state is not started, running, completed or failed.',
  // record
  'record.invalid_shape': 'An execution record field has the wrong type or is missing.',
  'record.unknown_kind': 'The observer line kind is not one of the four known kinds.',
  'record.duplicate_finish': 'The execution was finished more than once.',
  'record.chain_broken': 'The step event hash chain is broken.',
  'record.execution_hash_mismatch': 'The document execution_hash does not match its content.',
  'record.stream_document_mismatch': 'The observer stream and the record document disagree.',
  // otlp
  'otlp.invalid_shape': 'An OTLP/JSON field has the wrong shape (not the object, array or scalar the OTLP encoding gives it).',
  'otlp.invalid_id': 'A trace or span id is not the hex string of 16 (trace) or 8 (span) bytes the OTLP/JSON encoding asks for.',
  'otlp.invalid_time': 'A span time is missing, not an integer of nanoseconds, or ends before it starts.',
  'otlp.invalid_attribute': 'An attribute is not a key with one AnyValue (stringValue, intValue, doubleValue, boolValue, arrayValue, kvlistValue, bytesValue).',
  'otlp.no_spans': 'An OTLP/JSON trace request holds no span.',
  'otlp.orphan_span': 'A span names a parent span that no file of the folder holds; it is shown as a root.',
  'otlp.duplicate_span': 'The same span id of one trace is written more than once.',
} as const;

/** A stable problem code. */
export type ProblemCode = keyof typeof PROBLEM_CODES;

export const problemCodeSchema = z.enum(Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]]);

/**
 * Problems that name a value of their line which should not be on screen in
 * the clear (a secret-looking value, a field listed as redacted that is not):
 * every place that shows the line masks that value until the reviewer reveals it.
 */
export const SECRET_VALUE_CODES: readonly ProblemCode[] = ['cycle.secret_like_value', 'cycle.unredacted_value'];

/** A problem found while reading one line, before it is placed in a file. */
export interface LineProblem {
  readonly code: ProblemCode;
  readonly message: string;
}
