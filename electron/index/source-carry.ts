import type { LineProblem } from '../../shared/model/problem-code';

/**
 * What a file's reading carries from one batch to the next, kept with its source
 * row: the Benson PAC open in it, and whether its naive times were flagged.
 */
export interface SourceCarry {
  openPac: string | null;
  noZone?: boolean;
}

/**
 * An event's own problems with `time.no_zone` kept for the first line of a file
 * only: a producer that writes naive timestamps writes them on every line, and
 * one flag per file says so (producers.md "Time"). Marks the file's carry.
 */
export function keepFirstNoZone(problems: readonly LineProblem[], carryOf: () => SourceCarry): readonly LineProblem[] {
  const first = problems.findIndex((problem) => problem.code === 'time.no_zone');
  // Most events have no such problem: their file's carry is not even looked up.
  if (first < 0) return problems;
  const carry = carryOf();
  const kept = problems.filter((problem, index) => problem.code !== 'time.no_zone' || (carry.noZone !== true && index === first));
  carry.noZone = true;
  return kept;
}
