import type { ProblemCode } from '../../shared/model/problem-code';
import { formatFieldPath } from '../../shared/model/field-path';

/** A problem the ingest found in one shown field: a secret left in the clear, or a field listed as redacted that is not. */
export interface FieldFlag {
  readonly code: ProblemCode;
  readonly label: string;
  readonly message: string;
}

/** The problems that name a field of a payload, with the words of their flag. */
const FLAG_LABELS: Partial<Readonly<Record<ProblemCode, string>>> = {
  'cycle.secret_like_value': 'looks like a secret',
  'cycle.unredacted_value': 'listed as redacted, not redacted',
};

/**
 * The flags of each top-level field of an event's payload, from the problems
 * the ingest recorded for that event: their messages begin with the field's
 * path (`payload.password looks like …`, `payload.env.TOKEN looks like …`), so
 * a secret nested in a field flags the field that shows it.
 */
export function payloadFieldFlags(
  problems: readonly { readonly code: ProblemCode; readonly message: string; readonly eventId: number | null }[],
  eventId: number,
  root: string,
  keys: readonly string[],
): ReadonlyMap<string, readonly FieldFlag[]> {
  const flags = new Map<string, FieldFlag[]>();
  const mine = problems.filter((problem) => problem.eventId === eventId && FLAG_LABELS[problem.code] !== undefined);
  if (mine.length === 0) return flags;
  for (const key of keys) {
    const path = formatFieldPath([root, key]);
    for (const problem of mine) {
      const next = problem.message.charAt(path.length);
      if (!problem.message.startsWith(path) || !(next === ' ' || next === '.' || next === '[')) continue;
      const list = flags.get(key) ?? [];
      list.push({ code: problem.code, label: FLAG_LABELS[problem.code] ?? problem.code, message: problem.message });
      flags.set(key, list);
    }
  }
  return flags;
}
