import type { Session } from 'electron';

/**
 * The renderer's policy: scripts, styles, fonts and fetches from our own origin
 * only, images also as data: URLs, nothing framed, no forms, no <base>. A line of
 * evidence rendered as HTML by mistake can therefore never run or load anything.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Response headers with our policy in place of any policy the response carried, in whatever letter case. */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    result[name] = Array.isArray(value) ? value : [value];
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * Puts the policy on every response the session receives. The app:// handler sets
 * it too; this covers any response that does not come from that handler.
 */
export function enforceContentSecurityPolicy(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) }));
}
