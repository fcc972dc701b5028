import { z } from 'zod';

/** Why a request failed, as data: Electron passes only the message of a thrown error across IPC. */
export const API_ERROR_CODES = ['invalid_request', 'not_found', 'not_applicable', 'stale', 'unauthorized', 'internal'] as const;

/** A failure code the renderer can branch on. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export const apiErrorSchema = z.object({ code: z.enum(API_ERROR_CODES), message: z.string() });

/** A typed failure. */
export type ApiError = z.infer<typeof apiErrorSchema>;

/** Every method answers with this envelope, never with a thrown error. */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

/** The envelope's schema for a given value schema, used by tests and the HTTP client to parse answers. */
export function apiResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: apiErrorSchema })]);
}

/** A success. */
export function ok<T>(value: T): ApiResult<T> {
  return { ok: true, value };
}

/** A failure. */
export function fail<T = never>(code: ApiErrorCode, message: string): ApiResult<T> {
  return { ok: false, error: { code, message } };
}
