import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/api-result';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/api/contract';
import { useBridge } from '../state/bridge-context';
import { callBridge } from '../state/call-bridge';
import { useIndexRevision } from '../state/index-revision-context';

/** What a view knows about one API answer. */
export interface ApiState<T> {
  /** The answer for the current request; kept while a live refresh is under way. */
  readonly value: T | undefined;
  readonly error: ApiError | null;
  /** True until the first answer for the current request (not during live refreshes). */
  readonly loading: boolean;
  readonly reload: () => void;
}

interface Held<T> {
  readonly key: string | null;
  readonly value: T | undefined;
  readonly error: ApiError | null;
}

/**
 * Calls `method` with `request` (null: not yet) and again whenever the request
 * changes, and, when `live`, whenever the index's data changes (`'progress'`:
 * on progress-only notices too, for the indexing status). A refresh keeps the
 * previous answer on screen, so live updates never flash a loading state or
 * reset what the user is looking at; while a call runs, further changes make
 * one more call after it, never a pile of them (indexing a big folder changes
 * the index several times a second).
 */
export function useApi<M extends ApiMethod>(method: M, request: ApiRequest<M> | null, options: { readonly live?: boolean | 'progress' } = {}): ApiState<ApiResponse<M>> {
  const bridge = useBridge();
  const { revision, progressRevision } = useIndexRevision();
  const live = options.live ?? true;
  const json = request === null ? null : JSON.stringify(request);
  const key = json === null ? null : `${method} ${json}`;
  const [held, setHeld] = useState<Held<ApiResponse<M>>>({ key: null, value: undefined, error: null });
  const [reloads, setReloads] = useState(0);
  const latestKey = useRef<string | null>(null);
  // One call at a time per request: changes that arrive while it runs ask for one more call after it.
  const flight = useRef<{ readonly key: string; again: boolean } | null>(null);
  const tick = live === 'progress' ? progressRevision : live ? revision : 0;
  useEffect(() => {
    latestKey.current = key;
    if (json === null || key === null) return;
    if (flight.current !== null && flight.current.key === key) {
      flight.current.again = true;
      return;
    }
    const mine = { key, again: false };
    flight.current = mine;
    void callBridge(bridge, method, JSON.parse(json) as ApiRequest<M>).then((result) => {
      if (flight.current === mine) flight.current = null;
      if (latestKey.current !== key) return;
      setHeld((previous) => {
        if (result.ok) return { key, value: result.value, error: null };
        // A failed refresh keeps the answer already shown and says why beside it.
        return { key, value: previous.key === key ? previous.value : undefined, error: result.error };
      });
      if (mine.again) setReloads((n) => n + 1);
    });
  }, [bridge, method, json, key, tick, reloads]);
  useEffect(
    () => () => {
      latestKey.current = null;
    },
    [],
  );
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const current = held.key === key;
  return {
    value: current ? held.value : undefined,
    error: current ? held.error : null,
    loading: key !== null && !current,
    reload,
  };
}
