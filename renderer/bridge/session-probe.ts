import type { InspectorBridge } from '../../shared/api/contract';

/**
 * True unless the server refuses this page's session: a page of `serve`
 * opened without its session cookie (a browser that never opened the printed
 * URL, or a server restarted since) gets `unauthorized`, and is better told how
 * to connect than shown every view failing. Any other failure is left to the
 * views, which show it where it happens.
 */
export async function hasSession(bridge: InspectorBridge): Promise<boolean> {
  try {
    const answer = await bridge.summary({});
    return answer.ok || answer.error.code !== 'unauthorized';
  } catch {
    return true;
  }
}
