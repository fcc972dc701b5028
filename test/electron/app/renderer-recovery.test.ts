import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { recoverRenderer } from '../../../electron/app/renderer-recovery';
import { FakeBrowserWindow, FakeDialog } from './electron-stand-in';

/** A dialog whose answer the test gives later, to hold a question open. */
function heldDialog(): { dialog: FakeDialog; answer: (response: number) => void; asked: () => number } {
  const dialog = new FakeDialog();
  let release: (response: number) => void = () => undefined;
  let asked = 0;
  dialog.showMessageBox = async (...args: unknown[]) => {
    asked++;
    dialog.messageBoxes.push(args.at(-1) as Record<string, unknown>);
    return { response: await new Promise<number>((resolve) => (release = resolve)), checkboxChecked: false };
  };
  return { dialog, answer: (response) => release(response), asked: () => asked };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));

describe('renderer recovery', () => {
  it('a crashed page: Reload reloads, Close Window closes; a clean exit asks nothing', async () => {
    const window = new FakeBrowserWindow({});
    const dialog = new FakeDialog();
    let reloads = 0;
    recoverRenderer(window as never, 'run-7', dialog as never, () => reloads++);
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    assert.equal(dialog.messageBoxes.length, 0);
    dialog.messageBoxAnswers.push(0);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await settle();
    assert.equal(reloads, 1);
    assert.match(String(dialog.messageBoxes[0]?.message), /run-7 stopped \(oom, exit code 1\)/);
    assert.deepEqual(dialog.messageBoxes[0]?.buttons, ['Reload', 'Close Window']);
    dialog.messageBoxAnswers.push(1);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await settle();
    assert.equal(reloads, 1);
    assert.equal(window.isDestroyed(), true);
  });

  it('a hung page: one question at a time, Wait does nothing, Reload reloads; nothing is asked of a closed window', async () => {
    const window = new FakeBrowserWindow({});
    const { dialog, answer, asked } = heldDialog();
    let reloads = 0;
    recoverRenderer(window as never, 'run-8', dialog as never, () => reloads++);
    window.emit('unresponsive');
    window.emit('unresponsive');
    assert.equal(asked(), 1, 'a second report while asking asks nothing more');
    answer(0);
    await settle();
    assert.equal(reloads, 0);
    window.emit('unresponsive');
    answer(1);
    await settle();
    assert.equal(reloads, 1);
    window.close();
    window.emit('unresponsive');
    assert.equal(asked(), 2);
  });
});
