import type { ReactNode } from 'react';

/** Label/value pairs as a definition list. */
export function KeyValueList({ items, className }: { readonly items: readonly (readonly [string, ReactNode])[]; readonly className?: string }) {
  return (
    <dl className={`kv ${className ?? ''}`}>
      {items.map(([label, value]) => (
        <div className="kv-item" key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
