import type { z } from 'zod';
import type { waterfallSchema } from '../../../shared/api/views';
import { FAMILY_MODULES } from '../../families/family-registry';
import type { ExecutionFacts, FoundExecution } from '../../index/queries/execution-facts';
import type { TimelineEvent, WaterfallFacts } from '../../index/queries/waterfall-facts';

/** An execution's waterfall, as the API answers getWaterfall. */
export type Waterfall = z.infer<typeof waterfallSchema>;

/**
 * At most this many events are drawn for the families whose bars are events: about
 * 200 bytes of answer each. A record's steps are always drawn whole (two or three
 * step events a step).
 */
export const WATERFALL_EVENT_LIMIT = 50_000;

/**
 * Builds an execution's waterfall from the index: its family decides what a
 * bar is (a record's steps, a PAC's phases and checkpoints, a run's cycles and
 * commands, a mission's or a trace's events), from reads made once here.
 */
export class WaterfallAssembler {
  constructor(
    private readonly waterfallFacts: WaterfallFacts,
    private readonly executionFacts: ExecutionFacts,
    private readonly eventLimit: number = WATERFALL_EVENT_LIMIT,
  ) {}

  /** The bars of one execution, with its first and last event time and how many events were left out. */
  waterfall(execution: FoundExecution): Waterfall {
    const { row, rowId } = execution;
    let omitted = 0;
    let events: readonly TimelineEvent[] | null = null;
    const readEvents = (): readonly TimelineEvent[] => {
      if (events !== null) return events;
      const read = this.waterfallFacts.events(rowId, this.eventLimit + 1);
      if (read.length > this.eventLimit) omitted = Math.max(1, row.eventCount - this.eventLimit);
      events = read.slice(0, this.eventLimit);
      return events;
    };
    const bars = FAMILY_MODULES[row.family].waterfall({ facts: this.executionFacts, waterfallFacts: this.waterfallFacts, events: readEvents }, execution);
    return { executionId: row.id, startMs: row.startMs, endMs: row.endMs, bars, eventsOmitted: omitted };
  }
}
