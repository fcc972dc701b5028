import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { ApiFailure } from '../api/api-failure';
import type { HostHandlers } from '../api/host-handlers';

/** What the desktop shell's host methods use; main.ts wires in the recent-folders store, the native dialog and its open-folder path. */
export interface DesktopHostDependencies {
  /** The remembered folders, newest first. */
  readonly recentFolders: () => readonly string[];
  /** Shows the native folder picker; null when it was cancelled. */
  readonly chooseFolder: () => Promise<string | null>;
  /** Opens a folder's window, or focuses it when open; resolves false when it could not be opened (the failure is shown). */
  readonly openFolder: (path: string) => Promise<boolean>;
}

/**
 * The opaque id of a recent folder: the first 16 hex digits of the SHA-256 of its
 * path. The page reopens a folder by this id only; the path never comes back from it.
 */
export function recentFolderId(path: string): string {
  return createHash('sha256').update(path, 'utf8').digest('hex').slice(0, 16);
}

/**
 * The host methods of the desktop app: recent folders listed from the app's own
 * store, reopened by id, and the native folder picker. The page never names a
 * path: an id that is not in the store is `not_found`, and the picker's answer
 * comes from the main process.
 */
export function desktopHostHandlers(dependencies: DesktopHostDependencies): HostHandlers {
  return {
    listRecentFolders: () => ({
      items: dependencies.recentFolders().map((path) => ({ id: recentFolderId(path), name: basename(path) || path, path })),
    }),
    openRecentFolder: async ({ id }) => {
      const path = dependencies.recentFolders().find((known) => recentFolderId(known) === id);
      if (path === undefined) throw new ApiFailure('not_found', 'no recent folder has this id (the list may have changed)');
      return { opened: await dependencies.openFolder(path) };
    },
    chooseFolder: async () => {
      const path = await dependencies.chooseFolder();
      return { opened: path === null ? false : await dependencies.openFolder(path) };
    },
  };
}
