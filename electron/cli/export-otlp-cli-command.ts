import { closeSync, openSync, writeSync } from 'node:fs';
import { API } from '../../shared/api/contract';
import { FolderInspector } from '../api/folder-inspector';
import { defaultDataDir } from '../index/index-location';
import type { CliCommand } from './cli-command';
import { parseCommandArgs } from './parse-command-args';
import { outputPath } from './report-cli-command';
import { resolveFolderTarget } from './resolve-folder';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';
import { UsageError } from './usage-error';

/** Executions asked of the API at a time: each answer holds their spans in memory once. */
const CHUNK = 50;

/**
 * `export-otlp <folder> [--execution ID …] [--out FILE] [--db FILE]`: indexes the
 * folder once and writes the named executions (every one when none is named) as
 * OTLP/JSON traces, one `ExportTraceServiceRequest` a line, the format the
 * OpenTelemetry Collector's OTLP JSON file receiver reads. An --out inside the
 * evidence folder is refused.
 */
export const exportOtlpCliCommand: CliCommand = {
  name: 'export-otlp',
  usage: `export-otlp <folder> [--execution ID ...] [--out FILE] [--db FILE] ${TIME_ZONE_USAGE}  write executions as OTLP/JSON traces`,
  async run(args, { out, err }) {
    const { values, positionals } = parseCommandArgs(args, {
      execution: { type: 'string', multiple: true },
      out: { type: 'string' },
      db: { type: 'string' },
      ...TIME_ZONE_OPTIONS,
    });
    if (positionals.length !== 1) throw new UsageError('export-otlp takes one folder');
    const named = (values.execution as readonly string[] | undefined) ?? [];
    if (named.some((id) => id === '')) throw new UsageError('--execution needs an id <family>:<key>');
    const target = resolveFolderTarget(positionals[0], values.db as string | undefined);
    const outPath = typeof values.out === 'string' ? outputPath(target.folder, values.out) : null;
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const inspector = await FolderInspector.open({ folder: target.folder, dbPath: target.dbPath, dataDir: defaultDataDir(), watch: false });
    const fd = outPath === null ? null : openSync(outPath, 'w');
    try {
      await inspector.initialScan();
      const ids = named.length > 0 ? [...new Set(named)] : await allExecutionIds(inspector);
      let exported = 0;
      for (let at = 0; at < ids.length; at += CHUNK) {
        const result = await inspector.service.call('exportOtlp', { ids: ids.slice(at, at + CHUNK) });
        if (!result.ok) {
          // A chunk of executions without any time is "not applicable"; anything else stops the export.
          if (result.error.code === 'not_applicable') {
            err.write(`execution-inspector: skipped: ${result.error.message}\n`);
            continue;
          }
          err.write(`execution-inspector: ${result.error.message}\n`);
          return result.error.code === 'invalid_request' || result.error.code === 'not_found' ? 2 : 1;
        }
        const answer = API.exportOtlp.response.parse(result.value);
        if (fd === null) out.write(answer.content);
        else writeSync(fd, answer.content);
        exported += answer.exported;
        for (const skipped of answer.skipped) err.write(`execution-inspector: skipped ${skipped.id}: ${skipped.reason}\n`);
      }
      err.write(`execution-inspector: exported ${exported} of ${ids.length} execution${ids.length === 1 ? '' : 's'}${outPath === null ? '' : ` to ${outPath}`}\n`);
      return 0;
    } finally {
      if (fd !== null) closeSync(fd);
      await inspector.close();
    }
  },
};

async function allExecutionIds(inspector: FolderInspector): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = await inspector.service.call('listExecutions', { sort: 'start', limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    if (!result.ok) throw new Error(result.error.message);
    const page = API.listExecutions.response.parse(result.value);
    ids.push(...page.items.map((row) => row.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
}
