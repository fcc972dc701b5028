import { rotatedName } from './classify-file';

/** The name a file was rotated from and how many rotations ago; any other file is its own generation 0. */
function rotationOf(name: string): { readonly base: string; readonly generation: number } {
  return rotatedName(name) ?? { base: name, generation: 0 };
}

/**
 * Orders a directory's file names as they were written: by name, except that
 * the rotations of one file come oldest first (`x.jsonl.3.gz`, `x.jsonl.2`,
 * `x.jsonl.1`, then `x.jsonl`), as logrotate and Python's rotating handlers
 * number them. A scan reads files in this order and gives events ids in
 * reading order, and an execution's events, steps and hash chain are taken in
 * id order: read by plain name order, a record stream's newer file came before
 * its older one and a genuine chain was reported broken at its first event.
 */
export function compareRotationOrder(a: string, b: string): number {
  const left = rotationOf(a);
  const right = rotationOf(b);
  if (left.base !== right.base) return left.base < right.base ? -1 : 1;
  if (left.generation !== right.generation) return right.generation - left.generation;
  return a < b ? -1 : a > b ? 1 : 0;
}
