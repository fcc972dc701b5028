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
