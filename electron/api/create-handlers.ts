import type { HandlerContext } from './handler-context';
import { inspectionHandlers } from './handlers/inspection-handlers';
import { queryHandlers } from './handlers/query-handlers';
import type { ApiHandlers } from './inspector-service';

/** Every method's handler over one folder's index; the compiler checks that none is missing. */
export function createHandlers(context: HandlerContext): ApiHandlers {
  return { ...queryHandlers(context), ...inspectionHandlers(context) };
}
