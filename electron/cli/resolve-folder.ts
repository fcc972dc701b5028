import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoFolder } from '../api/demo-folder';
import { defaultDataDir, indexPathFor, isInsideFolder } from '../index/index-location';
import { UsageError } from './usage-error';

/** The evidence folder and the index file the CLI will use for it. */
export interface FolderTarget {
  readonly folder: string;
  readonly dbPath: string;
}

/**
 * Resolves the folder to its real path (the index key) and picks the index file,
 * refusing an unreadable folder and an index inside the evidence folder.
 */
export function resolveFolderTarget(folderArg: string | undefined, dbArg: string | undefined): FolderTarget {
  const given = folderArg ?? demoFolder();
  let folder: string;
  try {
    folder = realpathSync(given);
    if (!statSync(folder).isDirectory()) throw new UsageError(`not a folder: ${given}`);
    accessSync(folder, constants.R_OK | constants.X_OK);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read folder ${given}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dbPath = dbArg ? resolve(dbArg) : indexPathFor(folder, defaultDataDir());
  if (isInsideFolder(folder, dbPath) || isInsideFolder(folder, join(dbPath, '..'))) {
    throw new UsageError(`the index must not be inside the evidence folder (${dbPath}); the folder is never written`);
  }
  return { folder, dbPath };
}
