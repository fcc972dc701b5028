import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CASCADE_OFFSET, DEFAULT_WINDOW_STATE, placeWindow, WindowStateStore } from '../../../electron/app/window-state';
import { tempFolder } from '../../support/temp-folder';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('remembers the last bounds and whether the window was maximized', () => {
    const store = new WindowStateStore(join(tempFolder('window-state'), 'window-state.json'));
    assert.deepEqual(store.load(), DEFAULT_WINDOW_STATE);
    store.save({ x: 100.4, y: 80, width: 1000, height: 700 }, true);
    assert.deepEqual(store.load(), { x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('remembers nothing while it may not (its file would be inside an opened folder)', () => {
    const file = join(tempFolder('window-state-guarded'), 'window-state.json');
    let mayWrite = false;
    const store = new WindowStateStore(file, () => mayWrite);
    store.save({ x: 1, y: 2, width: 900, height: 600 }, false);
    assert.equal(existsSync(file), false);
    mayWrite = true;
    store.save({ x: 1, y: 2, width: 900, height: 600 }, false);
    assert.deepEqual(store.load(), { x: 1, y: 2, width: 900, height: 600, maximized: false });
  });

  it('cascades further windows and drops a position that is off every screen', () => {
    const state = { x: 100, y: 80, width: 1000, height: 700, maximized: false };
    assert.deepEqual(placeWindow(state, 0, screen), { x: 100, y: 80, width: 1000, height: 700 });
    assert.deepEqual(placeWindow(state, 2, screen), { x: 100 + 2 * CASCADE_OFFSET, y: 80 + 2 * CASCADE_OFFSET, width: 1000, height: 700 });
    assert.deepEqual(placeWindow({ ...state, x: 3000 }, 0, screen), { width: 1000, height: 700 });
    assert.deepEqual(placeWindow({ ...state, y: -200 }, 0, screen), { width: 1000, height: 700 });
    assert.deepEqual(placeWindow(DEFAULT_WINDOW_STATE, 1, screen), { width: DEFAULT_WINDOW_STATE.width, height: DEFAULT_WINDOW_STATE.height });
  });
});
