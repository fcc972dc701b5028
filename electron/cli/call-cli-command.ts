import { isApiMethod } from '../../shared/api/contract';
import { FolderInspector } from '../api/folder-inspector';
import { singleFolderHost } from '../api/host-handlers';
import { defaultDataDir } from '../index/index-location';
import type { CliCommand } from './cli-command';
import { parseCommandArgs } from './parse-command-args';
import { resolveFolderTarget } from './resolve-folder';
import { UsageError } from './usage-error';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';

/**
 * `call <method> ['<json request>'] --folder <folder> [--db FILE]`: indexes the
 * folder if needed, calls one API method and prints its JSON answer. A bad request
 * prints the typed error and exits 2.
 */
export const callCliCommand: CliCommand = {
  name: 'call',
  usage: `call <method> ['<json>'] --folder F [--db FILE] ${TIME_ZONE_USAGE}  call one API method and print its JSON answer`,
  async run(args, { out }) {
    const { values, positionals } = parseCommandArgs(args, { folder: { type: 'string' }, db: { type: 'string' }, ...TIME_ZONE_OPTIONS });
    const [method, json, ...extra] = positionals;
    if (method === undefined) throw new UsageError('call needs a method name');
    if (extra.length > 0) throw new UsageError('call takes one JSON request');
    if (!isApiMethod(method)) throw new UsageError(`unknown method "${method}"`);
    let request: unknown = {};
    if (json !== undefined) {
      try {
        request = JSON.parse(json);
      } catch (error) {
        throw new UsageError(`the request is not JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const target = resolveFolderTarget(values.folder as string | undefined, values.db as string | undefined);
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const host = singleFolderHost('call answers for the one folder it is given; folders are opened in the desktop app');
    const inspector = await FolderInspector.open({ folder: target.folder, dbPath: target.dbPath, dataDir: defaultDataDir(), watch: false, host });
    try {
      await inspector.initialScan();
      const result = await inspector.service.call(method, request);
      out.write(`${JSON.stringify(result.ok ? result.value : { error: result.error })}\n`);
      if (result.ok) return 0;
      return result.error.code === 'invalid_request' || result.error.code === 'not_found' || result.error.code === 'not_applicable' ? 2 : 1;
    } finally {
      await inspector.close();
    }
  },
};
