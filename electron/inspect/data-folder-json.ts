import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writePrivateDataFile } from './private-data-file';

/**
 * The file of one evidence folder's settings of one kind in the app's data
 * folder (`<dataDir>/<kind>/<key>.json`), keyed like the index by the first
 * 32 hex digits of the SHA-256 of the folder's real path.
 */
export function dataFolderFile(dataDir: string, kind: string, folder: string): string {
  const key = createHash('sha256').update(folder).digest('hex').slice(0, 32);
  return join(dataDir, kind, `${key}.json`);
}

/** The parsed JSON of a data-folder file, or undefined when it does not exist; a file that is not JSON reads as null. */
export function readDataFolderJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Replaces a data-folder JSON file whole, the way every settings file of the data folder is written (`writePrivateDataFile`). */
export function writeDataFolderJson(folder: string, file: string, value: unknown, what: string): void {
  writePrivateDataFile(file, folder, `${JSON.stringify(value, null, 2)}\n`, what);
}
