// Builds better-sqlite3 against Electron's headers for one platform and arch into
// build/native/electron/<os>-<arch>/, beside the Node build in node_modules, which
// is never touched: the tests and the CLI keep running on Node while the app loads
// this copy (its `nativeBinding`).
//
// It works on a scratch copy of the module in a temporary folder, with
// @electron/rebuild confined to that folder (projectRootPath), then copies the
// one .node file out. It needs the network once (a prebuilt binary through
// prebuild-install, or Electron's headers for node-gyp) and fails with a clear
// message without it. Another arch of the same platform comes from a prebuilt
// binary or a cross-compiling toolchain; another platform only from a prebuilt one.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBindingFile } from './native-targets.mjs';

/** The repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A failure with a message meant for the person running the build. */
export class RebuildFailure extends Error {}

const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

/**
 * Makes sure build/native/electron/<os>-<arch>/better_sqlite3.node is built for
 * this Electron and better-sqlite3 (a stamp beside it says for what); builds it
 * when not, or when `force`. Returns the file.
 */
export async function ensureElectronBinding({ platform, arch, force = false, log = console.log }) {
  const target = electronBindingFile(root, platform, arch);
  const stampFile = join(dirname(target), 'built-for.json');
  const electronVersion = versionOf('electron');
  const sqliteVersion = versionOf('better-sqlite3');
  const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch });
  if (!force && existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) is up to date: ${target}`);
    return target;
  }
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch (error) {
    throw new RebuildFailure(`@electron/rebuild is not installed (it comes with electron-builder; run npm ci): ${error.message}`);
  }
  const moduleSource = join(root, 'node_modules', 'better-sqlite3');
  const scratch = mkdtempSync(join(tmpdir(), 'ei-native-'));
  try {
    const moduleDir = join(scratch, 'node_modules', 'better-sqlite3');
    // Without the Node build, so nothing left in the scratch copy can pass for the result.
    cpSync(moduleSource, moduleDir, { recursive: true, filter: (source) => !source.startsWith(join(moduleSource, 'build')) });
    // prebuild-install (a dependency of better-sqlite3) lets @electron/rebuild fetch a prebuilt
    // binary before falling back to node-gyp, which needs a C++ toolchain.
    const prebuildInstall = join(root, 'node_modules', 'prebuild-install');
    if (existsSync(prebuildInstall)) symlinkSync(prebuildInstall, join(scratch, 'node_modules', 'prebuild-install'), 'junction');
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'native-scratch', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
    log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch}) in ${scratch} …`);
    try {
      await rebuild({ buildPath: scratch, projectRootPath: scratch, electronVersion, platform, arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    } catch (error) {
      throw new RebuildFailure(
        [
          `could not build better-sqlite3 for Electron ${electronVersion} (${platform}-${arch}): ${error?.message ?? error}`,
          'This step needs the network once: it downloads a prebuilt binary, or Electron\'s headers from https://electronjs.org/headers',
          'to compile with node-gyp (which then also needs Python and a C++ toolchain for that arch). Nothing was changed; run it again when online.',
        ].join('\n'),
      );
    }
    const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new RebuildFailure(`the rebuild finished without producing ${built}`);
    mkdirSync(dirname(target), { recursive: true });
    // The folder ignores itself: build output never belongs in git.
    writeFileSync(join(root, 'build', 'native', '.gitignore'), '*\n');
    cpSync(built, target);
    writeFileSync(stampFile, stamp);
    return target;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
