import { realpathSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { createHandlers } from '../../electron/api/create-handlers';
import { InspectorService } from '../../electron/api/inspector-service';

const DONE = { phase: 'done', filesTotal: 1, filesDone: 1, bytesTotal: 1, bytesDone: 1, events: 1, message: null } as const;

/**
 * The API over a folder's finished index, as the app wires it but without an
 * ingest: nothing is indexing, cancelling or rescanning, and the clock is fixed.
 */
export function indexedService(folder: string, db: Database.Database, dataDir: string): InspectorService {
  return new InspectorService(
    createHandlers({
      db: () => db,
      folder: realpathSync(folder),
      dataDir,
      progress: () => DONE,
      cancelIndexing: async () => false,
      rescan: async () => false,
      applyTimeZones: async () => false,
      rebuiltBecause: () => null,
      now: () => new Date(0),
    }),
  );
}
