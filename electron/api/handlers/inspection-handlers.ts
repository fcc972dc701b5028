import type { ApiHandlers } from '../inspector-service';
import type { HandlerContext } from '../handler-context';
import { ApiFailure } from '../api-failure';

/** The per-execution inspection methods: assembly, verification, diffs, scaffold, acknowledgements, reports. */
export function inspectionHandlers(
  _context: HandlerContext,
): Pick<ApiHandlers, 'getExecution' | 'verifyExecution' | 'getSecurityDiff' | 'getSideEffectReport' | 'getRollbackScaffold' | 'getTelemetrySummary' | 'acknowledgeRollback' | 'listAcknowledgements' | 'exportReport'> {
  const pending = (): never => {
    throw new ApiFailure('internal', 'not implemented yet');
  };
  return {
    getExecution: pending, verifyExecution: pending, getSecurityDiff: pending, getSideEffectReport: pending, getRollbackScaffold: pending,
    getTelemetrySummary: pending, acknowledgeRollback: pending, listAcknowledgements: pending, exportReport: pending,
  };
}
