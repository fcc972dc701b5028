/**
 * The address of a route to paste elsewhere: this page's address with the
 * route's hash. In browser mode that is the deep link of `serve` (the token is
 * long gone from the address: the session cookie admits the same browser); in
 * the app it names the same place for a reader of the same folder.
 */
export function shareLink(location: { readonly href: string }, hash: string): string {
  const hashAt = location.href.indexOf('#');
  return `${hashAt === -1 ? location.href : location.href.slice(0, hashAt)}${hash}`;
}
