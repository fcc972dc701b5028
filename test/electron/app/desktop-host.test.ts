import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { API } from '../../../shared/api/contract';
import { ApiFailure } from '../../../electron/api/api-failure';
import { desktopHostHandlers, recentFolderId } from '../../../electron/app/desktop-host';

function host(recent: readonly string[], picked: string | null = null, openable = true) {
  const opened: string[] = [];
  let pickerShown = 0;
  const handlers = desktopHostHandlers({
    recentFolders: () => recent,
    chooseFolder: async () => (pickerShown++, picked),
    openFolder: async (path) => (opened.push(path), openable),
  });
  return { handlers, opened, pickerShown: () => pickerShown };
}

describe('desktop host methods', () => {
  it('lists the stored recent folders newest first, each with an opaque id (16 hex of the SHA-256 of its path), its name and its path', async () => {
    const { handlers } = host(['/cases/incident-42', '/var/log/agent', '/']);
    const listed = API.listRecentFolders.response.parse(await handlers.listRecentFolders({}));
    assert.deepEqual(listed.items, [
      { id: createHash('sha256').update('/cases/incident-42').digest('hex').slice(0, 16), name: 'incident-42', path: '/cases/incident-42' },
      { id: recentFolderId('/var/log/agent'), name: 'agent', path: '/var/log/agent' },
      { id: recentFolderId('/'), name: '/', path: '/' },
    ]);
    for (const item of listed.items) assert.match(item.id, /^[0-9a-f]{16}$/);
  });

  it('reopens a recent folder by its id only; an id not in the list is not_found and opens nothing', async () => {
    const { handlers, opened } = host(['/a', '/b']);
    assert.deepEqual(await handlers.openRecentFolder({ id: recentFolderId('/b') }), { opened: true });
    assert.deepEqual(opened, ['/b']);
    await assert.rejects(async () => handlers.openRecentFolder({ id: recentFolderId('/c') }), (error: unknown) => error instanceof ApiFailure && error.code === 'not_found');
    assert.deepEqual(opened, ['/b']);
  });

  it('chooseFolder opens what the picker chose; a cancelled picker or a folder that cannot be opened answers opened: false', async () => {
    const chosen = host([], '/chosen');
    assert.deepEqual(await chosen.handlers.chooseFolder({}), { opened: true });
    assert.deepEqual(chosen.opened, ['/chosen']);
    const cancelled = host([], null);
    assert.deepEqual(await cancelled.handlers.chooseFolder({}), { opened: false });
    assert.equal(cancelled.pickerShown(), 1);
    assert.deepEqual(cancelled.opened, []);
    const failing = host([], '/unreadable', false);
    assert.deepEqual(await failing.handlers.chooseFolder({}), { opened: false });
  });
});
