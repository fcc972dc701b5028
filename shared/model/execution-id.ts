import { EXECUTION_FAMILIES, type ExecutionFamily } from './family';

/**
 * An execution is named everywhere as `<family>:<key>` (e.g. `record:exec-001`).
 * The key may itself contain `:` or `/` (cycle run ids do), so only the first `:` splits.
 */
export function formatExecutionId(family: ExecutionFamily, key: string): string {
  return `${family}:${key}`;
}

/** Parses `<family>:<key>`; null when the family is unknown or the key is empty. */
export function parseExecutionId(id: string): { family: ExecutionFamily; key: string } | null {
  const colon = id.indexOf(':');
  if (colon <= 0) return null;
  const family = id.slice(0, colon);
  const key = id.slice(colon + 1);
  if (key.length === 0) return null;
  const known = (EXECUTION_FAMILIES as readonly string[]).includes(family);
  return known ? { family: family as ExecutionFamily, key } : null;
}

/** The synthetic execution key of exec-events that carry no trace_id (one group per product). */
export function untracedKey(product: string | null): string {
  return `${UNTRACED_PREFIX}${product ?? 'unknown-product'}`;
}

/**
 * The execution key of a workflow-executor request logged with `trace_id: "unknown"`
 * (producers.md): each such request is its own execution, told apart by its
 * timestamp, never merged with the other unknown ones.
 */
export function unknownTraceKey(timestamp: string | null): string {
  return `${UNKNOWN_TRACE_PREFIX}${timestamp ?? 'no-timestamp'}`;
}

/** The trace_id workflow-executor writes when a request carries none. */
export const UNKNOWN_TRACE_ID = 'unknown';

const UNKNOWN_TRACE_PREFIX = 'unknown@';

/** True for the synthetic untraced group, where many terminal events are normal. */
export function isUntracedKey(key: string): boolean {
  return key.startsWith(UNTRACED_PREFIX);
}

const UNTRACED_PREFIX = 'untraced/';
