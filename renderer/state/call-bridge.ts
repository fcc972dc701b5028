import type { ApiResult } from '../../shared/api/api-result';
import type { ApiMethod, ApiRequest, ApiResponse, InspectorBridge } from '../../shared/api/contract';

/**
 * Calls one method of the bridge. A bridge answers failures as data; a rejected
 * promise (a broken preload, a bug) becomes an `internal` failure too, so views
 * handle one shape.
 */
export async function callBridge<M extends ApiMethod>(bridge: InspectorBridge, method: M, request: ApiRequest<M>): Promise<ApiResult<ApiResponse<M>>> {
  try {
    const fn = bridge[method] as unknown as (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>>;
    return await fn(request);
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: `${method}: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
