import { EXECUTION_SORTS } from '../../shared/api/contract';
import { EXECUTION_FAMILIES, type ExecutionFamily } from '../../shared/model/family';
import { compareReadings, type ComparePair } from './compare-readings';
import { DEFAULT_EVENT_FILTERS, isFamily, type EventFilters } from './event-query';
import { EXECUTION_INTEGRITIES } from '../../shared/model/execution-integrity';
import { BASELINE_FILTERS, DEFAULT_EXECUTION_FILTERS, type ExecutionFilters } from './execution-query';

/**
 * A place in the app, as named by the URL hash. The lists carry their filters
 * (absent: none set), so a link shares exactly what is on screen and Back
 * returns to it.
 */
export type Route =
  | { readonly view: 'overview' }
  | { readonly view: 'start' }
  | { readonly view: 'executions'; readonly filters?: ExecutionFilters }
  | { readonly view: 'execution'; readonly id: string }
  /**
   * Two executions side by side; `b` null while the second is still to be picked.
   * `otherReadings`: where an address typed by hand can be read more than one way, the next readings to try.
   */
  | { readonly view: 'compare'; readonly a: string; readonly b: string | null; readonly otherReadings?: readonly ComparePair[] }
  | {
      readonly view: 'events';
      readonly eventId: number | null;
      readonly filters?: EventFilters;
      /** The list starts a few rows before this event (followed from a problem) instead of at the beginning. */
      readonly anchor?: number | null;
    }
  | { readonly view: 'problems'; readonly code?: string | null }
  | { readonly view: 'problem'; readonly problemId: number }
  | { readonly view: 'notes' }
  | { readonly view: 'not-found'; readonly path: string };

const ID = /^[1-9][0-9]{0,15}$/;

/**
 * Reads a location hash (`#/executions/record:exec-001`, `#/events/7?kind=x`).
 * Execution ids keep `:` readable; everything else in them is percent-encoded,
 * so a cycle run id with `/` stays one segment; a compare address typed with
 * that `/` as is still finds its two ids (compare-readings). Filter values a URL may say
 * but the app does not know (a family that does not exist) are dropped, never an error.
 */
