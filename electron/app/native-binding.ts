import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppLocation } from './app-location';

/**
 * electron-builder's name of a platform (its `${os}`): the per-target folders of
 * the Electron build are named `<os>-<arch>`, as build/scripts/native-targets.mjs
 * names them when it builds them (a test keeps the two equal).
 */
export function builderOsKey(platform: NodeJS.Platform): 'mac' | 'linux' | 'win' {
  if (platform === 'darwin') return 'mac';
  if (platform === 'win32') return 'win';
  if (platform === 'linux') return 'linux';
  throw new Error(`Execution Inspector has no build for ${platform}`);
}

/**
 * Where better-sqlite3 built for Electron's ABI lives: in the repository, where
 * `npm run rebuild:electron` puts it beside (never over) the Node build in
 * node_modules, one folder per platform and arch; in an installed app, in the
 * resources folder outside app.asar, where electron-builder's `extraResources`
 * puts the build for the arch that was packed (both slices in one file for a
 * macOS universal app).
 */
export function electronSqliteBindingPath(location: AppLocation, platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  return location.isPackaged
    ? join(location.resourcesPath, 'native', 'better_sqlite3.node')
    : join(location.appPath, 'build', 'native', 'electron', `${builderOsKey(platform)}-${arch}`, 'better_sqlite3.node');
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
