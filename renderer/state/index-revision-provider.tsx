import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IndexChange } from '../../shared/api/contract';
import { useBridge } from './bridge-context';
import { IndexRevisionContext, type IndexRevision } from './index-revision-context';

/** The shortest time between two re-queries of what is on screen. */
const MIN_INTERVAL_MS = 300;

/** Subscribes once to the bridge's change notices and turns them into a throttled revision number. */
export function IndexRevisionProvider({ children }: { readonly children: ReactNode }) {
  const bridge = useBridge();
  const [state, setState] = useState<IndexRevision>({ revision: 0, progressRevision: 0, last: null });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending: IndexChange | null = null;
    // Any notice in the window that changed data makes the lists re-read, even if a progress-only one came last.
    let pendingData = false;
    let lastFired = 0;
    const fire = (): void => {
      timer = null;
      lastFired = Date.now();
      const change = pending;
      const data = pendingData;
      pending = null;
      pendingData = false;
      setState((previous) => ({ revision: data ? previous.revision + 1 : previous.revision, progressRevision: previous.progressRevision + 1, last: change }));
    };
    const unsubscribe = bridge.onIndexChanged((change) => {
      pending = change;
      pendingData ||= change.data;
      if (timer !== null) return;
      timer = setTimeout(fire, Math.max(0, MIN_INTERVAL_MS - (Date.now() - lastFired)));
    });
    return () => {
      if (timer !== null) clearTimeout(timer);
      unsubscribe();
    };
  }, [bridge]);
  const value = useMemo(() => state, [state]);
  return <IndexRevisionContext.Provider value={value}>{children}</IndexRevisionContext.Provider>;
}
