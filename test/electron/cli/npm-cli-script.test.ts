import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

/** The repository root: this file is compiled to dist/test/electron/cli. */
const ROOT = join(__dirname, '..', '..', '..', '..');
const LAUNCHER = join(ROOT, 'build', 'scripts', 'cli.mjs');

/** `npm run cli` as npm runs it: the launcher, under the given Node. */
function runCliScript(node: string, args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(node, [LAUNCHER, ...args], {
    encoding: 'utf8',
    env: { ...process.env, EXECUTION_INSPECTOR_DATA_DIR: tempFolder('npm-cli-data') },
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A Node older than the project's 22.12 on this machine (its system Node), if there is one. */
function olderSystemNode(): string | null {
  const node = '/usr/bin/node';
  if (!existsSync(node)) return null;
  const version = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major < 22 || (major === 22 && minor < 12) ? node : null;
}

describe('npm run cli', () => {
  it('is the launcher', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts.cli, 'node build/scripts/cli.mjs');
  });

  it('verifies the real producers\' files under the Node that runs it, exit code and output as the CLI gives them', () => {
    const run = runCliScript(process.execPath, ['verify', PRODUCER_SAMPLES]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Result: no chain is broken and no execution_hash mismatches/);
    assert.equal(runCliScript(process.execPath, ['verify', join(PRODUCER_SAMPLES, 'no-such-folder')]).code, 2);
  });

  const older = olderSystemNode();
  it('runs the CLI under Node 22 when npm\'s Node is older (the system Node 20 here), where node_modules was built for 22', { skip: older === null ? 'no Node older than 22.12 at /usr/bin/node' : false }, () => {
    const run = runCliScript(older as string, ['verify', PRODUCER_SAMPLES]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Result: no chain is broken and no execution_hash mismatches/);
    assert.doesNotMatch(run.stderr, /use-node-22|better_sqlite3/);
  });
});

describe('the CLI run directly with the system\'s older Node', () => {
  it('has better-sqlite3 built for it after every install (postinstall)', () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    assert.equal(scripts.postinstall, 'node build/scripts/build-native-for-system-node.mjs');
  });

  // The install builds for it where its headers are installed (Debian's libnode-dev, as here and on CI).
  const older = olderSystemNode();
  const buildable = older !== null && existsSync(join(older, '..', '..', 'include', 'node', 'node.h'));
  it('verifies the real producers\' files with exit 0, loading the build made for it', { skip: buildable ? false : 'no Node older than 22.12 with headers at /usr/bin/node' }, () => {
    const run = spawnSync(older as string, [join(ROOT, 'dist', 'electron', 'cli', 'main.js'), 'verify', PRODUCER_SAMPLES], {
      encoding: 'utf8',
      env: { ...process.env, EXECUTION_INSPECTOR_DATA_DIR: tempFolder('direct-cli-data') },
      timeout: 120_000,
    });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Result: no chain is broken and no execution_hash mismatches/);
  });
});
