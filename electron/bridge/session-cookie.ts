import type { IncomingHttpHeaders } from 'node:http';
import { tokenMatches } from './bridge-token';

/**
 * The browser session of one `serve` run, as Jupyter keeps it: the token of the
 * printed URL is traded once for an HttpOnly, SameSite=Strict cookie, so a
 * reload, a new tab or a bookmarked deep link of that browser keeps working
 * while the server runs, and the token itself leaves the address bar.
 */
export interface SessionCookie {
  /** Per server: cookies ignore ports, so two servers on 127.0.0.1 must not share a name. */
  readonly name: string;
  /** A secret of its own, not the token: the cookie is worth as much, but the token never travels again. */
  readonly value: string;
}

/** The cookie's name for a server on `port`. */
export function sessionCookieName(port: number): string {
  return `execution_inspector_session_${port}`;
}

/**
 * The Set-Cookie header: HttpOnly (no script of the page reads it), SameSite=Strict
 * (no other site's page sends it), Path=/ and no Domain (this host only), and no
 * Max-Age (it ends with the browser session; a restarted server has a new value anyway).
 */
export function setCookieHeader(session: SessionCookie): string {
  return `${session.name}=${session.value}; Path=/; HttpOnly; SameSite=Strict`;
}

/** True when the request's Cookie header carries this session's cookie with its value. */
export function hasSessionCookie(session: SessionCookie, headers: IncomingHttpHeaders): boolean {
  return cookieValues(headers.cookie, session.name).some((value) => tokenMatches(session.value, value));
}

/** Every value of cookie `name` in a Cookie header (a browser may send one name twice, for two paths). */
export function cookieValues(header: string | undefined, name: string): string[] {
  if (header === undefined) return [];
  const values: string[] = [];
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=');
    if (at !== -1 && pair.slice(0, at).trim() === name) values.push(pair.slice(at + 1).trim());
  }
  return values;
}

/**
 * The address a page request is redirected to once its `?token=` was read: the
 * same path and other query parameters, without the token, so it stays out of
 * history, bookmarks and any later request. The hash never reaches the server;
 * the browser keeps it across the redirect.
 */
export function withoutToken(target: string): string {
  const queryAt = target.indexOf('?');
  if (queryAt === -1) return target;
  const path = target.slice(0, queryAt);
  const rest = target
    .slice(queryAt + 1)
    .split('&')
    .filter((part) => part !== '' && part.split('=')[0] !== 'token');
  // `//evil` (and `/\evil`, which browsers read the same) would name another host: the path starts with one slash and no backslash.
  const safePath = `/${path.replace(/^[/\\]+/, '')}`;
  return rest.length === 0 ? safePath : `${safePath}?${rest.join('&')}`;
}
