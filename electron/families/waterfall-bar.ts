import type { z } from 'zod';
import type { waterfallBarSchema } from '../../shared/api/views';
import type { ExecutionRow } from '../index/queries/execution-facts';
import type { TimelineEvent } from '../index/queries/waterfall-facts';
import type { WaterfallReads } from './family-module';

/** One bar of an execution's waterfall, as the API answers it. */
export type WaterfallBar = z.infer<typeof waterfallBarSchema>;

/**
 * The bar of one event on its own: an instant at its time. Every family has
 * events that are not spans (a checkpoint, a signal, a terminal event); they
 * are drawn where they happened rather than stretched to the next one.
 */
export function eventBar(event: TimelineEvent, depth: number, label: string = event.kind || '(no kind)'): WaterfallBar {
  return {
    key: `event:${event.id}`,
    kind: 'event',
    label,
    depth,
    startMs: event.ts,
    endMs: event.ts,
    status: event.status,
    failed: event.failed,
    detail: event.failed ? event.errorCode : null,
    eventIds: [event.id],
  };
}

/**
 * The whole run as the first bar: from its first to its last event, open-ended
 * while the execution is still running (no end was logged, so none is drawn).
 */
export function runBar(row: ExecutionRow, label: string): WaterfallBar {
  return {
    key: 'execution',
    kind: 'execution',
    label,
    depth: 0,
    startMs: row.startMs,
    endMs: row.outcome === 'running' ? null : row.endMs,
    status: row.status,
    failed: row.outcome === 'failed',
    detail: null,
    eventIds: [],
  };
}

/** The waterfall of a family whose executions are their events: each one an instant where it was logged. */
export function eventWaterfall(reads: WaterfallReads): WaterfallBar[] {
  return reads.events().map((event) => eventBar(event, 0));
}

/** Orders bars by start time (untimed last), keeping the given order among equals. */
export function byStart(a: WaterfallBar, b: WaterfallBar): number {
  if (a.startMs === null || b.startMs === null) return a.startMs === null ? (b.startMs === null ? 0 : 1) : -1;
  return a.startMs - b.startMs;
}
