import type { CliCommand } from './cli-command';
import { formatIndexReport, indexFolder } from './index-command';
import { parseCommandArgs } from './parse-command-args';
import { resolveFolderTarget } from './resolve-folder';
import { UsageError } from './usage-error';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';
import { defaultDataDir } from '../index/index-location';

/** `index [folder] [--db FILE] [--json]`: index a folder once and print its counts. */
export const indexCliCommand: CliCommand = {
  name: 'index',
  usage: `index [folder] [--db FILE] [--json] ${TIME_ZONE_USAGE}  index a folder once (default: the bundled demo folder)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseCommandArgs(args, { db: { type: 'string' }, json: { type: 'boolean' }, ...TIME_ZONE_OPTIONS });
    if (positionals.length > 1) throw new UsageError('index takes one folder');
    const target = resolveFolderTarget(positionals[0], values.db as string | undefined);
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const json = values.json === true;
    const { report, rebuiltBecause } = await indexFolder(target, !json && err.isTTY ? err : null);
    if (rebuiltBecause) err.write(`execution-inspector: the index was rebuilt: ${rebuiltBecause}\n`);
    out.write(json ? `${JSON.stringify(report)}\n` : `${formatIndexReport(target, report)}\n`);
    return 0;
  },
};
