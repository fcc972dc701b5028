import type { FoundExecution } from '../../index/queries/execution-facts';
import type { WaterfallReads } from '../family-module';
import { runBar, type WaterfallBar } from '../waterfall-bar';
import { assembleSteps, type Step } from './assemble-record';

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

/**
 * A record's waterfall: the run, then its steps, the same as the execution
 * detail's (the observer stream's when it has any, else the document's).
 */
export function recordWaterfall(reads: WaterfallReads, execution: FoundExecution): WaterfallBar[] {
  // Step events read their bodies only when asked, and the chain is not checked here, so none is.
  const timings = reads.facts.stepEvents(execution);
  const stream = timings.filter((timing) => timing.origin === 'stream');
  const steps = assembleSteps(stream.length > 0 ? stream : timings.filter((timing) => timing.origin === 'document'));
  return [runBar(execution.row, `Execution ${execution.row.key}`), ...recordBars(steps)];
}
