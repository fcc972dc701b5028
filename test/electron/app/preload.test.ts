// The sandboxed preload, loaded from dist/ with a stand-in `electron` module.
import { electron } from './install-electron-stand-in';
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { API_METHODS, type IndexChange, type InspectorBridge } from '../../../shared/api/contract';

const compiledPreload = join(__dirname, '..', '..', '..', 'electron', 'app', 'preload.js');
let bridge: InspectorBridge;

before(async () => {
  await import('../../../electron/app/preload.js');
  bridge = electron.contextBridge.exposed.get('inspector') as InspectorBridge;
});

describe('preload: window.inspector', () => {
  it('exposes exactly one object, `inspector`, with exactly the contract methods (in contract order) and onIndexChanged', () => {
    assert.deepEqual([...electron.contextBridge.exposed.keys()], ['inspector']);
    assert.deepEqual(Object.keys(bridge), [...API_METHODS, 'onIndexChanged']);
    for (const method of ['cancelIndexing', 'rescan', 'listRecentFolders', 'openRecentFolder', 'chooseFolder']) assert.equal(typeof (bridge as Record<string, unknown>)[method], 'function', method);
    for (const value of Object.values(bridge)) assert.equal(typeof value, 'function');
    assert.ok(Object.isFrozen(bridge));
  });

  it('a method invokes inspector:<method> with the request as its only argument and returns the answer', async () => {
    for (const method of API_METHODS) {
      const request = { marker: method };
      electron.ipcRenderer.answer = { ok: true, value: method };
      const call = bridge[method] as (request: unknown) => Promise<unknown>;
      assert.deepEqual(await call(request), { ok: true, value: method });
      assert.deepEqual(electron.ipcRenderer.invoked.at(-1), { channel: `inspector:${method}`, args: [request] });
    }
    assert.equal(electron.ipcRenderer.invoked.length, API_METHODS.length);
  });

  it('onIndexChanged hands the listener the change only (never the event or ipcRenderer) and returns an unsubscribe', () => {
    const received: unknown[][] = [];
    const unsubscribe = bridge.onIndexChanged((...args: unknown[]) => void received.push(args));
    assert.equal(electron.ipcRenderer.listenerCount('inspector:changed'), 1);
    const change: IndexChange = { events: 3, problems: 1, phase: 'watching', at: 1, data: true };
    const event = { sender: electron.ipcRenderer, ports: [] };
    electron.ipcRenderer.emit('inspector:changed', event, change);
    assert.deepEqual(received, [[change]]);
    unsubscribe();
    assert.equal(electron.ipcRenderer.listenerCount('inspector:changed'), 0);
    electron.ipcRenderer.emit('inspector:changed', event, change);
    assert.equal(received.length, 1);
    assert.throws(() => bridge.onIndexChanged('not a function' as unknown as (change: IndexChange) => void), TypeError);
  });

  it('nothing exposed leads back to ipcRenderer', () => {
    for (const [key, value] of Object.entries(bridge)) {
      assert.notEqual(value, electron.ipcRenderer, key);
      assert.equal(Object.keys(value as object).length, 0, key);
    }
  });

  it('the compiled preload requires nothing but electron, as a sandboxed preload must', () => {
    const requires = [...readFileSync(compiledPreload, 'utf8').matchAll(/require\(([^)]*)\)/g)].map((match) => match[1]);
    assert.deepEqual(requires, ['"electron"']);
  });
});
