import { strict as assert } from 'node:assert';
import { mkdirSync, realpathSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { guardReportDownload, guardReportDownloads, type ReportDownloadPolicy } from '../../../electron/app/report-download';
import { tempFolder } from '../../support/temp-folder';
import { FakeDialog, FakeDownloadItem, FakeSession, FakeWebContents } from './electron-stand-in';

describe('report downloads', () => {
  const root = realpathSync(tempFolder('report-download'));
  const evidence = join(root, 'evidence');
  const otherEvidence = join(root, 'other-evidence');
  const downloads = join(root, 'downloads');
  for (const dir of [evidence, otherEvidence, downloads]) mkdirSync(dir);
  symlinkSync(evidence, join(downloads, 'evidence-link'), 'dir');
  const ours = new FakeWebContents('app://inspector/index.html');
  const window = { id: 'window of our folder' };
  const policy: ReportDownloadPolicy = {
    windowOf: (contents) => (contents === (ours as never) ? (window as never) : null),
    openFolders: () => [evidence, otherEvidence],
    isOwnOrigin: (url) => url.startsWith('app://inspector'),
    defaultDirectory: () => downloads,
  };
  const report = (): FakeDownloadItem => new FakeDownloadItem('blob:app://inspector/3b8e0a51-1d2c-4c1e-9d6e-1f2a3b4c5d6e', 'report-exec-1.md');

  it('asks where to save (over the window, starting in Downloads) and saves where the user chose outside the opened folders', () => {
    const dialog = new FakeDialog();
    const item = report();
    dialog.saveDialogAnswers.push(join(downloads, 'incident.md'));
    assert.deepEqual(guardReportDownload(item, ours as never, policy, dialog as never), { saved: join(downloads, 'incident.md') });
    assert.equal(item.savePath, join(downloads, 'incident.md'));
    assert.equal(item.cancelled, false);
    assert.equal(dialog.saveDialogs[0]?.parent, window);
    assert.equal(dialog.saveDialogs[0]?.options.defaultPath, join(downloads, 'report-exec-1.md'));
  });

  it('refuses a place inside any opened folder, also through a symbolic link, with a message, and asks again', () => {
    const dialog = new FakeDialog();
    const item = report();
    dialog.saveDialogAnswers.push(join(evidence, 'report.md'), join(downloads, 'evidence-link', 'new-dir', 'report.md'), join(otherEvidence, 'report.md'), join(downloads, 'report.md'));
    dialog.messageBoxSyncAnswers.push(0, 0, 0);
    assert.deepEqual(guardReportDownload(item, ours as never, policy, dialog as never), { saved: join(downloads, 'report.md') });
    assert.equal(dialog.messageBoxesSync.length, 3);
    assert.match(String(dialog.messageBoxesSync[0]?.options.detail), new RegExp(`is inside\\n${evidence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    assert.match(String(dialog.messageBoxesSync[1]?.options.detail), /evidence-link[\s\S]*is inside/);
    assert.match(String(dialog.messageBoxesSync[2]?.options.detail), new RegExp(`is inside\\n${otherEvidence.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    assert.equal(dialog.messageBoxesSync[0]?.parent, window);
    assert.equal(item.savePath, join(downloads, 'report.md'));
  });

  it('cancels the download when the user cancels the dialog or gives up after a refusal; nothing is saved', () => {
    const cancelled = new FakeDialog();
    const first = report();
    assert.deepEqual(guardReportDownload(first, ours as never, policy, cancelled as never), { cancelled: 'by-user' });
    assert.deepEqual([first.cancelled, first.savePath], [true, null]);

    const givesUp = new FakeDialog();
    const second = report();
    givesUp.saveDialogAnswers.push(join(evidence, 'report.md'));
    givesUp.messageBoxSyncAnswers.push(1);
    assert.deepEqual(guardReportDownload(second, ours as never, policy, givesUp as never), { cancelled: 'by-user' });
    assert.deepEqual([second.cancelled, second.savePath], [true, null]);
  });

  it('cancels, without asking, a download that is not a report of our own page', () => {
    const dialog = new FakeDialog();
    for (const [item, contents] of [
      [new FakeDownloadItem('https://example.com/payload.exe', 'payload.exe'), ours],
      [new FakeDownloadItem('blob:https://example.com/1', 'x.md'), ours],
      [new FakeDownloadItem('file:///etc/passwd', 'passwd'), ours],
      [report(), new FakeWebContents('app://inspector/index.html')],
    ] as const) {
      assert.deepEqual(guardReportDownload(item, contents as never, policy, dialog as never), { cancelled: 'not-ours' });
      assert.equal(item.cancelled, true);
    }
    assert.equal(dialog.saveDialogs.length, 0);
  });

  it("is installed on the session's will-download", () => {
    const session = new FakeSession();
    const dialog = new FakeDialog();
    guardReportDownloads(session as never, policy, dialog as never);
    const item = report();
    dialog.saveDialogAnswers.push(join(evidence, 'report.md'));
    dialog.messageBoxSyncAnswers.push(1);
    session.emit('will-download', {}, item, ours, null);
    assert.equal(item.cancelled, true);
  });
});
