import { REDACTED_LITERAL } from '../../../shared/formats/cycle';
import type { LineProblem } from '../../../shared/model/problem-code';
import { formatFieldPath } from '../reading/field-path';

/**
 * A hash standing in for a redacted value: `sha256:9f2c…`, `md5-…`, or a bare
 * run of at least 32 hex digits. A trailing ellipsis is allowed because
 * producers shorten digests for display.
 */
const HASH_VALUE = /^(?:(?:sha(?:1|224|256|384|512)|sha3-(?:224|256|384|512)|md5|blake2[bs]?|blake3|xxh(?:32|64|128|3)?)[:-][0-9a-f]+|[0-9a-f]{32,})(?:…|\.\.\.)?$/i;

const PRIVATE_KEY_BLOCK = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/;
const BEARER_TOKEN = /\bBearer\s+([A-Za-z0-9\-._~+/]{8,}=*)/i;
const AWS_ACCESS_KEY_ID = /AKIA[0-9A-Z]{16}/;
/** Key names that hold credentials: password, passwd, secret, api_key/apikey, and anything ending in token. */
const SECRET_KEY_NAME = /pass(?:word|wd)|secret|api[_-]?key|token$/i;

/** The secret scan stops descending here: deeper nesting is junk, not a payload. */
const MAX_SCAN_DEPTH = 64;

/** At most this many secret-like values are reported one by one per line; the rest are counted. */
const MAX_REPORTED_SECRETS = 10;

/** True when a value is redacted as formats.md §3 defines it: the literal "REDACTED" or a hash string. */
export function isRedactedValue(value: unknown): boolean {
  return typeof value === 'string' && (value === REDACTED_LITERAL || HASH_VALUE.test(value));
}

/** Mutable state of one scan, passed down instead of closed over to keep the hot path allocation-free. */
interface SecretScan {
  readonly problems: LineProblem[];
  readonly path: PropertyKey[];
  found: number;
}

/**
 * Reports every string under `value` (recursively, to a bounded depth) that looks
 * like a secret: a private key block, a bearer token, an AWS access key id, or
 * a non-empty unredacted value in a field named like a credential. Messages name
 * the field path and what the value looks like, never the value itself.
 */
export function reportSecretLikeValues(value: unknown, rootKey: string, problems: LineProblem[]): void {
  const scan: SecretScan = { problems, path: [rootKey], found: 0 };
  visit(value, rootKey, 0, scan);
  const unreported = scan.found - MAX_REPORTED_SECRETS;
  if (unreported > 0) {
    problems.push({ code: 'cycle.secret_like_value', message: `${unreported} more values under ${rootKey} look like secrets` });
  }
}

function visit(value: unknown, key: PropertyKey, depth: number, scan: SecretScan): void {
  if (typeof value === 'string') {
    const looksLike = secretLikeness(value, key);
    if (looksLike !== null) {
      scan.found += 1;
      if (scan.found <= MAX_REPORTED_SECRETS) {
        scan.problems.push({ code: 'cycle.secret_like_value', message: `${formatFieldPath(scan.path)} looks like ${looksLike}; it should be redacted` });
      }
    }
    return;
  }
  if (typeof value !== 'object' || value === null || depth >= MAX_SCAN_DEPTH) return;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      scan.path.push(index);
      visit(value[index], index, depth + 1, scan);
      scan.path.pop();
    }
    return;
  }
  const record = value as Record<string, unknown>;
  for (const childKey of Object.keys(record)) {
    scan.path.push(childKey);
    visit(record[childKey], childKey, depth + 1, scan);
    scan.path.pop();
  }
}

/** What a string looks like when it looks like a secret, else null. */
function secretLikeness(value: string, key: PropertyKey): string | null {
  if (value.length === 0) return null;
  let looksLike: string | null = null;
  // Cheap substring checks first: almost every string is clean and should cost one scan.
  if (value.includes('-----BEGIN') && PRIVATE_KEY_BLOCK.test(value)) {
    looksLike = 'a private key block';
  } else if (value.includes('AKIA') && AWS_ACCESS_KEY_ID.test(value)) {
    looksLike = 'an AWS access key id';
  } else {
    const bearer = value.length >= 15 ? BEARER_TOKEN.exec(value) : null;
    if (bearer !== null && !isRedactedValue(bearer[1])) looksLike = 'a bearer token';
    else if (typeof key === 'string' && SECRET_KEY_NAME.test(key)) looksLike = 'a credential (its field is named like a password, secret, API key or token)';
  }
  return looksLike !== null && !isRedactedValue(value) ? looksLike : null;
}
