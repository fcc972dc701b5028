import type { HandlerContext } from '../handler-context';
import type { ApiHandlers } from '../inspector-service';

/** Control of the folder's ingest: stop the scan in progress, scan again. */
export function indexingHandlers(context: HandlerContext): Pick<ApiHandlers, 'cancelIndexing' | 'rescan'> {
  return {
    cancelIndexing: async () => ({ cancelled: await context.cancelIndexing() }),
    rescan: async () => ({ started: await context.rescan() }),
  };
}
