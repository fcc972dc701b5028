import { strict as assert } from 'node:assert';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, it } from 'node:test';
import { watch } from 'chokidar';
import { discoverDirectories } from '../../../electron/ingest/discover-directories';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { tempFolder } from '../../support/temp-folder';

/** The directories chokidar's walk finds, as the watcher walks the folder (followSymlinks off): what the listing must match. */
async function chokidarDirectories(folder: string): Promise<Set<string>> {
  const dirs = new Set<string>(['']);
  const watcher = watch(folder, { persistent: false, ignoreInitial: false, followSymlinks: false, atomic: false });
  await new Promise<void>((resolve) => {
    watcher.on('addDir', (path) => dirs.add(relative(folder, path).split(sep).join(posix.sep)));
    watcher.on('error', () => undefined);
    watcher.on('ready', () => resolve());
  });
  await watcher.close();
  return dirs;
}

describe('listing the directories of a folder for a scan that does not watch', () => {
  it("finds exactly the directories the watcher's walk finds: hidden, spaced, non-ASCII, empty and deep ones, and no link followed", async () => {
    const folder = realpathSync(tempFolder('discover-dirs'));
    writeFixtureFolder(join(folder, 'fixtures'), { seed: 8 });
    for (const dir of ['.hidden/inner', 'a b/c d', 'ünïcode/straße', 'empty', 'x/y/z/w/v/u/t/s/r/q/p/o/n/m/l/k/j/i/h/g']) mkdirSync(join(folder, dir), { recursive: true });
    writeFileSync(join(folder, 'a b', 'looks-like-a-dir'), '');
    writeFileSync(join(folder, 'a b', 'c d', 'exec.jsonl'), '{}\n');
    const outside = realpathSync(tempFolder('discover-dirs-outside'));
    mkdirSync(join(outside, 'elsewhere'));
    symlinkSync(join(folder, 'a b'), join(folder, 'link-to-a-b'));
    symlinkSync(folder, join(folder, 'x', 'loop'));
    symlinkSync(outside, join(folder, 'link-outside'));
    symlinkSync(join(folder, 'gone'), join(folder, 'dangling'));

    const listed = await discoverDirectories(folder);
    assert.deepEqual([...listed].sort(), [...(await chokidarDirectories(folder))].sort());
    for (const dir of ['', '.hidden', '.hidden/inner', 'a b/c d', 'ünïcode/straße', 'empty', 'x/y/z/w/v/u/t/s/r/q/p/o/n/m/l/k/j/i/h/g', 'fixtures']) {
      assert.ok(listed.has(dir), `${dir} listed`);
    }
    for (const link of ['link-to-a-b', 'link-to-a-b/c d', 'x/loop', 'link-outside', 'link-outside/elsewhere', 'dangling', 'a b/looks-like-a-dir']) {
      assert.ok(!listed.has(link), `${link} not listed`);
    }
  });

  it('lists nothing but the root of an empty folder, and the root of one it cannot read', async () => {
    assert.deepEqual([...(await discoverDirectories(tempFolder('discover-dirs-empty')))], ['']);
    assert.deepEqual([...(await discoverDirectories(join(tempFolder('discover-dirs-missing'), 'not-there')))], ['']);
  });
});
