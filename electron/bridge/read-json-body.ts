import type { IncomingMessage } from 'node:http';

/** The largest request body the API reads: requests are small filters, never evidence. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body read as JSON. */
export type JsonBody = { readonly kind: 'json'; readonly value: unknown } | { readonly kind: 'too-large' } | { readonly kind: 'invalid'; readonly message: string };

/**
 * Reads a request body of at most `limit` bytes and parses it as UTF-8 JSON.
 * A declared Content-Length over the limit is refused before reading; an
 * undeclared one stops at the limit. Malformed UTF-8 or JSON is `invalid`.
 */
export function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (body: JsonBody): void => {
      if (settled) return;
      settled = true;
      request.removeListener('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size > limit) settle({ kind: 'too-large' });
      else chunks.push(chunk);
    };
    request.on('data', onData);
    request.on('error', (error) => settle({ kind: 'invalid', message: `the body could not be read: ${error.message}` }));
    request.on('end', () => {
      if (settled) return;
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
      } catch {
        settle({ kind: 'invalid', message: 'the body is not UTF-8' });
        return;
      }
      try {
        settle({ kind: 'json', value: JSON.parse(text) as unknown });
      } catch (error) {
        settle({ kind: 'invalid', message: `the body is not JSON: ${error instanceof Error ? error.message : String(error)}` });
      }
    });
  });
}
