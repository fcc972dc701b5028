import { randomBytes, timingSafeEqual } from 'node:crypto';

/** Random bytes in a token: 256 bits, well above the 128 a guessing attacker would have to beat. */
const TOKEN_BYTES = 32;

/** A fresh secret for one `serve` run, base64url so it travels in a URL unescaped. */
export function createBridgeToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/**
 * True when `presented` is the token, compared in constant time over equal-length
 * buffers. A length mismatch is refused before comparing, which leaks only the
 * length, and every token has the same public length.
 */
export function tokenMatches(expected: string, presented: string | null | undefined): boolean {
  if (typeof presented !== 'string' || presented.length === 0) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
