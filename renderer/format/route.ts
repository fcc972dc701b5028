/** A place in the app, as named by the URL hash. */
export type Route =
  | { readonly view: 'overview' }
  | { readonly view: 'start' }
  | { readonly view: 'executions' }
  | { readonly view: 'execution'; readonly id: string }
  | { readonly view: 'events'; readonly eventId: number | null }
  | { readonly view: 'problems' }
  | { readonly view: 'notes' }
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
  if (path === '/events' || path === '/events/') return { view: 'events', eventId: null };
  if (path.startsWith('/events/')) {
    const text = path.slice('/events/'.length);
    const eventId = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
    return Number.isSafeInteger(eventId) ? { view: 'events', eventId } : { view: 'not-found', path };
  }
  if (path === '/problems' || path === '/problems/') return { view: 'problems' };
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
      return '#/executions';
    case 'execution':
      return `#/executions/${encodeSegment(route.id)}`;
    case 'events':
      return route.eventId === null ? '#/events' : `#/events/${route.eventId}`;
    case 'problems':
      return '#/problems';
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
