// Builds better-sqlite3 against Electron's headers into build/native/electron/,
// beside the Node build in node_modules, which is never touched: the tests and
// the CLI keep running on Node while the app loads this copy (its `nativeBinding`).
//
// It works on a scratch copy of the module in a temporary folder, with
// @electron/rebuild confined to that folder (projectRootPath), then copies the
// one .node file out. It needs the network once (a prebuilt binary through
// prebuild-install, or Electron's headers for node-gyp) and fails with a clear message without it.
// Usage: node build/scripts/rebuild-native-for-electron.mjs [--force]
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const moduleSource = join(root, 'node_modules', 'better-sqlite3');
const outDir = join(root, 'build', 'native', 'electron');
const target = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'built-for.json');

const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const electronVersion = versionOf('electron');
const sqliteVersion = versionOf('better-sqlite3');
const stamp = JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch });

class RebuildFailure extends Error {}

if (!process.argv.includes('--force') && existsSync(target) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
  console.log(`better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} is up to date: ${target}`);
} else {
  try {
    await buildForElectron();
    console.log(`wrote ${target}`);
  } catch (error) {
    console.error(`rebuild:electron: ${error instanceof RebuildFailure ? error.message : (error?.stack ?? error)}`);
    process.exitCode = 1;
  }
}

async function buildForElectron() {
  let rebuild;
  try {
    ({ rebuild } = await import('@electron/rebuild'));
  } catch (error) {
    throw new RebuildFailure(`@electron/rebuild is not installed (it comes with electron-builder; run npm ci): ${error.message}`);
  }
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
    console.log(`building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) in ${scratch} …`);
    try {
      await rebuild({ buildPath: scratch, projectRootPath: scratch, electronVersion, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
    } catch (error) {
      throw new RebuildFailure(
        [
          `could not build better-sqlite3 for Electron ${electronVersion}: ${error?.message ?? error}`,
          'This step needs the network once: it downloads a prebuilt binary, or Electron\'s headers from https://electronjs.org/headers',
          'to compile with node-gyp (which then also needs Python and a C++ toolchain). Nothing was changed; run it again when online.',
        ].join('\n'),
      );
    }
    const built = join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new RebuildFailure(`the rebuild finished without producing ${built}`);
    mkdirSync(outDir, { recursive: true });
    // The folder ignores itself: build output never belongs in git.
    writeFileSync(join(root, 'build', 'native', '.gitignore'), '*\n');
    cpSync(built, target);
    writeFileSync(stampFile, stamp);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
