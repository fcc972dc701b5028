import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Lists every directory of a folder (relative, with `/`, '' for the root) for
 * a scan that does not watch (the CLI's): by reading each directory, links not
 * followed (they may point outside the evidence folder or loop), the very
 * directories the watcher's walk finds (chokidar with followSymlinks off). A
 * walk through chokidar took 1.1–1.4 s for a folder of 10,000 files and 2,037
 * directories, stating every file; this takes 0.2 s. A directory that cannot
 * be read (removed meanwhile, no permission) is listed and not entered, as
 * chokidar does; the reconciler reports what it cannot read.
 */
export async function discoverDirectories(folder: string): Promise<ReadonlySet<string>> {
  const dirs = new Set<string>(['']);
  const pending = [''];
  for (let rel = pending.pop(); rel !== undefined; rel = pending.pop()) {
    let entries: Dirent[];
    try {
      entries = await readdir(rel === '' ? folder : join(folder, rel), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      // A link to a directory is no directory here (Dirent reads the link itself).
      if (!entry.isDirectory()) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      dirs.add(child);
      pending.push(child);
    }
  }
  return dirs;
}
