// `npm run rebuild:electron`: builds better-sqlite3 for Electron on this machine's
// platform and arch (or `--arch ARCH`) into build/native/electron/<os>-<arch>/,
// where `npm start` loads it. Installers build theirs per target arch in
// electron-builder's beforePack hook (before-pack.mjs).
// Usage: node build/scripts/rebuild-native-for-electron.mjs [--force] [--arch x64|arm64|ia32|armv7l]
import { ensureElectronBinding, RebuildFailure } from './electron-native-build.mjs';

const archFlag = process.argv.indexOf('--arch');
const arch = archFlag === -1 ? process.arch : process.argv[archFlag + 1];
try {
  const target = await ensureElectronBinding({ platform: process.platform, arch, force: process.argv.includes('--force') });
  console.log(`ready: ${target}`);
} catch (error) {
  console.error(`rebuild:electron: ${error instanceof RebuildFailure ? error.message : (error?.stack ?? error)}`);
  process.exitCode = 1;
}
