/**
 * The Content-Security-Policy of every answer of `serve`: the renderer's own
 * scripts, styles and images only, no inline code, no framing, no form posts,
 * and fetches only back to this server.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Headers sent with every answer, static or API: the policy above, no MIME
 * sniffing, no referrer (the page's URL carries the token), and isolation from
 * other origins' windows and embeds.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
