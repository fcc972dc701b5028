/** Times of an execution as the header shows them. */
export interface ExecutionSpan {
  readonly startMs: number | null;
  readonly endMs: number | null;
  /** null when fewer than two times are known: one event spans nothing, and "0 ms" would read as an instant run. */
  readonly durationMs: number | null;
}

/**
 * When an execution ran, from its events' times and its steps' times together:
 * a record document is one event (one time) whose steps span seconds, so its
 * events alone would claim a run of 0 ms.
 */
export function executionSpan(
  row: { readonly startMs: number | null; readonly endMs: number | null },
  steps: readonly { readonly startedMs: number | null; readonly endedMs: number | null; readonly events?: readonly { readonly ts: number | null }[] }[],
): ExecutionSpan {
  const times = new Set<number>();
  const add = (ms: number | null | undefined): void => {
    if (ms !== null && ms !== undefined && Number.isFinite(ms)) times.add(ms);
  };
  add(row.startMs);
  add(row.endMs);
  for (const step of steps) {
    add(step.startedMs);
    add(step.endedMs);
    for (const event of step.events ?? []) add(event.ts);
  }
  if (times.size === 0) return { startMs: null, endMs: null, durationMs: null };
  const startMs = Math.min(...times);
  const endMs = Math.max(...times);
  return { startMs, endMs, durationMs: times.size < 2 ? null : endMs - startMs };
}
