import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../shared/api/api-result';
import type { ApiMethod, ApiRequest, ApiResponse } from '../../shared/api/contract';
import { useBridge } from '../state/bridge-context';
import { callBridge } from '../state/call-bridge';

/** A method called when the user acts (a button), with its state for the control. */
export interface BridgeAction<M extends ApiMethod> {
  /** Calls the method; resolves to its answer, or null when it failed (the failure is in `error`) or one call is already running. */
  readonly run: (request: ApiRequest<M>) => Promise<ApiResponse<M> | null>;
  /** True while the call runs: the control is disabled, so a double click calls once. */
  readonly busy: boolean;
  /** The last call's failure, shown beside the control; cleared by the next call. */
  readonly error: ApiError | null;
}

/** Calls `method` on the user's action, one call at a time. */
export function useBridgeAction<M extends ApiMethod>(method: M): BridgeAction<M> {
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(
    async (request: ApiRequest<M>): Promise<ApiResponse<M> | null> => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        const result = await callBridge(bridge, method, request);
        if (mounted.current) setError(result.ok ? null : result.error);
        return result.ok ? result.value : null;
      } finally {
        running.current = false;
        if (mounted.current) setBusy(false);
      }
    },
    [bridge, method],
  );
  return { run, busy, error };
}
