import { hasField as has, readField as field, isJsonObject } from '../reading/read-field';

/** Which of the three record shapes of formats.md §5 an object has. */
export type RecordShape = 'plan_document' | 'record_document' | 'observer_line';

const OBSERVER_KINDS: ReadonlySet<unknown> = new Set(['execution_started', 'step_event', 'side_effect', 'execution_finished']);

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
