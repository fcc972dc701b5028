/** A time range in UTC ms as the address carries it; null on a side means open. */
export interface RangeInAddress {
  readonly from: number | null;
  readonly to: number | null;
}

const FROM = 'from';
const TO = 'to';

/**
 * The global time range a location hash carries (`#/events?kind=x&from=…&to=…`),
 * or null when it carries none: such a link (every in-app link, which is built
 * without it) keeps the range already on screen. A side that is no time is open.
 */
export function rangeInHash(hash: string): RangeInAddress | null {
  const params = paramsOf(hash);
  if (!params.has(FROM) && !params.has(TO)) return null;
  return { from: timeOf(params.get(FROM)), to: timeOf(params.get(TO)) };
}

/**
 * The hash with `range` in it in place of any range it had, as UTC ISO times
 * (readable in a shared link); no range at all leaves both out. The route's own
 * parameters keep their order, and the range comes last.
 */
export function withRangeInHash(hash: string, range: RangeInAddress): string {
  const queryAt = hash.indexOf('?');
  const path = queryAt === -1 ? hash : hash.slice(0, queryAt);
  const params = paramsOf(hash);
  params.delete(FROM);
  params.delete(TO);
  const whole = wholeMillis(range);
  // An ISO time needs no escaping in a hash (digits, `-`, `:`, `.`, T, Z): written as it is, it reads as it is.
  const parts = [params.toString(), whole.from === null ? '' : `${FROM}=${isoOf(whole.from)}`, whole.to === null ? '' : `${TO}=${isoOf(whole.to)}`].filter((part) => part !== '');
  return `${path === '' ? '#/' : path}${parts.length === 0 ? '' : `?${parts.join('&')}`}`;
}

/**
 * A range rounded outward to whole milliseconds, as the API request rounds it
 * (from down, to up): what the address can say, and what the lists already received.
 */
export function wholeMillis(range: RangeInAddress): RangeInAddress {
  return { from: range.from === null ? null : Math.floor(range.from), to: range.to === null ? null : Math.ceil(range.to) };
}

/** Whether two ranges select the same events. */
export function sameRange(a: RangeInAddress, b: RangeInAddress): boolean {
  return a.from === b.from && a.to === b.to;
}

function paramsOf(hash: string): URLSearchParams {
  const queryAt = hash.indexOf('?');
  return new URLSearchParams(queryAt === -1 ? '' : hash.slice(queryAt + 1));
}

/** `2026-03-02T10:15:00Z`, with milliseconds only when there are some. */
function isoOf(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function timeOf(text: string | null): number | null {
  // Only an ISO time with its zone names one instant; anything else leaves the side open.
  if (text === null || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * The hash to go to from `current`: `target` as it is when it names a range,
 * else with the range `current` carries, so following an in-app link (built
 * without a range) neither drops the range from the address nor changes it.
 */
export function carryRange(current: string, target: string): string {
  if (rangeInHash(target) !== null) return target;
  const range = rangeInHash(current);
  return range === null ? target : withRangeInHash(target, range);
}
