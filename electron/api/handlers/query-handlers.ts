import type { ApiHandlers } from '../inspector-service';
import type { HandlerContext } from '../handler-context';
import { ApiFailure } from '../api-failure';

/** The list and lookup methods, answered by SQL over the index. */
export function queryHandlers(_context: HandlerContext): Pick<ApiHandlers, 'summary' | 'listExecutions' | 'listEvents' | 'getEvent' | 'listProblems' | 'histogram' | 'listSources'> {
  const pending = (): never => {
    throw new ApiFailure('internal', 'not implemented yet');
  };
  return { summary: pending, listExecutions: pending, listEvents: pending, getEvent: pending, listProblems: pending, histogram: pending, listSources: pending };
}
