import type { ReactNode } from 'react';

/** What a view shows when there is nothing to show, and why. */
export function EmptyState({ title, children }: { readonly title: string; readonly children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children !== undefined && <div className="state-detail">{children}</div>}
    </div>
  );
}
