import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppLocation } from './app-location';

/**
 * Where better-sqlite3 built for Electron's ABI lives: in the repository, where
 * `npm run rebuild:electron` puts it beside (never over) the Node build in
 * node_modules; in an installed app, in the resources folder outside app.asar,
 * where electron-builder's `extraResources` puts the same file.
 */
export function electronSqliteBindingPath(location: AppLocation): string {
  return location.isPackaged ? join(location.resourcesPath, 'native', 'better_sqlite3.node') : join(location.appPath, 'build', 'native', 'electron', 'better_sqlite3.node');
}

/**
 * The Electron build of better-sqlite3, for the `nativeBinding` option of every
 * connection the app opens (its own read-only ones and the ingest worker's).
 * Throws with what to do when it was not built.
 */
export function electronSqliteBinding(location: AppLocation): string {
  const binding = electronSqliteBindingPath(location);
  if (!existsSync(binding)) {
    throw new Error(
      location.isPackaged
        ? `This installation is incomplete: ${binding} is missing. Reinstall Execution Inspector.`
        : `better-sqlite3 has not been built for Electron yet (expected ${binding}). Run \`npm run rebuild:electron\` once, then start the app again.`,
    );
  }
  return binding;
}
