// `npm run cli`: the CLI under the Node the project requires (22.12 or newer, as
// node_modules was built for it). npm runs this with whichever Node is first on
// PATH; where that one is older (this machine's system Node is 20), the CLI runs
// under the Node 22 that use-node-22.sh keeps in .cache/node22, fetched from the
// npm registry the first time, as .ci/run does. This is tooling, not the app:
// the CLI itself never starts a process.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = join(root, 'dist', 'electron', 'cli', 'main.js');
const args = process.argv.slice(2);
const [major, minor] = process.versions.node.split('.').map(Number);

if (major > 22 || (major === 22 && minor >= 12)) {
  const { main } = createRequire(import.meta.url)(cli);
  process.exitCode = await main(args, { out: process.stdout, err: process.stderr });
} else if (process.platform === 'linux' && process.arch === 'x64') {
  const useNode22 = join(root, 'build', 'scripts', 'use-node-22.sh');
  const run = spawnSync('bash', ['-c', 'source "$0" && exec node "$@"', useNode22, cli, ...args], {
    stdio: 'inherit',
    env: { ...process.env, USE_NODE_22_QUIET: '1' },
  });
  process.exitCode = run.status ?? 1;
} else {
  console.error(`execution-inspector: this is Node ${process.version}; the CLI needs Node 22.12 or newer (the version node_modules was built with).`);
  process.exitCode = 2;
}