export function parseRoute(hash: string): Route {
  const full = hash.replace(/^#/, '');
  const queryAt = full.indexOf('?');
  const path = queryAt === -1 ? full : full.slice(0, queryAt);
  const params = new URLSearchParams(queryAt === -1 ? '' : full.slice(queryAt + 1));
  if (path === '' || path === '/') return { view: 'overview' };
  if (path === '/start') return { view: 'start' };
  if (path === '/executions' || path === '/executions/') return withExecutionFilters(params);
  if (path.startsWith('/executions/')) {
    const id = decodeSegment(path.slice('/executions/'.length));
    return id === null || id === '' ? { view: 'not-found', path } : { view: 'execution', id };
  }
  if (path.startsWith('/compare/')) {
    const segments = path.slice('/compare/'.length).split('/').map(decodeSegment);
    const [a, b = ''] = segments;
    if (a === undefined || a === null || a === '' || segments.some((segment) => segment === null)) return { view: 'not-found', path };
    const [best, ...otherReadings] = compareReadings(segments as string[]);
    if (best !== undefined) return { view: 'compare', ...best, ...(otherReadings.length > 0 ? { otherReadings } : {}) };
    // Names no execution: one or two segments still open the view, which says so; more are no address of the app's.
    return segments.length > 2 ? { view: 'not-found', path } : { view: 'compare', a, b: b === '' ? null : b };
  }
  if (path === '/events' || path === '/events/') return withEventFilters(null, params);
  if (path.startsWith('/events/')) {
    const eventId = idOf(path.slice('/events/'.length));
    return eventId === null ? { view: 'not-found', path } : withEventFilters(eventId, params);
  }
  if (path === '/problems' || path === '/problems/') {
    const code = params.get('code');
    return code === null || code === '' ? { view: 'problems' } : { view: 'problems', code };
  }
  if (path.startsWith('/problems/')) {
    const problemId = idOf(path.slice('/problems/'.length));
    return problemId === null ? { view: 'not-found', path } : { view: 'problem', problemId };
  }
  if (path === '/notes' || path === '/notes/') return { view: 'notes' };
  return { view: 'not-found', path };
}

/** The hash of a route (with the leading `#`). */
export function routeHash(route: Route): string {
  switch (route.view) {
    case 'overview':
      return '#/';
    case 'start':
      return '#/start';
    case 'executions':
      return `#/executions${queryOf(executionParams(route.filters ?? DEFAULT_EXECUTION_FILTERS))}`;
    case 'execution':
      return `#/executions/${encodeSegment(route.id)}`;
    case 'compare':
      return `#/compare/${encodeSegment(route.a)}${route.b === null ? '' : `/${encodeSegment(route.b)}`}`;
    case 'events':
      return `${route.eventId === null ? '#/events' : `#/events/${route.eventId}`}${queryOf(eventParams(route.filters ?? DEFAULT_EVENT_FILTERS, route.anchor ?? null))}`;
    case 'problems':
      return `#/problems${queryOf(route.code === undefined || route.code === null ? [] : [['code', route.code]])}`;
    case 'problem':
      return `#/problems/${route.problemId}`;
    case 'notes':
      return '#/notes';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** The hash of an execution's detail. */
export function executionHash(id: string): string {
  return routeHash({ view: 'execution', id });
}

/** The hash of two executions side by side (`b` null: pick the second). */
export function compareHash(a: string, b: string | null): string {
  return routeHash({ view: 'compare', a, b });
}

/** The hash of an event's detail. */
export function eventHash(eventId: number): string {
  return routeHash({ view: 'events', eventId });
}

/** The top-level section a route belongs to, for the navigation bar. */
export function routeSection(route: Route): 'overview' | 'start' | 'executions' | 'events' | 'problems' | 'notes' | null {
  switch (route.view) {
    case 'overview':
    case 'start':
    case 'executions':
    case 'events':
    case 'problems':
    case 'notes':
      return route.view;
    case 'execution':
    case 'compare':
      return 'executions';
    case 'problem':
      return 'problems';
    case 'not-found':
      return null;
  }
}

type Params = readonly (readonly [string, string])[];

function withExecutionFilters(params: URLSearchParams): Route {
  const d = DEFAULT_EXECUTION_FILTERS;
  const family = params.get('family') ?? '';
  const outcome = params.get('outcome') ?? '';
  const sort = params.get('sort') ?? d.sort;
  const baseline = params.get('baseline') ?? '';
  const integrity = params.get('integrity') ?? '';
  const filters: ExecutionFilters = {
    family: (EXECUTION_FAMILIES as readonly string[]).includes(family) ? (family as ExecutionFamily) : '',
    outcome: outcome === 'ok' || outcome === 'failed' || outcome === 'running' || outcome === 'unknown' ? outcome : '',
    status: params.get('status') ?? '',
    text: params.get('q') ?? '',
    hasProblems: params.get('problems') === '1',
    integrity: (EXECUTION_INTEGRITIES as readonly string[]).includes(integrity) ? (integrity as ExecutionFilters['integrity']) : '',
    baseline: (BASELINE_FILTERS as readonly string[]).includes(baseline) ? (baseline as ExecutionFilters['baseline']) : '',
    sort: (EXECUTION_SORTS as readonly string[]).includes(sort) ? (sort as ExecutionFilters['sort']) : d.sort,
    descending: params.get('desc') === '1',
  };
  return sameFilters(filters, d) ? { view: 'executions' } : { view: 'executions', filters };
}

function executionParams(f: ExecutionFilters): Params {
  const d = DEFAULT_EXECUTION_FILTERS;
  const params: [string, string][] = [];
  if (f.text !== '') params.push(['q', f.text]);
  if (f.family !== '') params.push(['family', f.family]);
  if (f.outcome !== '') params.push(['outcome', f.outcome]);
  if (f.status !== '') params.push(['status', f.status]);
  if (f.hasProblems) params.push(['problems', '1']);
  if (f.integrity !== '') params.push(['integrity', f.integrity]);
  if (f.baseline !== '') params.push(['baseline', f.baseline]);
  if (f.sort !== d.sort) params.push(['sort', f.sort]);
  if (f.descending) params.push(['desc', '1']);
  return params;
}

function withEventFilters(eventId: number | null, params: URLSearchParams): Route {
  const family = params.get('family') ?? '';
  const filters: EventFilters = {
    query: params.get('q') ?? '',
    family: isFamily(family) ? family : '',
    kind: params.get('kind') ?? '',
    failedOnly: params.get('failed') === '1',
  };
  const anchor = idOf(params.get('anchor') ?? '');
  return {
    view: 'events',
    eventId,
    ...(sameFilters(filters, DEFAULT_EVENT_FILTERS) ? {} : { filters }),
    ...(anchor === null ? {} : { anchor }),
  };
}

function eventParams(f: EventFilters, anchor: number | null): Params {
  const params: [string, string][] = [];
  if (f.query !== '') params.push(['q', f.query]);
  if (f.family !== '') params.push(['family', f.family]);
  if (f.kind !== '') params.push(['kind', f.kind]);
  if (f.failedOnly) params.push(['failed', '1']);
  if (anchor !== null) params.push(['anchor', String(anchor)]);
  return params;
}

function sameFilters<T extends object>(a: T, b: T): boolean {
  return (Object.keys(b) as (keyof T)[]).every((key) => a[key] === b[key]);
}

/** `?a=1&b=x%20y`, or nothing when there are no parameters. */
function queryOf(params: Params): string {
  return params.length === 0 ? '' : `?${new URLSearchParams(params.map(([k, v]) => [k, v])).toString()}`;
}

function idOf(text: string): number | null {
  if (!ID.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

function encodeSegment(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

function decodeSegment(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
