import { parseExecutionId } from '../../shared/model/execution-id';

/** Two executions a compare address names; `b` null while the second is still to be picked. */
export interface ComparePair {
  readonly a: string;
  readonly b: string | null;
}

/**
 * The ways the decoded segments of a `#/compare/…` address can name
 * executions, most likely first. The app's own links encode `/` inside ids,
 * so one or two segments are read as they always were. An address typed by
 * hand may carry a cycle run id's `/` unencoded: then every place between
 * segments is tried, and the readings that give two ids (`<family>:<key>`,
 * a known family) come first, in order; only when none does, the whole
 * address as one id (the picker). More than one reading is possible when a key
 * itself holds `/<family>:`; the view asks the index which one it knows.
 * Empty when no reading names an execution.
 */
export function compareReadings(segments: readonly string[]): ComparePair[] {
  const [first, second = ''] = segments;
  if (first === undefined) return [];
  if (segments.length <= 2 && isId(first) && (second === '' || isId(second))) return [{ a: first, b: second === '' ? null : second }];
  const pairs: ComparePair[] = [];
  for (let at = 1; at < segments.length; at += 1) {
    const a = segments.slice(0, at).join('/');
    const b = segments.slice(at).join('/');
    if (isId(a) && isId(b)) pairs.push({ a, b });
  }
  if (pairs.length > 0) return pairs;
  // One id with its `/` typed as is, perhaps with a trailing `/`: the picker for it.
  const whole = segments.join('/');
  const one = whole.endsWith('/') ? whole.slice(0, -1) : whole;
  return isId(one) ? [{ a: one, b: null }] : [];
}

function isId(text: string): boolean {
  return parseExecutionId(text) !== null;
}
