import type Database from 'better-sqlite3';
import { EventDetails } from '../../index/queries/get-event';
import { ExecutionLookup } from '../../index/queries/find-execution';
import { Histogram } from '../../index/queries/histogram';
import { InvalidCursor } from '../../index/queries/keyset-cursor';
import { EventList } from '../../index/queries/list-events';
import { ExecutionList } from '../../index/queries/list-executions';
import { ProblemList } from '../../index/queries/list-problems';
import { ProblemLineFacts } from '../../index/queries/problem-line-facts';
import { SourceList } from '../../index/queries/list-sources';
import { SummaryReader } from '../../index/queries/read-summary';
import { StatementCache } from '../../index/queries/statement-cache';
import { BENSON_REPORT_KIND } from '../../../shared/formats/benson';
import { BensonReportFacts } from '../../index/queries/benson-report-facts';
import { renormalizeRaw } from '../../ingest/renormalize-raw';
import { SEARCH_READERS } from '../../ingest/search-readers';
import { readProblemLine } from '../../inspect/read-problem-line';
import { checkBensonReport } from '../benson-report-check';
import { ApiFailure } from '../api-failure';
import type { BaselineState } from '../../../shared/model/comparison';
import type { HandlerContext } from '../handler-context';
import type { ApiHandlers } from '../inspector-service';

/** The most kinds the kind filter suggests. */
const EVENT_KIND_SUGGESTIONS = 500;

/** Row ids of the executions in any of these states against their baseline (computed outside SQL, see BaselineVerdicts). */
export type BaselineRowIds = (states: readonly BaselineState[]) => readonly number[];

/** The list and lookup methods, answered by SQL over the index. */
export function queryHandlers(
  context: HandlerContext,
  baselineRowIds: BaselineRowIds = () => [],
): Pick<ApiHandlers, 'summary' | 'listExecutions' | 'listEvents' | 'listEventKinds' | 'getEvent' | 'listProblems' | 'getProblemLine' | 'histogram' | 'listSources'> {
  // The connection opens on first use; statements are prepared once for it, not per call.
  let bound: { readonly db: Database.Database; readonly queries: IndexQueries } | null = null;
  const queries = (): IndexQueries => {
    const db = context.db();
    if (bound === null || bound.db !== db) bound = { db, queries: prepareQueries(db) };
    return bound.queries;
  };
  const executionRowId = (executionId: string): number => {
    const rowId = queries().lookup.rowIdOf(executionId);
    if (rowId === null) throw new ApiFailure('not_found', `no execution ${executionId} in the index`);
    return rowId;
  };
  return {
    summary: () => ({ folder: context.folder, ...queries().summary.read(), progress: context.progress(), indexRebuiltBecause: context.rebuiltBecause() }),
    listExecutions: ({ baseline, ...request }) => {
      const only = baseline === undefined || baseline.length === 0 ? undefined : baselineRowIds(baseline);
      return withCursor(() => queries().executions.list(request, only));
    },
    listEvents: ({ executionId, ...request }) => {
      const rowId = executionId === undefined ? undefined : executionRowId(executionId);
      return withCursor(() => queries().events.list({ ...request, executionRowId: rowId }));
    },
    listEventKinds: () => queries().events.kinds(EVENT_KIND_SUGGESTIONS),
    getEvent: ({ id }) => {
      const detail = queries().event.get(id);
      if (detail === null) throw new ApiFailure('not_found', `no event ${id} in the index`);
      return detail.event.kind === BENSON_REPORT_KIND ? { ...detail, bensonReport: checkBensonReport(detail.raw, queries().bensonReport) } : detail;
    },
    listProblems: ({ executionId, ...request }) => {
      const rowId = executionId === undefined ? undefined : executionRowId(executionId);
      return withCursor(() => queries().problems.list({ ...request, executionRowId: rowId }));
    },
    getProblemLine: async ({ id }) => {
      const place = queries().problemLine.problem(id);
      if (place === null) throw new ApiFailure('not_found', `no problem ${id} in the index`);
      return readProblemLine(context.folder, queries().problemLine, place);
    },
    histogram: (request) => {
      if (request.from !== undefined && request.to !== undefined && request.from > request.to) throw new ApiFailure('invalid_request', 'from is after to');
      return queries().histogram.read(request);
    },
    listSources: (request) => withCursor(() => queries().sources.list(request)),
  };
}

type IndexQueries = ReturnType<typeof prepareQueries>;

function prepareQueries(db: Database.Database) {
  const cache = new StatementCache(db);
  return {
    lookup: new ExecutionLookup(db),
    summary: new SummaryReader(db),
    executions: new ExecutionList(db, cache),
    events: new EventList(cache, SEARCH_READERS),
    // Text log lines read again as the reader read them.
    event: new EventDetails(db, (raw, part) => renormalizeRaw(raw, '', part)?.event ?? null),
    bensonReport: new BensonReportFacts(db),
    problems: new ProblemList(cache),
    problemLine: new ProblemLineFacts(db),
    histogram: new Histogram(db, cache),
    sources: new SourceList(cache),
  };
}

/** A cursor is opaque to the caller, so one we did not write is the caller's mistake, not ours. */
function withCursor<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof InvalidCursor) throw new ApiFailure('invalid_request', error.message);
    throw error;
  }
}
