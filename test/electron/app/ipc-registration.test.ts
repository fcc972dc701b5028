import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { API_METHODS } from '../../../shared/api/contract';
import type { InspectorService } from '../../../electron/api/inspector-service';
import { INDEX_CHANGED_CHANNEL, methodChannel, registerInspectorIpc, serviceForSender } from '../../../electron/app/ipc-registration';
import { FakeFrame, FakeIpcMain, FakeWebContents, invokeEvent } from './electron-stand-in';

const OWN = 'app://inspector/index.html';

function recordingService(): { service: InspectorService; calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const service = { call: async (method: string, request: unknown) => (calls.push([method, request]), { ok: true, value: method }) } as unknown as InspectorService;
  return { service, calls };
}

describe('IPC registration', () => {
  it('names channels inspector:<method> and inspector:changed', () => {
    assert.equal(methodChannel('listExecutions'), 'inspector:listExecutions');
    assert.equal(INDEX_CHANGED_CHANNEL, 'inspector:changed');
  });

  it('registers every method once and forwards the untrusted request of our top-level page to its window\'s service', async () => {
    const ipcMain = new FakeIpcMain();
    const ours = new FakeWebContents(OWN);
    const { service, calls } = recordingService();
    const channels = registerInspectorIpc(ipcMain as never, { isOwnOrigin: (url) => url.startsWith('app://inspector/'), serviceFor: (id) => (id === ours.id ? service : null) });
    assert.deepEqual(channels, API_METHODS.map((method) => `inspector:${method}`));
    assert.deepEqual([...ipcMain.handlers.keys()], channels);
    const request = { id: 'exec-1', anything: true };
    assert.deepEqual(await ipcMain.invoke('inspector:getExecution', invokeEvent(ours, ours.mainFrame), request), { ok: true, value: 'getExecution' });
    assert.deepEqual(calls, [['getExecution', request]]);
  });

  it('gives no service to a sub-frame, a foreign origin, a missing or throwing frame, or unknown web contents', () => {
    const ours = new FakeWebContents(OWN);
    const { service } = recordingService();
    const policy = { isOwnOrigin: (url: string) => url.startsWith('app://inspector/'), serviceFor: (id: number) => (id === ours.id ? service : null) };
    assert.equal(serviceForSender(invokeEvent(ours, ours.mainFrame) as never, policy), service);
    const stranger = new FakeWebContents(OWN);
    const throwing = { sender: ours, get senderFrame(): never { throw new Error('Render frame was disposed'); } };
    for (const event of [
      invokeEvent(ours, new FakeFrame(OWN, ours.mainFrame)),
      invokeEvent(ours, new FakeFrame('https://example.com/')),
      invokeEvent(ours, null),
      throwing,
      invokeEvent(stranger, stranger.mainFrame),
    ]) {
      assert.equal(serviceForSender(event as never, policy), null);
    }
  });
});
