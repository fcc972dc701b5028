import type { ReactNode } from 'react';

/**
 * What a view shows when there is nothing to show, and why. `pageTitle`: the
 * state is the whole page (a URL that names nothing), so its title is the
 * page's level-one heading and a screen reader finds it as such.
 */
export function EmptyState({ title, children, pageTitle = false }: { readonly title: string; readonly children?: ReactNode; readonly pageTitle?: boolean }) {
  return (
    <div className="state state-empty">
      {pageTitle ? <h1 className="state-title">{title}</h1> : <p className="state-title">{title}</p>}
      {children !== undefined && <div className="state-detail">{children}</div>}
    </div>
  );
}
