import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: { readonly file: string | undefined } | null = null;

/**
 * better-sqlite3 built for the Node running now, where npm's install built the
 * module for another one: the CLI run with the system's older Node
 * (`node dist/electron/cli/main.js …`) loads this copy, which
 * build/scripts/build-native-for-system-node.mjs leaves beside the module's own
 * build after every install. Undefined when there is none: the module's own
 * build is loaded, as under the Node that installed it. The app passes its
 * Electron build explicitly and never gets here.
 */
export function sqliteBindingForThisNode(): string | undefined {
  cached ??= { file: find() };
  return cached.file;
}

function find(): string | undefined {
  let moduleDir: string;
  try {
    moduleDir = dirname(require.resolve('better-sqlite3/package.json'));
  } catch {
    return undefined;
  }
  const file = join(moduleDir, 'build', `node-v${process.versions.modules}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
  return existsSync(file) ? file : undefined;
}
