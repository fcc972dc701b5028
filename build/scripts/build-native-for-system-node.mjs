// Run after every install (package.json's postinstall). npm installs better-sqlite3 for
// the Node that runs npm: Node 22 here, through use-node-22.sh. A machine whose own
// Node is older (Debian's 20) then fails to load it when the CLI is run with that
// Node (`node dist/electron/cli/main.js verify …`). This builds the module once more
// for each other Node found (/usr/bin/node, /usr/local/bin/node, every node on PATH)
// whose headers are installed, and leaves it beside the module's own build as
// node_modules/better-sqlite3/build/node-v<ABI>-<platform>-<arch>/better_sqlite3.node,
// which electron/index/sqlite-binding.ts loads under that Node. The module's own build
// is never touched.
//
// It never fails an install: a Node without headers, or without a compiler, is
// reported and skipped (the CLI then says which Node to use).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const moduleDir = join(root, 'node_modules', 'better-sqlite3');
const nodeGyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');

/** Where the build for a Node of this ABI goes; sqlite-binding.ts looks in the same place. */
function bindingFile(abi, platform, arch) {
  return join(moduleDir, 'build', `node-v${abi}-${platform}-${arch}`, 'better_sqlite3.node');
}

/** The other Node binaries on this machine, each once. */
function otherNodes() {
  const candidates = ['/usr/bin/node', '/usr/local/bin/node', ...(process.env.PATH ?? '').split(delimiter).filter(Boolean).map((dir) => join(dir, 'node'))];
  const self = realpathSync(process.execPath);
  const seen = new Set([self]);
  const found = [];
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    const real = realpathSync(candidate);
    if (seen.has(real)) continue;
    seen.add(real);
    found.push(real);
  }
  return found;
}

/** A Node's version, ABI, platform and arch, or null when it does not run. */
function describe(node) {
  try {
    return JSON.parse(execFileSync(node, ['-p', 'JSON.stringify({ version: process.version, abi: process.versions.modules, platform: process.platform, arch: process.arch })'], { encoding: 'utf8' }));
  } catch {
    return null;
  }
}

/** Builds better-sqlite3 for one Node on a scratch copy of the module, with that Node's own headers. */
function buildFor(node, info, prefix, target) {
  const scratch = mkdtempSync(join(tmpdir(), 'ei-native-node-'));
  try {
    const copy = join(scratch, 'better-sqlite3');
    cpSync(moduleDir, copy, { recursive: true, filter: (source) => !source.startsWith(join(moduleDir, 'build')) });
    // Without npm's own settings: under `npm ci` they name Node 22's headers (npm_config_nodedir, from use-node-22.sh),
    // and node-gyp would build for Node 22 again whatever --nodedir says.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
    execFileSync(node, [nodeGyp, 'rebuild', '--release', `--nodedir=${prefix}`], { cwd: copy, env, stdio: ['ignore', 'ignore', 'pipe'] });
    // A build for the wrong Node must never be left where that Node would load it.
    const abi = execFileSync(node, ['-p', `require(${JSON.stringify(join(copy, 'build', 'Release', 'better_sqlite3.node'))}) && process.versions.modules`], { encoding: 'utf8' }).trim();
    if (abi !== info.abi) throw new Error(`the build does not load under ${node}`);
    const built = join(copy, 'build', 'Release', 'better_sqlite3.node');
    if (!existsSync(built)) throw new Error(`node-gyp finished without ${built}`);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(built, target);
    writeFileSync(join(dirname(target), 'built-for.json'), JSON.stringify({ node: info.version, betterSqlite3: versionOfModule() }));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function versionOfModule() {
  return JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')).version;
}

if (!existsSync(moduleDir) || !existsSync(nodeGyp)) {
  console.log('build-native-for-system-node: better-sqlite3 or node-gyp is not installed; nothing to build');
} else {
  for (const node of otherNodes()) {
    const info = describe(node);
    if (info === null || info.abi === process.versions.modules) continue;
    const target = bindingFile(info.abi, info.platform, info.arch);
    const stamp = join(dirname(target), 'built-for.json');
    if (existsSync(target) && existsSync(stamp) && JSON.parse(readFileSync(stamp, 'utf8')).betterSqlite3 === versionOfModule()) continue;
    // node-gyp takes the headers of an installed Node (Debian's libnode-dev, an official tarball) instead of downloading them.
    const prefix = dirname(dirname(node));
    if (!existsSync(join(prefix, 'include', 'node', 'node.h'))) {
      console.log(`build-native-for-system-node: ${node} (${info.version}) has no headers in ${join(prefix, 'include', 'node')}; the CLI runs under it only through \`npm run cli\``);
      continue;
    }
    try {
      console.log(`build-native-for-system-node: building better-sqlite3 for ${node} (${info.version}) …`);
      buildFor(node, info, prefix, target);
      console.log(`build-native-for-system-node: ready: ${target}`);
    } catch (error) {
      const detail = error?.stderr ? String(error.stderr).trim().split('\n').slice(-5).join('\n') : (error?.message ?? String(error));
      console.log(`build-native-for-system-node: could not build for ${node} (${info.version}); the CLI runs under it only through \`npm run cli\`:\n${detail}`);
    }
  }
}
