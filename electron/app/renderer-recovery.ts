import type { BrowserWindow, Dialog, MessageBoxOptions, RenderProcessGoneDetails } from 'electron';

/**
 * What a folder window does when its page dies or hangs: the user is told, in
 * words, and may reload the page. Reloading keeps the window, its folder's
 * inspector and index (they live in the main process and the ingest worker),
 * so the page comes back on the same index without indexing anything again.
 */
export function recoverRenderer(window: BrowserWindow, folderName: string, dialog: Pick<Dialog, 'showMessageBox'>, reload: () => void): void {
  // One question at a time: a hung page may report itself unresponsive again while we ask.
  let asking = false;
  const ask = (options: MessageBoxOptions, answer: (response: number) => void): void => {
    if (asking || window.isDestroyed()) return;
    asking = true;
    void dialog
      .showMessageBox(window, options)
      .then(({ response }) => {
        if (!window.isDestroyed()) answer(response);
      })
      .finally(() => (asking = false));
  };

  window.webContents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // A clean exit is the window closing, not a failure.
    if (details.reason === 'clean-exit') return;
    ask(
      {
        type: 'error',
        title: 'The page stopped',
        message: `The page of ${folderName} stopped (${details.reason}, exit code ${details.exitCode}).`,
        detail: 'The folder stays open and its index is kept: reloading shows it again without indexing anything anew.',
        buttons: ['Reload', 'Close Window'],
        defaultId: 0,
        cancelId: 1,
        noLink: true,
      },
      (response) => (response === 0 ? reload() : window.close()),
    );
  });

  window.on('unresponsive', () =>
    ask(
      {
        type: 'warning',
        title: 'The page is not responding',
        message: `The page of ${folderName} is not responding.`,
        detail: 'You can wait for it, or reload it: the folder stays open and its index is kept, so nothing is indexed anew.',
        buttons: ['Wait', 'Reload'],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      },
      (response) => {
        if (response === 1) reload();
      },
    ),
  );
}
