import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInsideFolder } from '../index/index-location';

/**
 * The real path a path has or would have: its own real path when it exists,
 * else the real path of its nearest existing ancestor with the missing rest
 * appended. A symbolic link anywhere on the way is therefore followed, so a
 * link to the evidence folder cannot pass for a place outside it.
 */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = dirname(absolute);
    // The root always exists; reaching it means the path cannot be resolved further.
    return parent === absolute ? absolute : join(realPathOf(parent), basename(absolute));
  }
}

/**
 * The opened folder (given by its real path) that `path` is, or lies inside,
 * compared both as written and through its real path; null when it is outside
 * all of them. The app never writes there.
 */
export function evidenceFolderHolding(folders: readonly string[], path: string): string | null {
  const real = realPathOf(path);
  return folders.find((folder) => isInsideFolder(folder, path) || isInsideFolder(folder, real)) ?? null;
}
