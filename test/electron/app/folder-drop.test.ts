import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { droppedFolder, onFolderDropped } from '../../../electron/app/folder-drop';
import { tempFolder } from '../../support/temp-folder';
import { FakeWebContents } from './electron-stand-in';

describe('folders dropped on a window', () => {
  it('reads a folder only from a main-frame file:// navigation to a directory', () => {
    const folder = tempFolder('drop');
    writeFileSync(join(folder, 'a.jsonl'), '');
    assert.equal(droppedFolder(pathToFileURL(folder).href, true), folder);
    assert.equal(droppedFolder(pathToFileURL(folder).href, false), null);
    assert.equal(droppedFolder(pathToFileURL(join(folder, 'a.jsonl')).href, true), null);
    assert.equal(droppedFolder(pathToFileURL(join(folder, 'missing')).href, true), null);
    assert.equal(droppedFolder('https://example.com/', true), null);
  });

  it('prevents the navigation and opens the folder', () => {
    const folder = tempFolder('drop-open');
    const contents = new FakeWebContents();
    const opened: string[] = [];
    onFolderDropped(contents as never, (path) => opened.push(path));
    assert.equal(contents.navigate('will-navigate', pathToFileURL(folder).href).prevented, true);
    assert.equal(contents.navigate('will-navigate', 'https://example.com/').prevented, false, 'other navigations are the lock-down\'s business');
    assert.deepEqual(opened, [folder]);
  });
});
