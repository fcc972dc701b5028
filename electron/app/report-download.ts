import { join } from 'node:path';
import type { BrowserWindow, Dialog, DownloadItem, Session, WebContents } from 'electron';
import { evidenceFolderHolding } from './evidence-boundary';

/** What the download guard needs to know of the app; main.ts wires in the folder windows and the dialogs. */
export interface ReportDownloadPolicy {
  /** The folder window owning these web contents, or null when they are not one of ours. */
  readonly windowOf: (contents: WebContents) => BrowserWindow | null;
  /** The real paths of every opened folder: all of them are evidence. */
  readonly openFolders: () => readonly string[];
  /** True for a URL of our own origin: a report is a blob: URL our page made. */
  readonly isOwnOrigin: (url: string) => boolean;
  /** Where the save dialog starts (the user's Downloads folder). */
  readonly defaultDirectory: () => string;
}

/** What the guard decided for one download, for the caller and the tests. */
export type ReportDownloadOutcome = { readonly saved: string } | { readonly cancelled: 'by-user' | 'not-ours' };

/**
 * Decides where an exported report goes. Chromium's own save dialog would let
 * the user pick a place inside the evidence folder and starts writing there as
 * soon as the place is chosen, so the app asks itself (the path must be set
 * synchronously in `will-download`) and refuses a place inside any opened
 * folder — compared through real paths, so a symbolic link to the folder counts
 * as the folder — with a message, and asks again until the user picks a place
 * outside or cancels. A download that is not a report of our own page is cancelled.
 */
export function guardReportDownload(
  item: Pick<DownloadItem, 'getURL' | 'getFilename' | 'setSavePath' | 'cancel'>,
  contents: WebContents,
  policy: ReportDownloadPolicy,
  dialog: Pick<Dialog, 'showSaveDialogSync' | 'showMessageBoxSync'>,
): ReportDownloadOutcome {
  const window = policy.windowOf(contents);
  const url = item.getURL();
  if (window === null || !url.startsWith('blob:') || !policy.isOwnOrigin(url.slice('blob:'.length))) {
    item.cancel();
    return { cancelled: 'not-ours' };
  }
  let defaultPath = join(policy.defaultDirectory(), item.getFilename());
  for (;;) {
    const chosen = dialog.showSaveDialogSync(window, {
      title: 'Save Incident Report',
      buttonLabel: 'Save',
      defaultPath,
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (!chosen) {
      item.cancel();
      return { cancelled: 'by-user' };
    }
    const folder = evidenceFolderHolding(policy.openFolders(), chosen);
    if (folder === null) {
      item.setSavePath(chosen);
      return { saved: chosen };
    }
    const answer = dialog.showMessageBoxSync(window, {
      type: 'warning',
      title: 'Cannot save inside an opened folder',
      message: 'The report cannot be saved inside a folder that is being inspected.',
      detail: `${chosen}\nis inside\n${folder}\n\nAn opened folder is evidence: Execution Inspector never writes into it. Choose a place outside it.`,
      buttons: ['Choose Another Place…', 'Cancel'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    });
    if (answer !== 0) {
      item.cancel();
      return { cancelled: 'by-user' };
    }
    defaultPath = join(policy.defaultDirectory(), item.getFilename());
  }
}

/** Puts the guard on every download of the session. */
export function guardReportDownloads(session: Pick<Session, 'on'>, policy: ReportDownloadPolicy, dialog: Pick<Dialog, 'showSaveDialogSync' | 'showMessageBoxSync'>): void {
  session.on('will-download', (_event, item, contents) => {
    guardReportDownload(item, contents, policy, dialog);
  });
}
