import { looksLikeBensonReport } from '../../shared/formats/benson';
import type { Family } from '../../shared/model/family';
import { hasField as has, isJsonObject, readField as field } from './normalizers/read-field';

/** Which of the three record shapes of formats.md §5 an object has. */
export type RecordShape = 'plan_document' | 'record_document' | 'observer_line';

const OBSERVER_KINDS: ReadonlySet<unknown> = new Set(['execution_started', 'step_event', 'side_effect', 'execution_finished']);

/** The fields that mark an exec-event; two of them must be present. */
const EXEC_EVENT_MARKERS = ['trace_id', 'status', 'product', 'action_type', 'adapter'] as const;

/**
 * Detects the producer family of a parsed JSON object by its shape alone, never
 * by file name: folders mix families and files get renamed by rotation. Record
 * shapes are tested first because they are the most specific; exec-event is
 * last because its marker fields (`status`, `product`) are common words.
 */
export function detectFamily(obj: Record<string, unknown>): Family {
  if (detectRecordShape(obj) !== null) return 'record';
  if (typeof field(obj, 'event_type') === 'string' && isJsonObject(field(obj, 'data')) && (has(obj, 'telemetry_version') || has(obj, 'authority'))) {
    return 'benson';
  }
  if (looksLikeBensonReport(obj)) return 'benson';
  if (has(obj, 'run_id') && has(obj, 'event') && (has(obj, 'schema_version') || has(obj, 'cycle') || has(obj, 'source'))) return 'cycle';
  if (has(obj, 'mission_id') && has(obj, 'event_type')) return 'stream';
  if (has(obj, 'adapter') || has(obj, 'action_type')) {
    let markers = 0;
    for (const key of EXEC_EVENT_MARKERS) if (has(obj, key)) markers += 1;
    if (markers >= 2) return 'exec-event';
  }
  return 'generic';
}

/** The record shape of an object (plan document, record document, observer line), or null when it is no record. */
export function detectRecordShape(obj: Record<string, unknown>): RecordShape | null {
  const hasExecutionId = has(obj, 'execution_id');
  if (!hasExecutionId) {
    return has(obj, 'plan_id') && (Array.isArray(field(obj, 'rollback_hints')) || Array.isArray(field(obj, 'declared_side_effects'))) ? 'plan_document' : null;
  }
  if (!has(obj, 'kind') && (Array.isArray(field(obj, 'step_events')) || isJsonObject(field(obj, 'side_effects_report')) || has(obj, 'execution_hash'))) {
    return 'record_document';
  }
  if (has(obj, 'record_version') || OBSERVER_KINDS.has(field(obj, 'kind'))) return 'observer_line';
  return null;
}
