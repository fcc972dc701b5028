import { strict as assert } from 'node:assert';
import type { IndexSnapshot } from './index-snapshot';

/** Rows that differ in at most this many: an index of 100,000 rows would make assert's own diff take minutes and gigabytes. */
const SHOWN = 8;

/**
 * Asserts two index snapshots are equal, field by field, naming the first rows
 * that only one of them has, instead of diffing whole arrays.
 */
export function assertSameIndex(actual: IndexSnapshot, expected: IndexSnapshot, message: string): void {
  for (const field of Object.keys(expected) as (keyof IndexSnapshot)[]) {
    const have = actual[field];
    const want = expected[field];
    if (have.length === want.length && have.every((row, index) => row === want[index])) continue;
    const wanted = new Set(want);
    const had = new Set(have);
    const extra = have.filter((row) => !wanted.has(row)).slice(0, SHOWN);
    const missing = want.filter((row) => !had.has(row)).slice(0, SHOWN);
    assert.fail(
      `${message}: ${field} differ (${have.length} rows, expected ${want.length})\n` +
        `  only in the index: ${JSON.stringify(extra.map(shorten))}\n  missing from it: ${JSON.stringify(missing.map(shorten))}`,
    );
  }
}

function shorten(row: string): string {
  return row.length > 300 ? `${row.slice(0, 300)}…` : row;
}
