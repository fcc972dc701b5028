import type { z } from 'zod';
import type { waterfallSchema } from '../../../shared/api/views';
import { lineObject } from '../../../shared/formats/line-payload';
import { assertNever } from '../../../shared/model/family';
import type { ExecutionFacts, FoundExecution } from '../../index/queries/execution-facts';
import type { WaterfallFacts } from '../../index/queries/waterfall-facts';
import { assembleSteps } from '../../families/record/assemble-record';
import { bensonBars } from '../../families/benson/benson-waterfall-bars';
import { CYCLE_NAMED_KINDS, cycleBars, type CyclePayloadName } from '../../families/cycle/cycle-waterfall-bars';
import { recordBars } from '../../families/record/record-waterfall-bars';
import { eventBar, runBar, type WaterfallBar } from '../../families/waterfall-bar';

/** An execution's waterfall, as the API answers getWaterfall. */
export type Waterfall = z.infer<typeof waterfallSchema>;

/**
 * Builds an execution's waterfall from the index: the family decides what a
 * bar is (a record's steps, a PAC's phases and checkpoints, a run's cycles and
 * commands, a mission's or a trace's events); the per-family builders take
 * rows already read, so they do not depend on where the rows come from.
 */
export class WaterfallAssembler {
  constructor(
    private readonly waterfallFacts: WaterfallFacts,
    private readonly executionFacts: ExecutionFacts,
  ) {}

  /** The bars of one execution, with its first and last event time. */
  waterfall(execution: FoundExecution): Waterfall {
    const { row, rowId } = execution;
    return { executionId: row.id, startMs: row.startMs, endMs: row.endMs, bars: this.bars(execution, rowId) };
  }

  private bars(execution: FoundExecution, rowId: number): WaterfallBar[] {
    const family = execution.row.family;
    switch (family) {
      case 'record': {
        const timings = this.waterfallFacts.stepTimings(rowId);
        // The same choice as the execution detail: the observer stream's steps when it has any, else the document's.
        const stream = timings.filter((timing) => timing.origin === 'stream');
        const steps = assembleSteps(stream.length > 0 ? stream : timings.filter((timing) => timing.origin === 'document'));
        return [runBar(execution.row, `Execution ${execution.row.key}`), ...recordBars(steps)];
      }
      case 'benson':
        return bensonBars(this.waterfallFacts.events(rowId), this.executionFacts.checkpoints(execution));
      case 'cycle':
        return cycleBars(this.waterfallFacts.events(rowId), this.executionFacts.cycles(execution), this.payloadNames(rowId));
      case 'stream':
        return [runBar(execution.row, `Mission ${execution.row.key}`), ...this.waterfallFacts.events(rowId).map((event) => eventBar(event, 1))];
      case 'exec-event':
        return this.waterfallFacts.events(rowId).map((event) => eventBar(event, 0));
      default:
        return assertNever(family, 'family');
    }
  }

  private payloadNames(rowId: number): Map<number, CyclePayloadName> {
    const names = new Map<number, CyclePayloadName>();
    for (const line of this.waterfallFacts.rawLinesOfKinds(rowId, CYCLE_NAMED_KINDS)) {
      const payload = lineObject(line.raw)?.['payload'];
      const fields = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : {};
      names.set(line.id, { command: text(fields['command']), step: text(fields['step']), name: text(fields['name']) });
    }
    return names;
  }
}

/** A payload value as a label part: strings and numbers as written, anything else nothing. */
function text(value: unknown): string | null {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}
