import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { appMenuTemplate, type MenuActions } from '../../../electron/app/app-menu';
import type { FakeMenuItem } from './electron-stand-in';

function recordingActions(): { actions: MenuActions; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      openFolder: () => calls.push('openFolder'),
      openRecent: (folder) => calls.push(`openRecent ${folder}`),
      clearRecent: () => calls.push('clearRecent'),
      revealIndexLocation: () => calls.push('revealIndexLocation'),
      about: () => calls.push('about'),
    },
  };
}

describe('application menu', () => {
  it('File holds Open Folder…, Open Recent, Reveal Index Location…, Close Window and Quit; then the Edit, View, Window roles and Help', () => {
    const { actions, calls } = recordingActions();
    const template = appMenuTemplate(actions, ['/cases/run-7', '/cases/run-8'], 'linux', true) as FakeMenuItem[];
    assert.deepEqual(
      template.map((item) => item.label ?? item.role),
      ['&File', 'editMenu', 'viewMenu', 'windowMenu', 'help'],
    );
    const file = template[0]?.submenu ?? [];
    assert.deepEqual(
      file.map((item) => item.label ?? item.role ?? item.type),
      ['Open Folder…', 'Open Recent', 'separator', 'Reveal Index Location…', 'separator', 'Close Window', 'separator', 'quit'],
    );
    assert.equal(file[0]?.accelerator, 'CmdOrCtrl+O');
    assert.equal(file[5]?.accelerator, 'CmdOrCtrl+W');
    assert.equal(file[5]?.role, 'close');
    const recent = file[1]?.submenu ?? [];
    assert.deepEqual(
      recent.map((item) => item.label ?? item.type),
      ['run-7 — /cases/run-7', 'run-8 — /cases/run-8', 'separator', 'Clear Recent'],
    );
    for (const item of [file[0], recent[1], recent[3], file[3], template[4]?.submenu?.[0]]) item?.click?.();
    assert.deepEqual(calls, ['openFolder', 'openRecent /cases/run-8', 'clearRecent', 'revealIndexLocation', 'about']);
  });

  it('disables Clear Recent when there is nothing to clear; on macOS the app menu comes first and holds Quit', () => {
    const template = appMenuTemplate(recordingActions().actions, [], 'darwin', true) as FakeMenuItem[];
    assert.equal(template[0]?.role, 'appMenu');
    const file = template[1]?.submenu ?? [];
    assert.ok(!file.some((item) => item.role === 'quit'));
    assert.deepEqual(file[1]?.submenu?.map((item) => [item.label, item.enabled]), [['Clear Recent', false]]);
  });

  it('in an installed app, View has no Toggle Developer Tools (nor its accelerator); in a development run it is the standard View role', () => {
    const installed = appMenuTemplate(recordingActions().actions, [], 'linux', false) as FakeMenuItem[];
    const view = installed.find((item) => item.label === '&View');
    assert.ok(view);
    assert.deepEqual(
      view.submenu?.map((item) => item.role ?? item.type),
      ['reload', 'forceReload', 'separator', 'resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen'],
    );
    const everything = JSON.stringify(installed).toLowerCase();
    assert.doesNotMatch(everything, /devtools|viewmenu/);
    assert.ok((appMenuTemplate(recordingActions().actions, [], 'linux', true) as FakeMenuItem[]).some((item) => item.role === 'viewMenu'));
  });
});
