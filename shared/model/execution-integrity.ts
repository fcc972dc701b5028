import { z } from 'zod';

/**
 * What an execution's own hashes say about it, kept apart from its outcome: a
 * record that claims COMPLETED but whose hashes no longer match cannot be
 * trusted to have completed. `intact`: every hash the record carries (step
 * chains, execution_hash) was recomputed and matches. `broken`: a step chain
 * breaks or the execution_hash mismatches. `unhashed`: a record that carries no
 * hash at all, so nothing vouches for it and nothing is broken. `unchecked`: a
 * record whose checks have not run yet (a scan left them to the enrichment, or
 * an index written before this was stored), until they do.
 * `not_applicable`: the family's telemetry carries no tamper evidence.
 */
export const EXECUTION_INTEGRITIES = ['intact', 'broken', 'unhashed', 'unchecked', 'not_applicable'] as const;

/** An execution's tamper-evidence state. */
export type ExecutionIntegrity = (typeof EXECUTION_INTEGRITIES)[number];

/** An execution's tamper-evidence state, as the API sends it. */
export const executionIntegritySchema = z.enum(EXECUTION_INTEGRITIES);
