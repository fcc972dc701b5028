import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AppDialogs, dataFolderConflictText } from '../../../electron/app/app-dialogs';
import type { DataFolderConflict } from '../../../electron/app/data-folders';
import { FakeDialog } from './electron-stand-in';

describe('app dialogs', () => {
  const conflicts: DataFolderConflict[] = [
    { kind: 'inside-opening', dataDir: '/home/ana/.config/Execution Inspector', folder: '/home/ana' },
    { kind: 'inside-open', dataDir: '/home/ana/.config/Execution Inspector', folder: '/home/ana' },
    { kind: 'holds-opening', dataDir: '/data', folder: '/data/indexes' },
    { kind: 'other-index-inside', dataDir: '/home/ana/.config/Execution Inspector', folder: '/home/ana', owner: '/cases/run-7' },
  ];

  it('explains each data folder conflict with both paths and the remedy', () => {
    for (const conflict of conflicts) {
      const { message, detail } = dataFolderConflictText(conflict);
      assert.ok(message.length > 0);
      assert.ok(detail.includes(conflict.dataDir) && detail.includes(conflict.folder), conflict.kind);
    }
    assert.match(dataFolderConflictText(conflicts[0] as DataFolderConflict).detail, /never written[\s\S]*EXECUTION_INSPECTOR_DATA_DIR/);
    assert.match(dataFolderConflictText(conflicts[3] as DataFolderConflict).detail, /Close the window of \/cases\/run-7/);
  });

  it('offers to choose another data folder (true only for that button); only OK when closing a window is the remedy', async () => {
    const dialog = new FakeDialog();
    const dialogs = new AppDialogs(dialog as never, { writeText: () => undefined } as never);
    dialog.messageBoxAnswers.push(0, 1, 0);
    assert.equal(await dialogs.explainDataFolderConflict(null, conflicts[0] as DataFolderConflict), true);
    assert.deepEqual(dialog.messageBoxes.at(-1)?.buttons, ['Choose Another Data Folder…', 'Cancel']);
    assert.equal(await dialogs.explainDataFolderConflict(null, conflicts[0] as DataFolderConflict), false);
    assert.equal(await dialogs.explainDataFolderConflict(null, conflicts[3] as DataFolderConflict), false);
    assert.deepEqual(dialog.messageBoxes.at(-1)?.buttons, ['OK']);
  });

  it('picks a data folder with a picker that can create one, starting at the suggestion', async () => {
    const dialog = new FakeDialog();
    const dialogs = new AppDialogs(dialog as never, { writeText: () => undefined } as never);
    dialog.openDialogAnswers.push({ canceled: false, filePaths: ['/mnt/usb/ei-data'] });
    assert.equal(await dialogs.chooseDataFolder(null, '/suggested'), '/mnt/usb/ei-data');
    assert.deepEqual(dialog.openDialogs.at(-1), {
      title: 'Choose a Data Folder Outside the Evidence',
      buttonLabel: 'Use This Data Folder',
      defaultPath: '/suggested',
      properties: ['openDirectory', 'createDirectory', 'dontAddToRecent'],
    });
    assert.equal(await dialogs.chooseDataFolder(null, '/suggested'), null, 'cancelled');
  });
});
