/** What a bridge token looks like: base64url, 128 bits (22 characters) or more. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,256}$/;

/**
 * The `serve` token from the page's URL (`?token=…`), or null when there is none
 * or it is not shaped like one. Removing it from the visible URL afterwards
 * (history.replaceState) is the caller's job.
 */
export function tokenFromLocation(location: { readonly search: string }): string | null {
  const token = new URLSearchParams(location.search).get('token');
  return token !== null && TOKEN_SHAPE.test(token) ? token : null;
}
