import { closeSync, existsSync, lstatSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { indexPathFor, isInsideFolder } from './index-location';

/**
 * The SQLite `application_id` (header offset 68) of every index this app writes:
 * "EXIN". It lets us tell our own index from any other file without opening it
 * with SQLite, which would create `-wal`/`-shm` files beside someone else's database.
 */
export const INDEX_APPLICATION_ID = 0x4558494e;

/** Why an index path was refused; the file it names is left exactly as it was. */
export class IndexPlacementRefused extends Error {
  override readonly name = 'IndexPlacementRefused';
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const SIDE_FILE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/**
 * Decides where the index of `folderRealPath` may live when asked for `dbPath`:
 * the real path after following every link (a symlinked directory or file), never
 * inside the evidence folder, and never an existing file that this app did not
 * make. Returns the real path to open; throws IndexPlacementRefused otherwise.
 * Nothing is created, deleted or modified here.
 */
export function placeIndex(folderRealPath: string, dbPath: string): string {
  const real = realPathForWriting(dbPath);
  if (isInsideFolder(folderRealPath, real) || isInsideFolder(folderRealPath, dirname(real))) {
    const shown = real === resolve(dbPath) ? real : `${resolve(dbPath)}, which is ${real}`;
    throw new IndexPlacementRefused(`the index must not be inside the evidence folder (${shown}); the folder is never written`);
  }
  if (isManagedIndexPath(folderRealPath, real)) return real;
  if (existsSync(real)) {
    // An empty file holds nothing to lose; it is also what a run killed right after creating the index leaves.
    if (!isOurIndexFile(real) && !isEmptyFile(real)) {
      throw new IndexPlacementRefused(`${real} exists and is not an index made by Execution Inspector; it is left untouched: name a new file or one of our indexes`);
    }
    return real;
  }
  const stray = SIDE_FILE_SUFFIXES.map((suffix) => real + suffix).find((side) => lexists(side));
  if (stray !== undefined) {
    throw new IndexPlacementRefused(`${stray} exists without its database; it is not ours to replace: name another index file`);
  }
  return real;
}

/**
 * True when the file starts with SQLite's header and carries our application id.
 * Reads 72 bytes; an unreadable or short file is not ours.
 */
export function isOurIndexFile(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(72);
    const read = readSync(fd, header, 0, header.length, 0);
    return read === header.length && header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC) && header.readUInt32BE(68) === INDEX_APPLICATION_ID;
  } finally {
    closeSync(fd);
  }
}

/**
 * True for the app's own index file of this folder in its data folder
 * (`…/indexes/<key>.sqlite`, the key derived from the folder's real path): only
 * we write there, so even an unreadable file at that name is ours to rebuild.
 */
export function isManagedIndexPath(folderRealPath: string, realDbPath: string): boolean {
  const dataDir = dirname(dirname(realDbPath));
  return basename(dirname(realDbPath)) === 'indexes' && indexPathFor(folderRealPath, dataDir) === realDbPath;
}

/**
 * The real path a write to `path` would reach: the path itself resolved when it
 * exists (a symlinked file counts as its target), otherwise its nearest existing
 * ancestor resolved with the missing parts appended. A link that leads nowhere
 * is refused, since writing through it would create a file we cannot see first.
 */
export function realPathForWriting(path: string): string {
  const absolute = resolve(path);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    if (existsSync(current)) break;
    if (lexists(current)) throw new IndexPlacementRefused(`${current} is a link to nothing; refusing to write through it`);
    const parent = dirname(current);
    if (parent === current) break;
    missing.unshift(basename(current));
    current = parent;
  }
  return join(realpathSync(current), ...missing);
}

function isEmptyFile(path: string): boolean {
  const stat = statSync(path);
  return stat.isFile() && stat.size === 0;
}

function lexists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
