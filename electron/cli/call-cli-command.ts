import { isApiMethod } from '../../shared/api/contract';
import { FolderInspector } from '../api/folder-inspector';
import { singleFolderHost } from '../api/host-handlers';
import { defaultDataDir } from '../index/index-location';
import type { CliCommand } from './cli-command';
import { parseCommandArgs } from './parse-command-args';
import { resolveFolderTarget } from './resolve-folder';
import { UsageError } from './usage-error';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';

/** Methods that write a journal entry signed by a reviewer: `--reviewer` fills the request's `reviewer` when it names none. */
const SIGNED_METHODS: ReadonlySet<string> = new Set(['addNote', 'editNote', 'deleteNote', 'acknowledgeRollback']);

/**
 * `call <method> ['<json request>'] --folder <folder> [--db FILE] [--reviewer NAME]`:
 * indexes the folder if needed, calls one API method and prints its JSON answer.
 * A bad request prints the typed error and exits 2.
 */
export const callCliCommand: CliCommand = {
  name: 'call',
  usage: `call <method> ['<json>'] --folder F [--db FILE] [--reviewer NAME] ${TIME_ZONE_USAGE}  call one API method and print its JSON answer`,
  async run(args, { out }) {
    const { values, positionals } = parseCommandArgs(args, { folder: { type: 'string' }, db: { type: 'string' }, reviewer: { type: 'string' }, ...TIME_ZONE_OPTIONS });
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
    const reviewer = values.reviewer as string | undefined;
    if (reviewer !== undefined) {
      if (!SIGNED_METHODS.has(method)) throw new UsageError(`--reviewer signs journal entries; ${method} writes none`);
      if (typeof request === 'object' && request !== null && !Array.isArray(request) && !('reviewer' in request)) request = { ...request, reviewer };
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
