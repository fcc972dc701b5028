import { copyWithoutKeys } from '../model/copy-without-keys';

/** Whether a record step event came from the observer stream or the record document. */
export type RecordOrigin = 'stream' | 'document';

const KIND_ONLY: ReadonlySet<string> = new Set(['kind']);

/**
 * The body of an observer step_event line: the line without its `kind`, exactly
 * what its event_hash covers. The index re-derives it from the raw line rather
 * than storing a copy, so this is the one definition the normalizer and the
 * index's readers share.
 */
export function streamStepBody(obj: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return copyWithoutKeys(obj, KIND_ONLY);
}

/** The bodies of a record document's step events, in the order of its facts' stepEvents (non-objects skipped). */
export function documentStepBodies(obj: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>>[] {
  // Own property only, as the normalizer's field readers do: `step_events` must never resolve to something inherited.
  const steps = Object.hasOwn(obj, 'step_events') ? obj['step_events'] : undefined;
  return Array.isArray(steps) ? steps.filter(isObject) : [];
}

/** The step event bodies one stored event carries: one for a stream line, the document's list for a record document. */
export function stepBodiesOf(obj: Readonly<Record<string, unknown>>, origin: RecordOrigin): readonly Readonly<Record<string, unknown>>[] {
  return origin === 'stream' ? [streamStepBody(obj)] : documentStepBodies(obj);
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
