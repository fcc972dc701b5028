import type { z } from 'zod';
import { fail, ok, type ApiResult } from '../../shared/api/api-result';
import { API, isApiMethod, type ApiMethod, type ApiResponse } from '../../shared/api/contract';
import { ApiFailure } from './api-failure';

/** One function per method, receiving the request already validated by the contract. */
export type ApiHandlers = {
  readonly [M in ApiMethod]: (request: z.output<(typeof API)[M]['request']>) => ApiResponse<M> | Promise<ApiResponse<M>>;
};

/**
 * The API behind every bridge (IPC, HTTP, CLI `call`): validates each request
 * against the contract once, here, and answers expected failures as data.
 */
export class InspectorService {
  constructor(
    private readonly handlers: ApiHandlers,
    private readonly onInternalError: (method: string, error: unknown) => void = () => undefined,
  ) {}

  /** Calls a method by name with an untrusted request. Never throws. */
  async call(method: string, request: unknown): Promise<ApiResult<unknown>> {
    if (typeof method !== 'string' || !isApiMethod(method)) return fail('invalid_request', `unknown method ${JSON.stringify(String(method)).slice(0, 100)}`);
    const parsed = API[method].request.safeParse(request === undefined ? {} : request);
    if (!parsed.success) return fail('invalid_request', describeIssues(parsed.error.issues));
    try {
      const handler = this.handlers[method] as (request: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ApiFailure) return fail(error.code, error.message);
      this.onInternalError(method, error);
      return fail('internal', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'request'}: ${issue.message}`);
  return `invalid request: ${parts.join('; ')}${issues.length > 5 ? `; and ${issues.length - 5} more` : ''}`;
}
