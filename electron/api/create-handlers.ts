import { ComparisonServices } from './comparison-services';
import type { HandlerContext } from './handler-context';
import { compareHandlers } from './handlers/compare-handlers';
import { singleFolderHost, type HostHandlers } from './host-handlers';
import { indexingHandlers } from './handlers/indexing-handlers';
import { inspectionHandlers } from './handlers/inspection-handlers';
import { journalHandlers } from './handlers/journal-handlers';
import { JournalAccess } from './journal-access';
import { queryHandlers } from './handlers/query-handlers';
import { timeZoneHandlers } from './handlers/time-zone-handlers';
import type { ApiHandlers } from './inspector-service';

/**
 * Every method's handler: the folder's (over its index and its ingest) and the
 * host's (opening folders; by default a host of one folder that answers
 * `not_applicable`). The compiler checks that none is missing.
 */
export function createHandlers(context: HandlerContext, host: HostHandlers = singleFolderHost()): ApiHandlers {
  const journal = new JournalAccess(context);
  const comparison = new ComparisonServices(context);
  return {
    ...queryHandlers(context, (states) => comparison.get().verdicts.rowIdsIn(states)),
    ...inspectionHandlers(context, journal),
    ...journalHandlers(journal),
    ...indexingHandlers(context),
    ...timeZoneHandlers(context),
    ...compareHandlers(context, comparison, journal),
    ...host,
  };
}
