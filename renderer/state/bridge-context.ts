import { createContext, useContext } from 'react';
import type { InspectorBridge } from '../../shared/api/contract';

/** The bridge the whole UI talks to: the preload's in the app, the HTTP client in a browser. */
export const BridgeContext = createContext<InspectorBridge | null>(null);

/** The bridge; every component below the provider can call the API through it. */
export function useBridge(): InspectorBridge {
  const bridge = useContext(BridgeContext);
  if (bridge === null) throw new Error('useBridge needs a BridgeContext provider');
  return bridge;
}
