import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The environment variable that moves the app's data folder (tests, portable installs). */
export const DATA_DIR_ENV = 'EXECUTION_INSPECTOR_DATA_DIR';

/**
 * The app's own data folder, where Electron's `userData` would be for "Execution Inspector";
 * the CLI and the app agree on it so an index built by one is reused by the other.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const override = env[DATA_DIR_ENV];
  if (override) return resolve(override);
  const name = 'Execution Inspector';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name);
}

/** One index file per opened folder, keyed by the folder's real path. */
export function indexPathFor(folderRealPath: string, dataDir: string): string {
  const key = createHash('sha256').update(folderRealPath).digest('hex').slice(0, 32);
  return join(dataDir, 'indexes', `${key}.sqlite`);
}

/** True when `candidate` is the folder itself or lies inside it: the evidence folder is never written. */
export function isInsideFolder(folderRealPath: string, candidate: string): boolean {
  const rel = relative(folderRealPath, resolve(candidate));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
