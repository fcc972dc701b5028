import { parseArgs } from 'node:util';
import { formatIndexReport, indexFolder } from './index-command';
import { resolveFolderTarget } from './resolve-folder';
import { UsageError } from './usage-error';

const USAGE = `usage: execution-inspector <command> [options]

commands:
  index [folder] [--db FILE] [--json]   index a folder of telemetry once (default: the bundled demo folder)

options:
  --db FILE   the index file (default: one per folder in the app's data folder)
  --json      print one JSON object instead of a readable summary`;

/** Runs the CLI; returns the process exit code. Output goes only to the given streams. */
export async function main(argv: readonly string[], out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'index') return await runIndex(rest, out, err);
    throw new UsageError(`unknown command "${command}" (try --help)`);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`execution-inspector: ${error.message}\n`);
      return 2;
    }
    err.write(`execution-inspector: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function runIndex(args: readonly string[], out: NodeJS.WriteStream, err: NodeJS.WriteStream): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' } });
  if (positionals.length > 1) throw new UsageError('index takes one folder');
  const target = resolveFolderTarget(positionals[0], values.db as string | undefined);
  const json = values.json === true;
  const { report, rebuiltBecause } = await indexFolder(target, !json && err.isTTY ? err : null);
  if (rebuiltBecause) err.write(`execution-inspector: the index was rebuilt: ${rebuiltBecause}\n`);
  out.write(json ? `${JSON.stringify(report)}\n` : `${formatIndexReport(target, report)}\n`);
  return 0;
}

function parseCommandArgs(args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

if (require.main === module) {
  void main(process.argv.slice(2), process.stdout, process.stderr).then((code) => {
    process.exitCode = code;
  });
}
