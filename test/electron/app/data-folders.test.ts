import { strict as assert } from 'node:assert';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { dataFolderConflict, DataFolders, OpenDeclined, type DataFolderConflict } from '../../../electron/app/data-folders';
import { tempFolder } from '../../support/temp-folder';

describe('data folders', () => {
  const root = realpathSync(tempFolder('data-folders'));
  const home = join(root, 'home');
  const defaultDir = join(home, '.config', 'Execution Inspector');
  const cases = join(root, 'cases');
  const elsewhere = join(root, 'elsewhere');
  for (const dir of [home, cases, elsewhere, join(root, 'other-case')]) mkdirSync(dir);
  symlinkSync(home, join(elsewhere, 'home-link'), 'dir');

  it('finds no conflict for a data folder outside every opened folder (existing or not)', () => {
    assert.equal(dataFolderConflict(cases, defaultDir, []), null);
    assert.equal(dataFolderConflict(cases, join(elsewhere, 'not-yet', 'data'), [{ folder: join(root, 'other-case'), dataDir: defaultDir }]), null);
  });

  it('a data folder inside the folder being opened (the folder itself, a missing subfolder, through a symbolic link)', () => {
    for (const dataDir of [defaultDir, home, join(elsewhere, 'home-link', 'data')]) {
      assert.deepEqual(dataFolderConflict(home, dataDir, []), { kind: 'inside-opening', dataDir, folder: home }, dataDir);
    }
  });

  it('a data folder inside another open folder; the folder being opened inside the data folder; another index inside the folder', () => {
    assert.deepEqual(dataFolderConflict(cases, defaultDir, [{ folder: home, dataDir: elsewhere }]), { kind: 'inside-open', dataDir: defaultDir, folder: home });
    assert.deepEqual(dataFolderConflict(cases, root, []), { kind: 'holds-opening', dataDir: root, folder: cases });
    assert.deepEqual(dataFolderConflict(home, elsewhere, [{ folder: cases, dataDir: defaultDir }]), { kind: 'other-index-inside', dataDir: defaultDir, folder: home, owner: cases });
  });

  it('uses the default when it is outside the evidence, without asking', async () => {
    const folders = new DataFolders(defaultDir, { explain: () => assert.fail('asked'), choose: () => assert.fail('asked') });
    assert.equal(await folders.resolve(cases, []), defaultDir);
  });

  it('asks for another data folder while the chosen one is inside the evidence, then keeps the choice for that folder for the run', async () => {
    const explained: DataFolderConflict[] = [];
    const answers = [join(home, 'data'), join(elsewhere, 'data')];
    const suggestions: string[] = [];
    const folders = new DataFolders(defaultDir, {
      explain: async (conflict) => (explained.push(conflict), true),
      choose: async (suggested) => (suggestions.push(suggested), answers.shift() ?? null),
    });
    assert.equal(await folders.resolve(home, []), join(elsewhere, 'data'));
    assert.deepEqual(explained.map((conflict) => conflict.kind), ['inside-opening', 'inside-opening']);
    assert.equal(suggestions[0], defaultDir);
    assert.equal(folders.dataDirOf(home), join(elsewhere, 'data'));
    assert.equal(folders.dataDirOf(cases), defaultDir);
    assert.equal(await folders.resolve(home, []), join(elsewhere, 'data'), 'no question the second time');
    assert.equal(explained.length, 2);
  });

  it('declines to open when the user cancels the explanation or the picker, or when only closing another window helps', async () => {
    const cancelExplain = new DataFolders(defaultDir, { explain: async () => false, choose: () => assert.fail('no picker after cancel') });
    await assert.rejects(cancelExplain.resolve(home, []), OpenDeclined);
    const cancelPicker = new DataFolders(defaultDir, { explain: async () => true, choose: async () => null });
    await assert.rejects(cancelPicker.resolve(home, []), OpenDeclined);
    const onlyClosing = new DataFolders(elsewhere, { explain: async () => true, choose: () => assert.fail('choosing does not help') });
    await assert.rejects(onlyClosing.resolve(home, [{ folder: cases, dataDir: defaultDir }]), OpenDeclined);
  });
});
