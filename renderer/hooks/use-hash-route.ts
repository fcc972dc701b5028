import { useEffect, useMemo, useState } from 'react';
import { parseRoute, type Route } from '../format/route';

/** The route named by the location hash, following `hashchange`. */
export function useHashRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onHashChange = (): void => setHash(window.location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** Goes to a route's hash (a history entry, so Back works). */
export function navigateTo(hash: string): void {
  if (window.location.hash !== hash) window.location.hash = hash;
}

/**
 * Replaces the current history entry's hash (no new entry): what a filter
 * change does, so Back leaves the list rather than stepping through every
 * keystroke. replaceState fires no hashchange, so one is sent for useHashRoute.
 */
export function replaceRoute(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(window.history.state, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
