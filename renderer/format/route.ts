/** A place in the app, as named by the URL hash. */
export type Route =
  | { readonly view: 'overview' }
  | { readonly view: 'start' }
  | { readonly view: 'executions' }
  | { readonly view: 'execution'; readonly id: string }
  /** Two executions side by side; `b` null while the second is still to be picked. */
  | { readonly view: 'compare'; readonly a: string; readonly b: string | null }
  | { readonly view: 'events'; readonly eventId: number | null }
  | { readonly view: 'problems' }
  | { readonly view: 'not-found'; readonly path: string };

/**
 * Reads a location hash (`#/executions/record:exec-001`). Execution ids keep
 * `:` readable; everything else in them is percent-encoded, so a cycle run id
 * with `/` stays one segment.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  if (path === '' || path === '/') return { view: 'overview' };
  if (path === '/start') return { view: 'start' };
  if (path === '/executions' || path === '/executions/') return { view: 'executions' };
  if (path.startsWith('/executions/')) {
    const id = decodeSegment(path.slice('/executions/'.length));
    return id === null || id === '' ? { view: 'not-found', path } : { view: 'execution', id };
  }
  if (path.startsWith('/compare/')) {
    const [a, b, ...rest] = path.slice('/compare/'.length).split('/').map(decodeSegment);
    if (a === undefined || a === null || a === '' || b === null || rest.length > 0) return { view: 'not-found', path };
    return { view: 'compare', a, b: b === undefined || b === '' ? null : b };
  }
  if (path === '/events' || path === '/events/') return { view: 'events', eventId: null };
  if (path.startsWith('/events/')) {
    const text = path.slice('/events/'.length);
    const eventId = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
    return Number.isSafeInteger(eventId) ? { view: 'events', eventId } : { view: 'not-found', path };
  }
  if (path === '/problems' || path === '/problems/') return { view: 'problems' };
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
      return '#/executions';
    case 'execution':
      return `#/executions/${encodeSegment(route.id)}`;
    case 'compare':
      return `#/compare/${encodeSegment(route.a)}${route.b === null ? '' : `/${encodeSegment(route.b)}`}`;
    case 'events':
      return route.eventId === null ? '#/events' : `#/events/${route.eventId}`;
    case 'problems':
      return '#/problems';
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
export function routeSection(route: Route): 'overview' | 'start' | 'executions' | 'events' | 'problems' | null {
  switch (route.view) {
    case 'overview':
    case 'start':
    case 'executions':
    case 'events':
    case 'problems':
      return route.view;
    case 'execution':
    case 'compare':
      return 'executions';
    case 'not-found':
      return null;
  }
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
