import type { ApiErrorCode } from '../../shared/api/api-result';

/** An expected failure thrown by a handler and answered as `{ ok: false, error }`. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}
