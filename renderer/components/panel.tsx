import { useId, type ReactNode } from 'react';

/** A titled section of a view. */
export function Panel({ title, actions, children, className }: { readonly title: ReactNode; readonly actions?: ReactNode; readonly children: ReactNode; readonly className?: string }) {
  const id = useId();
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={id}>
      <header className="panel-header">
        <h2 id={id}>{title}</h2>
        {actions !== undefined && <div className="panel-actions">{actions}</div>}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}
