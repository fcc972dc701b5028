import { asRecord } from './json-text';

/** How a cycle payload value is shown: its own text, or a badge that it was redacted. */
export type RedactionView =
  | { readonly kind: 'value'; readonly text: string }
  /** Redacted by the producer: `REDACTED`, or a hash standing in for the value (shown, never reversed). */
  | { readonly kind: 'redacted'; readonly hash: string | null };

const HASH_LIKE = /^(?:(?:sha1|sha256|sha384|sha512|md5|blake2b?|hmac-sha256):)?[0-9a-f]{32,128}$/i;

/** True when a value is a redaction placeholder: the literal `REDACTED` or a bare hash string. */
export function isRedactedValue(value: unknown): boolean {
  return value === 'REDACTED' || (typeof value === 'string' && HASH_LIKE.test(value));
}

/** The keys a cycle payload lists in `redacted_fields`. */
export function redactedFields(payload: unknown): ReadonlySet<string> {
  const list = asRecord(payload)?.['redacted_fields'];
  return new Set(Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string') : []);
}

/**
 * How to show one payload field. A field listed as redacted, or whose value is
 * `REDACTED`, is a badge (with the hash when the producer left one); the inspector
 * never tries to recover it.
 */
export function redactionView(key: string, value: unknown, listed: ReadonlySet<string>): RedactionView {
  if (value === 'REDACTED') return { kind: 'redacted', hash: null };
  if (listed.has(key) && typeof value === 'string' && HASH_LIKE.test(value)) return { kind: 'redacted', hash: value };
  if (listed.has(key) && (value === null || value === undefined)) return { kind: 'redacted', hash: null };
  return { kind: 'value', text: typeof value === 'string' ? value : JSON.stringify(value) ?? String(value) };
}
