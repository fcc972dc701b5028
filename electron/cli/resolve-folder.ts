import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { demoFolder } from '../api/demo-folder';
import { defaultDataDir, indexPathFor } from '../index/index-location';
import { IndexPlacementRefused, placeIndex } from '../index/index-placement';
import { UsageError } from './usage-error';

/** The evidence folder and the index file the CLI will use for it. */
export interface FolderTarget {
  readonly folder: string;
  readonly dbPath: string;
}

/**
 * Resolves the folder to its real path (the index key) and picks the index file
 * (its real path), refusing an unreadable folder, an index inside the evidence
 * folder (also through links) and an existing file that is not one of our indexes.
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
  try {
    return { folder, dbPath: placeIndex(folder, dbArg ?? indexPathFor(folder, defaultDataDir())) };
  } catch (error) {
    if (error instanceof IndexPlacementRefused) throw new UsageError(error.message);
    throw error;
  }
}
