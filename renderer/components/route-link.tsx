import type { ReactNode } from 'react';
import { routeHash, type Route } from '../format/route';

/**
 * A link to a place in the app. Its href is always an in-app hash built by
 * routeHash (ids are percent-encoded into it), never a URL taken from a log.
 */
export function RouteLink({ to, children, className, label }: { readonly to: Route; readonly children: ReactNode; readonly className?: string; readonly label?: string }) {
  return (
    <a href={routeHash(to)} className={className} aria-label={label}>
      {children}
    </a>
  );
}
