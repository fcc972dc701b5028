/** Values quoted in problem messages are cut to this length so junk does not flood the problems table. */
const MAX_QUOTED_LENGTH = 64;

/**
 * A string value quoted for a problem message, cut when long. Only for values
 * that are never secrets (statuses, kinds, event types): callers decide that.
 */
export function quoteValue(value: string): string {
  return JSON.stringify(value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}…` : value);
}

/** The JSON type of a value in words ("a string", "null", "an array"), for messages that must not echo it. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
