/** Path segments longer than this are cut, so a hostile key cannot flood a message. */
const MAX_SEGMENT_LENGTH = 48;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/**
 * A field path as problem messages show it (and as the renderer finds the field
 * a problem names): `data.status`, `step_events[3].step_index`,
 * `payload["odd key"]`. Odd or long keys are quoted and cut.
 */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') {
      text += `[${segment}]`;
    } else if (typeof segment === 'string' && segment.length <= MAX_SEGMENT_LENGTH && IDENTIFIER.test(segment)) {
      text += text.length === 0 ? segment : `.${segment}`;
    } else {
      const key = String(segment);
      text += `[${JSON.stringify(key.length > MAX_SEGMENT_LENGTH ? `${key.slice(0, MAX_SEGMENT_LENGTH)}…` : key)}]`;
    }
  }
  return text.length === 0 ? 'the object' : text;
}
