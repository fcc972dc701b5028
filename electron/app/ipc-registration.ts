import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { fail, type ApiResult } from '../../shared/api/api-result';
import { API_METHODS, type ApiMethod } from '../../shared/api/contract';
import type { InspectorService } from '../api/inspector-service';

/** The prefix of every inspector channel; preload.ts spells the same channels. */
export const CHANNEL_PREFIX = 'inspector:';

/** The channel "index changed" notices are pushed on, main to renderer only. */
export const INDEX_CHANGED_CHANNEL = `${CHANNEL_PREFIX}changed`;

/** The channel a method is invoked on. */
export function methodChannel(method: ApiMethod): string {
  return `${CHANNEL_PREFIX}${method}`;
}

/** How the registration learns whether a page is ours and which folder's service answers it. */
export interface SenderPolicy {
  /** True for a URL of our own renderer origin. */
  readonly isOwnOrigin: (url: string) => boolean;
  /** The service of the folder shown in the window owning these web contents, or null when it is not one of ours. */
  readonly serviceFor: (webContentsId: number) => InspectorService | null;
}

/**
 * The service an IPC call may reach, or null when the sender is not the top-level
 * page of one of our folder windows loaded from our origin (VS Code's
 * validateEvent): a sub-frame, a foreign origin or an unknown window gets nothing.
 */
export function serviceForSender(event: IpcMainInvokeEvent, policy: SenderPolicy): InspectorService | null {
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    return null;
  }
  if (!frame || frame.parent !== null) return null;
  if (!policy.isOwnOrigin(frame.url)) return null;
  return policy.serviceFor(event.sender.id);
}

/**
 * Registers one `inspector:<method>` handler per method of the contract. Each
 * checks its sender and forwards the untrusted request to the folder's service,
 * which validates it and answers failures as data; refusals are data too,
 * because Electron passes only the message of a thrown error.
 */
export function registerInspectorIpc(ipcMain: Pick<IpcMain, 'handle'>, policy: SenderPolicy): readonly string[] {
  return API_METHODS.map((method) => {
    const channel = methodChannel(method);
    ipcMain.handle(channel, async (event, request: unknown): Promise<ApiResult<unknown>> => {
      const service = serviceForSender(event, policy);
      if (service === null) return fail('unauthorized', `${method}: the sender is not an Execution Inspector window`);
      return service.call(method, request);
    });
    return channel;
  });
}
