import { strict as assert } from 'node:assert';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import type Database from 'better-sqlite3';
import { createHandlers } from '../../electron/api/create-handlers';
import { InspectorService } from '../../electron/api/inspector-service';
import { openIndexReadOnly } from '../../electron/index/open-index';
import { API, type ApiMethod, type ApiRequest, type ApiResponse } from '../../shared/api/contract';
import { indexOnce } from './index-folder';
import { tempFolder } from './temp-folder';

const DONE = { phase: 'done', filesTotal: 1, filesDone: 1, bytesTotal: 1, bytesDone: 1, events: 1, message: null, enrichment: null } as const;

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
      enriched: async () => undefined,
      rebuiltBecause: () => null,
      now: () => new Date(0),
    }),
  );
}

/** The API of a folder indexed once for a test file, read through the contract's response schemas. */
export interface IndexedApi {
  readonly dbPath: string;
  /** The read-only connection, open between the file's first and last test. */
  db(): Database.Database;
  /** Calls a method and parses its answer with the contract's response schema; a failure fails the test. */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
}

/**
 * Indexes `folder` before the file's tests (after `prepare`, which writes it)
 * into `dbPath` (a new index unless given) and serves its API to them; closed after them. Called at the top of a test
 * file: its temporary folders must outlive the hooks.
 */
export function indexedApi(folder: string, prepare: () => unknown = () => undefined, dbPath = join(tempFolder('api-db'), 'index.sqlite')): IndexedApi {
  const dataDir = tempFolder('api-data');
  let db: Database.Database | null = null;
  let service: InspectorService | null = null;
  before(async () => {
    await prepare();
    await indexOnce(folder, dbPath);
    db = openIndexReadOnly(dbPath);
    service = indexedService(folder, db, dataDir);
  });
  after(() => db?.close());
  return {
    dbPath,
    db: () => db ?? assert.fail('the index is open during the tests only'),
    async call(method, request) {
      const result = await (service ?? assert.fail('the API is served during the tests only')).call(method, request);
      if (!result.ok) assert.fail(`${method} failed: ${result.error.code} ${result.error.message}`);
      return API[method].response.parse(result.value) as ApiResponse<typeof method>;
    },
  };
}
