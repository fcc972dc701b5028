import type { z } from 'zod';
import type { LineProblem, ProblemCode } from '../../../shared/model/problem-code';
import { describeType, quoteValue } from './describe-value';
import { formatFieldPath } from './field-path';

/** At most this many field paths are named in one problem; the rest are counted. */
const MAX_NAMED_PATHS = 5;

const EXPECTED_WORDS: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

/** What a caller reports itself, so the shape problem does not repeat it. */
export interface ShapeProblemOptions {
  /** Top-level keys whose every issue has a dedicated problem (e.g. `timestamp` → `time.*`). */
  readonly ignoredKeys: ReadonlySet<string>;
  /** When true, a missing top-level key is left to the caller (exec-event's `exec.missing_field`). */
  readonly ignoreMissing: boolean;
}

/**
 * Turns a failed schema parse into the ONE shape problem of a line, naming the
 * field paths and what is wrong with each. Values are never echoed except
 * enum-like ones (a status, a category), which the contract makes non-secret.
 * Returns null when every issue is reported elsewhere.
 */
export function shapeProblem(
  code: ProblemCode,
  subject: string,
  issues: readonly z.core.$ZodIssue[],
  obj: Readonly<Record<string, unknown>>,
  options: ShapeProblemOptions,
): LineProblem | null {
  const parts: string[] = [];
  let more = 0;
  for (const issue of issues) {
    const head = issue.path[0];
    if (typeof head === 'string' && options.ignoredKeys.has(head)) continue;
    const value = valueAt(obj, issue.path);
    if (options.ignoreMissing && issue.path.length === 1 && value === undefined) continue;
    if (parts.length === MAX_NAMED_PATHS) {
      more += 1;
      continue;
    }
    parts.push(`${formatFieldPath(issue.path)} ${describeIssue(issue, value)}`);
  }
  if (parts.length === 0) return null;
  const tail = more > 0 ? `; and ${more} more` : '';
  return { code, message: `${subject} does not match its format: ${parts.join('; ')}${tail}` };
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined) return 'is missing';
  switch (issue.code) {
    case 'invalid_type':
      return `should be ${EXPECTED_WORDS[issue.expected] ?? issue.expected}, not ${describeType(value)}`;
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      return typeof value === 'string' ? `is ${quoteValue(value)}, not one of ${allowed}` : `is ${describeType(value)}, not one of ${allowed}`;
    }
    case 'too_small':
      if (issue.origin === 'string') return 'is empty';
      if (issue.origin === 'array') return `should have at least ${String(issue.minimum)} items`;
      return `should be at least ${String(issue.minimum)}`;
    default:
      return `is invalid (${issue.code})`;
  }
}

function valueAt(obj: Readonly<Record<string, unknown>>, path: readonly PropertyKey[]): unknown {
  let current: unknown = obj;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || typeof segment === 'symbol') return undefined;
    const key = typeof segment === 'number' ? String(segment) : segment;
    if (!Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
