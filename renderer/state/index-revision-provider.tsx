import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { IndexChange } from '../../shared/api/contract';
import { useBridge } from './bridge-context';
import { IndexRevisionContext } from './index-revision-context';

/** The shortest time between two re-queries of what is on screen. */
const MIN_INTERVAL_MS = 300;

/** Subscribes once to the bridge's change notices and turns them into a throttled revision number. */
export function IndexRevisionProvider({ children }: { readonly children: ReactNode }) {
  const bridge = useBridge();
  const [state, setState] = useState<{ revision: number; last: IndexChange | null }>({ revision: 0, last: null });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending: IndexChange | null = null;
    let lastFired = 0;
    const fire = (): void => {
      timer = null;
      lastFired = Date.now();
      const change = pending;
      pending = null;
      setState((previous) => ({ revision: previous.revision + 1, last: change }));
    };
    const unsubscribe = bridge.onIndexChanged((change) => {
      pending = change;
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
