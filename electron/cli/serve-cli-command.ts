import { FolderInspector } from '../api/folder-inspector';
import { defaultDataDir } from '../index/index-location';
import { createBridgeToken } from '../bridge/bridge-token';
import type { CliCommand } from './cli-command';
import { HttpBridgeServer } from '../bridge/http-bridge-server';
import { parseCommandArgs } from './parse-command-args';
import { resolveFolderTarget } from './resolve-folder';
import { defaultStaticRoot } from '../bridge/static-files';
import { UsageError } from './usage-error';
import { applyTimeZoneFlags, TIME_ZONE_OPTIONS, TIME_ZONE_USAGE } from './time-zone-flags';

/**
 * `serve [folder] [--port N] [--db FILE]`: follows the folder and serves the
 * renderer and the API to a browser on 127.0.0.1, behind a fresh token, until
 * SIGINT or SIGTERM. Prints one line, the URL to open; nothing else on stdout.
 */
export const serveCliCommand: CliCommand = {
  name: 'serve',
  usage: `serve [folder] [--port N] [--db FILE] ${TIME_ZONE_USAGE}  serve the inspector to a browser on 127.0.0.1 (token in the printed URL)`,
  async run(args, { out, err }) {
    const { values, positionals } = parseCommandArgs(args, { port: { type: 'string' }, db: { type: 'string' }, ...TIME_ZONE_OPTIONS });
    if (positionals.length > 1) throw new UsageError('serve takes one folder');
    const port = parsePort(values.port as string | undefined);
    const target = resolveFolderTarget(positionals[0], values.db as string | undefined);
    applyTimeZoneFlags(values, target.folder, defaultDataDir());
    const stopped = waitForStopSignal();
    const inspector = await FolderInspector.open({ folder: target.folder, dbPath: target.dbPath, dataDir: defaultDataDir(), watch: true });
    let server: HttpBridgeServer | null = null;
    try {
      server = await HttpBridgeServer.start({ target: inspector, token: createBridgeToken(), port, staticRoot: defaultStaticRoot() });
      out.write(`Serving ${inspector.folder} at ${server.url}\n`);
      inspector.initialScan().catch((error: unknown) => err.write(`execution-inspector: indexing failed: ${error instanceof Error ? error.message : String(error)}\n`));
      await stopped.signal;
      return 0;
    } finally {
      stopped.dispose();
      await server?.close();
      await inspector.close();
    }
  },
};

/** The port option: an integer 0..65535, 0 (the default) for a free one. */
function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) throw new UsageError(`--port must be a number from 0 to 65535, not "${value}"`);
  return Number(value);
}

/** Resolves on the first SIGINT or SIGTERM; `dispose` removes the handlers again. */
function waitForStopSignal(): { signal: Promise<NodeJS.Signals>; dispose(): void } {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const signal = new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve));
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal,
    dispose() {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}
