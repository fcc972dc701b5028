// Where the Electron build of better-sqlite3 goes for each target, shared by
// `npm run rebuild:electron` (the host) and electron-builder's beforePack hook
// (every platform and arch packed). Pure: nothing here touches the disk.
import { join } from 'node:path';

/**
 * electron-builder's Arch enum, by value (builder-util, out/arch.js): a hook's
 * `context.arch` is one of these numbers.
 */
export const BUILDER_ARCHES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * electron-builder's name for a platform (`${os}` in file patterns: mac, linux,
 * win), from Node's (`process.platform`) or electron-builder's platform name (darwin, mas, linux, win32).
 */
export function builderOsKey(platform) {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'mac';
    case 'linux':
      return 'linux';
    case 'win32':
      return 'win';
    default:
      throw new Error(`no Electron build of better-sqlite3 for platform ${platform}`);
  }
}

/**
 * The better_sqlite3.node built for Electron on `platform`-`arch`, under the
 * repository `root`: build/native/electron/<os>-<arch>/. package.json's
 * extraResources names the same file as `build/native/electron/${os}-${arch}/…`.
 */
export function electronBindingFile(root, platform, arch) {
  return join(root, 'build', 'native', 'electron', `${builderOsKey(platform)}-${arch}`, 'better_sqlite3.node');
}

/**
 * What a beforePack hook must build for the pack described by electron-builder's
 * context: Node's platform and arch names, or null for the `universal` pass (macOS
 * packs x64 and arm64 separately first, each with its own binding, and
 * @electron/universal merges the two into one fat binary).
 */
export function packTarget(context) {
  const arch = BUILDER_ARCHES[context.arch];
  if (arch === undefined) throw new Error(`unknown electron-builder arch ${context.arch}`);
  if (arch === 'universal') return null;
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  builderOsKey(platform);
  return { platform, arch };
}
