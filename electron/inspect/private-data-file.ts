import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isInsideFolder } from '../index/index-location';
import { realPathForWriting } from '../index/index-placement';

/**
 * Replaces a small settings file of the data folder whole: refused inside the
 * evidence folder (links followed), 0600 in a 0700 folder since settings name
 * the folder and its files, and through a temporary file and a rename, so a
 * crash leaves the previous file, never half of one.
 */
export function writePrivateDataFile(path: string, evidenceFolder: string, text: string, what: string): void {
  const file = realPathForWriting(path);
  if (isInsideFolder(evidenceFolder, file)) throw new Error(`refusing to save ${what} inside the evidence folder; the folder is never written`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  const temporary = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
