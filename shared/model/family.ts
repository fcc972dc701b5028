import { z } from 'zod';

/** The producer families of formats.md, plus `generic` for JSON objects of no known family. */
export const FAMILIES = ['exec-event', 'benson', 'cycle', 'stream', 'record', 'otlp', 'generic'] as const;

/** A producer family; `generic` events are searchable but belong to no execution. */
export type Family = (typeof FAMILIES)[number];

/** The families that group events into executions (generic never does). */
export const EXECUTION_FAMILIES = ['exec-event', 'benson', 'cycle', 'stream', 'record', 'otlp'] as const;

/** A family that has executions. */
export type ExecutionFamily = (typeof EXECUTION_FAMILIES)[number];

export const familySchema = z.enum(FAMILIES);
export const executionFamilySchema = z.enum(EXECUTION_FAMILIES);

/** Exhaustiveness guard for switches over families, statuses and kinds. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
