import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { API } from '../../shared/api/contract';
import { FolderInspector } from '../api/folder-inspector';
import { defaultDataDir, isInsideFolder } from '../index/index-location';
import type { CliCommand } from './cli-command';
import { parseCommandArgs } from './parse-command-args';
import { resolveFolderTarget } from './resolve-folder';
import { UsageError } from './usage-error';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';

const FORMATS = ['md', 'html', 'json'] as const;

/**
 * `report <folder> --execution <id> [--format md|html|json] [--out FILE] [--db FILE]`:
 * indexes the folder once and writes one execution's incident report to a file
 * or stdout. An --out inside the evidence folder is refused: the folder is never written.
 */
export const reportCliCommand: CliCommand = {
  name: 'report',
  usage: `report <folder> --execution ID [--format md|html|json] [--out FILE] [--db FILE] ${TIME_ZONE_USAGE}  write an incident report`,
  async run(args, { out, err }) {
    const { values, positionals } = parseCommandArgs(args, {
      execution: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      db: { type: 'string' },
      ...TIME_ZONE_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('report takes one folder');
    const id = values.execution;
    if (typeof id !== 'string' || id === '') throw new UsageError('report needs --execution <family>:<key>');
    const format = values.format ?? 'md';
    if (!(FORMATS as readonly unknown[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
    const target = resolveFolderTarget(positionals[0], values.db as string | undefined);
    const outPath = typeof values.out === 'string' ? outputPath(target.folder, values.out) : null;
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const inspector = await FolderInspector.open({ folder: target.folder, dbPath: target.dbPath, dataDir: defaultDataDir(), watch: false });
    try {
      await inspector.initialScan();
      const result = await inspector.service.call('exportReport', { id, format });
      if (!result.ok) {
        err.write(`execution-inspector: ${result.error.message}\n`);
        return result.error.code === 'invalid_request' || result.error.code === 'not_found' || result.error.code === 'not_applicable' ? 2 : 1;
      }
      const report = API.exportReport.response.parse(result.value);
      if (outPath === null) {
        out.write(report.content);
      } else {
        writeFileSync(outPath, report.content, 'utf8');
        err.write(`execution-inspector: wrote ${outPath}\n`);
      }
      return 0;
    } finally {
      await inspector.close();
    }
  },
};

/**
 * The absolute --out path, refused when it is (or, through a symlink, resolves
 * to) a place inside the evidence folder.
 */
export function outputPath(folder: string, given: string): string {
  const absolute = resolve(given);
  const parent = dirname(absolute);
  if (!existsSync(parent)) throw new UsageError(`cannot write ${given}: ${parent} does not exist`);
  const real = existsSync(absolute) ? realpathSync(absolute) : join(realpathSync(parent), basename(absolute));
  if (isInsideFolder(folder, absolute) || isInsideFolder(folder, real)) {
    throw new UsageError(`the report must not be written inside the evidence folder (${absolute}); the folder is never written`);
  }
  return absolute;
}
