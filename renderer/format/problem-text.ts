import { PROBLEM_CODES, type ProblemCode } from '../../shared/model/problem-code';

/** What a problem code means, from the shared list; unknown codes say so. */
export function explainProblemCode(code: string): string {
  return Object.prototype.hasOwnProperty.call(PROBLEM_CODES, code) ? PROBLEM_CODES[code as ProblemCode] : 'Unknown problem code.';
}

/** `[code, count]` pairs, most frequent first, then by code. */
export function sortedCounts(counts: Readonly<Record<string, number>>): readonly (readonly [string, number])[] {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** `path:line`, or the path alone, or an em dash. */
export function formatLocation(path: string | null, line: number | null): string {
  if (path === null) return '—';
  return line === null ? path : `${path}:${line}`;
}
