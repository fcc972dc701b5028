// electron-builder's beforePack hook: before each platform/arch is packed, the
// Electron build of better-sqlite3 for exactly that platform and arch is built
// (or found up to date) in build/native/electron/<os>-<arch>/, which package.json's
// extraResources ships as resources/native/better_sqlite3.node. A macOS universal
// build packs x64 and arm64 one after the other (each through this hook), then
// merges them, making the two bindings one fat binary.
import { ensureElectronBinding } from './electron-native-build.mjs';
import { packTarget } from './native-targets.mjs';

/** Called by electron-builder with its pack context (electronPlatformName, arch, appOutDir, packager…). */
export default async function beforePack(context) {
  const target = packTarget(context);
  if (target === null) return;
  await ensureElectronBinding(target);
}
