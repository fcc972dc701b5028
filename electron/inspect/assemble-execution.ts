import type { z } from 'zod';
import type { executionDetailSchema } from '../../shared/api/views';
import { lineObject } from '../../shared/formats/line-payload';
import { parseExecutionId } from '../../shared/model/execution-id';
import type { TelemetrySummary } from '../../shared/model/inspection';
import { inEmissionOrder, telemetrySummary, type SummarizedEvent } from '../families/benson/telemetry-summary';
import { FAMILY_MODULES } from '../families/family-registry';
import { assembleRecord, comparableRecord, recordSections, type ComparableRecord, type RecordAssembly } from '../families/record/assemble-record';
import type { ExecutionFacts, FoundExecution } from '../index/queries/execution-facts';

export type { RecordAssembly, RecordChains, Step } from '../families/record/assemble-record';

/** The unified execution record the API answers getExecution with. */
export type ExecutionDetail = z.infer<typeof executionDetailSchema>;

/** getExecution lists at most this many events; the rest are paged through listEvents. */
export const DETAIL_EVENT_LIMIT = 500;

/**
 * Assembles executions from the index: the unified detail of any family, its
 * family's own sections from the family registry. Where the observer stream
 * and the record document both say something, the stream (what was seen while
 * running) is preferred and the disagreement is left to the problems the
 * ingest already recorded.
 */
export class ExecutionAssembler {
  constructor(private readonly facts: ExecutionFacts) {}

  /** The execution an API id names, or null when the id is malformed or the index has no such execution. */
  find(id: string): FoundExecution | null {
    const parsed = parseExecutionId(id);
    return parsed === null ? null : this.facts.find(parsed.family, parsed.key);
  }

  /** The unified record of any family: header, first events, the family's own sections, problems. Pass `assembled` when the record is already assembled. */
  detail(execution: FoundExecution, assembled?: RecordAssembly): ExecutionDetail {
    const events = this.facts.events(execution, DETAIL_EVENT_LIMIT + 1);
    const family = execution.row.family;
    const sections = family === 'record' && assembled !== undefined ? recordSections(assembled) : FAMILY_MODULES[family].sections(this.facts, execution);
    return {
      execution: execution.row,
      events: events.slice(0, DETAIL_EVENT_LIMIT),
      eventsTruncated: events.length > DETAIL_EVENT_LIMIT,
      problems: this.facts.problems(execution),
      ...sections,
    };
  }

  /** The derived views of a record execution. Callers check the family first. */
  record(execution: FoundExecution): RecordAssembly {
    return assembleRecord(this.facts, execution);
  }

  /**
   * A record's steps, snapshots (as the detail shows them) and side effects,
   * without verifying its chains or deriving its scaffold: what a comparison
   * reads, at a fraction of the cost on long runs. Callers check the family first.
   */
  recordSections(execution: FoundExecution): ComparableRecord {
    return comparableRecord(this.facts, execution);
  }

  /** The telemetry summary of a Benson PAC, over its events in the order they were emitted, with their timestamps as written. */
  telemetrySummary(execution: FoundExecution): TelemetrySummary {
    const events: SummarizedEvent[] = [];
    for (const event of this.facts.rawEventsInFileOrder(execution)) events.push({ eventType: event.kind, timestamp: rawTimestamp(event.raw), ts: event.ts });
    return telemetrySummary(inEmissionOrder(events));
  }
}

/** The `timestamp` string of a raw line as written, or null when it has none. */
function rawTimestamp(raw: string): string | null {
  // The line itself, or the payload of a captured stdout line (`[TELEMETRY] {…}`).
  const timestamp = lineObject(raw)?.['timestamp'];
  return typeof timestamp === 'string' ? timestamp : null;
}
