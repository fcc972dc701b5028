import type { Step } from './assemble-record';
import type { WaterfallBar } from '../waterfall-bar';

/**
 * A record's steps as bars: from STARTED to the last COMPLETED or FAILED, a
 * step that never ended left open, a failed step with its error message. A
 * step logged without STARTED begins at its first event.
 */
export function recordBars(steps: readonly Step[]): WaterfallBar[] {
  return steps.map((step, position) => {
    const times = step.events.flatMap((event) => (event.ts === null ? [] : [event.ts]));
    const startMs = step.startedMs ?? (times.length > 0 ? Math.min(...times) : null);
    return {
      key: step.index === null ? `step:none:${position}` : `step:${step.index}`,
      kind: 'step',
      label: `Step ${step.index ?? '?'} ${step.name ?? '(unnamed)'}`,
      depth: 1,
      startMs,
      endMs: step.endedMs,
      status: step.status,
      failed: step.status === 'FAILED',
      detail: step.errorMessage,
      eventIds: step.events.map((event) => event.eventId),
    };
  });
}
