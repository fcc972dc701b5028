import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInsideFolder } from '../index/index-location';
import { realPathForWriting } from '../index/index-placement';

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

/**
 * Replaces a data-folder file whole: refused anywhere inside the evidence
 * folder (also through a linked data folder), written through a temporary file
 * and a rename so a crash leaves the previous version, never half a file; 0600
 * in a 0700 folder, since it names the folder and its executions.
 */
export function writeDataFolderJson(folder: string, file: string, value: unknown, what: string): void {
  const real = realPathForWriting(file);
  if (isInsideFolder(folder, real)) throw new Error(`refusing to save ${what} inside the evidence folder; the folder is never written`);
  mkdirSync(dirname(real), { recursive: true, mode: 0o700 });
  chmodSync(dirname(real), 0o700);
  const temporary = join(dirname(real), `.${basename(real)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, real);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
