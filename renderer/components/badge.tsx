import type { ReactNode } from 'react';

/** The colour of a badge: good, bad, needs attention, or plain. */
export type Tone = 'ok' | 'bad' | 'warn' | 'neutral' | 'info';

/** A short word in a coloured pill (status, mode, verdict). */
export function Badge({ tone = 'neutral', children, title }: { readonly tone?: Tone; readonly children: ReactNode; readonly title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}
