import { useEffect, useMemo, useState } from 'react';
import { carryRange, withRangeInHash } from '../format/range-param';
import { parseRoute, type Route } from '../format/route';

/** The route named by the location hash, following `hashchange` (the time range it carries is no part of the route: see useAddressTimeRange). */
export function useHashRoute(): Route {
  const [hash, setHash] = useState(() => routePartOf(window.location.hash));
  useEffect(() => {
    const onHashChange = (): void => setHash(routePartOf(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** Goes to a route's hash (a history entry, so Back works). */
export function navigateTo(hash: string): void {
  const target = carryRange(window.location.hash, hash);
  if (window.location.hash !== target) window.location.hash = target;
}

/**
 * Replaces the current history entry's hash (no new entry): what a filter
 * change does, so Back leaves the list rather than stepping through every
 * keystroke. replaceState fires no hashchange, so one is sent for useHashRoute.
 */
export function replaceRoute(hash: string): void {
  const target = carryRange(window.location.hash, hash);
  if (window.location.hash === target) return;
  window.history.replaceState(window.history.state, '', target);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** A hash without its time range, so a range change alone is no new route. */
function routePartOf(hash: string): string {
  return withRangeInHash(hash, { from: null, to: null });
}
