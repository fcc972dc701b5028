import type { IncomingHttpHeaders } from 'node:http';
import { tokenMatches } from './bridge-token';
import { hasSessionCookie, type SessionCookie } from './session-cookie';

/** Why a request was refused before it reached a route. */
export interface Refusal {
  readonly status: 401 | 403;
  readonly message: string;
}

/**
 * Refuses requests that did not come from a page of this server: a Host other
 * than 127.0.0.1 or localhost at our port (DNS rebinding), an Origin of another
 * site or port, and `Sec-Fetch-Site: cross-site`. API requests must also not be
 * `same-site` (another port on the same host is "same site" to a browser).
 */
export function refuseForeignRequest(headers: IncomingHttpHeaders, port: number, api: boolean): Refusal | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = headers.host?.toLowerCase();
  if (host === undefined || !hosts.includes(host)) return { status: 403, message: 'this server answers only to 127.0.0.1 and localhost at its own port' };
  const origin = headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`)) return { status: 403, message: 'cross-origin requests are refused' };
  const sites = listValues(headers['sec-fetch-site']);
  if (sites.includes('cross-site') || (api && sites.includes('same-site'))) return { status: 403, message: 'cross-site requests are refused' };
  return null;
}

/**
 * Refuses an API request without the token: the `Authorization: Bearer`
 * header counts, and for the event stream, where EventSource cannot set
 * headers, the `?token=` query parameter too. A page of this server's browser
 * session may instead send the session cookie, but only from this origin: the
 * cookie is SameSite=Strict, and a request must also say it is same-origin
 * (`Sec-Fetch-Site`) or carry an Origin, which refuseForeignRequest checked is ours.
 */
export function refuseWithoutToken(token: string, headers: IncomingHttpHeaders, queryToken: string | null, session: SessionCookie | null = null): Refusal | null {
  if (tokenMatches(token, bearerToken(headers)) || (queryToken !== null && tokenMatches(token, queryToken))) return null;
  if (session !== null && isSameOriginRequest(headers) && hasSessionCookie(session, headers)) return null;
  return { status: 401, message: 'missing or wrong token: open the URL printed by serve' };
}

/** True when the browser says the request comes from a page of this origin, or it carries an Origin (checked to be ours before). */
function isSameOriginRequest(headers: IncomingHttpHeaders): boolean {
  const sites = listValues(headers['sec-fetch-site']);
  if (sites.includes('same-origin')) return sites.every((site) => site === 'same-origin');
  return sites.every((site) => site === '') && headers.origin !== undefined;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const match = /^Bearer +([A-Za-z0-9._~+/=-]+) *$/i.exec(headers.authorization ?? '');
  return match?.[1] ?? null;
}

/** True for a JSON body: `application/json`, optionally with `charset=utf-8`. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => param === '' || param === 'charset=utf-8' || param === 'charset="utf-8"');
}

/** A header's comma-separated values, lower-cased (Node joins repeated headers with commas). */
function listValues(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined.split(',').map((part) => part.trim().toLowerCase());
}
