import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WebContents } from 'electron';

/**
 * The folder a main-frame navigation to a file:// URL names, when that URL is a
 * directory: what Chromium does with a folder dropped on a page that does not
 * handle the drop. Null for anything else.
 */
export function droppedFolder(url: string, isMainFrame: boolean): string | null {
  if (!isMainFrame || !url.startsWith('file:')) return null;
  try {
    const path = fileURLToPath(url);
    return statSync(path).isDirectory() ? path : null;
  } catch {
    return null;
  }
}

/**
 * Opens folders dropped on a window. The renderer never names a path: the main
 * process reads it from the (always prevented) navigation Chromium starts on drop.
 */
export function onFolderDropped(contents: WebContents, open: (folder: string) => void): void {
  contents.on('will-navigate', (event) => {
    const folder = droppedFolder(event.url, event.isMainFrame);
    if (folder === null) return;
    event.preventDefault();
    open(folder);
  });
}
