import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The built CLI, run as users run it (`node dist/electron/cli/main.js`): compiled to dist/test/support, dist is two folders up. */
export const CLI = join(__dirname, '..', '..', 'electron', 'cli', 'main.js');

/** What a CLI run gave: its exit code (null when killed, e.g. by the timeout) and everything it wrote. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How a CLI run differs from one test to another. */
export interface CliRunOptions {
  /** The CLI's data folder (`EXECUTION_INSPECTOR_DATA_DIR`: managed indexes, zones, journal): a test's own, never the user's. */
  readonly dataDir: string;
  /** Kills a run that hangs after this long, so a test fails instead of waiting for the runner's timeout. */
  readonly timeoutMs?: number;
}

/**
 * Runs the CLI to its end in a child process and returns its exit code and
 * output. One helper for every CLI test, so that each runs the CLI the same way
 * (the same binary, the environment of the test with only the data folder
 * replaced) and a change to how it is started is made once.
 */
export function runCli(args: readonly string[], { dataDir, timeoutMs }: CliRunOptions): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, EXECUTION_INSPECTOR_DATA_DIR: dataDir },
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }),
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
