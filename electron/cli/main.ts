import type { CliCommand, CliIo } from './cli-command';
import { callCliCommand } from './call-cli-command';
import { compareCliCommand } from './compare-cli-command';
import { exportOtlpCliCommand } from './export-otlp-cli-command';
import { indexCliCommand } from './index-cli-command';
import { reportCliCommand } from './report-cli-command';
import { serveCliCommand } from './serve-cli-command';
import { UsageError } from './usage-error';
import { verifyCliCommand } from './verify-cli-command';

/** Every command of the CLI, in the order `--help` lists them. */
const COMMANDS: readonly CliCommand[] = [indexCliCommand, callCliCommand, serveCliCommand, verifyCliCommand, reportCliCommand, compareCliCommand, exportOtlpCliCommand];

function usage(): string {
  return ['usage: execution-inspector <command> [options]', '', 'commands:', ...COMMANDS.map((c) => `  ${c.usage}`)].join('\n');
}

/** Runs the CLI; returns the process exit code. Output goes only to the given streams. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      (name === undefined ? io.err : io.out).write(`${usage()}\n`);
      return name === undefined ? 2 : 0;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`unknown command "${name}" (try --help)`);
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`execution-inspector: ${message}\n`);
    if (isNativeLoadFailure(error)) io.err.write(`${NATIVE_MODULE_HINT}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}

/**
 * What to do when better-sqlite3's native module does not load: it was built
 * for another Node than the one running (node_modules built by Node 22, the CLI
 * started with a system Node 20, say).
 */
const NATIVE_MODULE_HINT = `better-sqlite3's native module was built for another Node than this one (${process.version}). Run the CLI as \`npm run -s cli -- …\`, which runs it under Node 22.12 or newer, or \`source build/scripts/use-node-22.sh\` first; or build it for this Node with \`node build/scripts/build-native-for-system-node.mjs\` (run by Node 22; needs this Node's headers).`;

/** Node's error loading it, in this thread (its code) or relayed from the ingest worker (its message only). */
function isNativeLoadFailure(error: unknown): boolean {
  return error instanceof Error && ((error as NodeJS.ErrnoException).code === 'ERR_DLOPEN_FAILED' || /better_sqlite3\.node/.test(error.message));
}

if (require.main === module) {
  void main(process.argv.slice(2), { out: process.stdout, err: process.stderr }).then((code) => {
    process.exitCode = code;
  });
}
