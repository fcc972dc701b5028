import { strict as assert } from 'node:assert';
import type Database from 'better-sqlite3';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import { createHandlers } from '../../../electron/api/create-handlers';
import type { HandlerContext } from '../../../electron/api/handler-context';
import { InspectorService } from '../../../electron/api/inspector-service';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { JournalTargets } from '../../../electron/index/queries/journal-targets';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import type { ApiError } from '../../../shared/api/api-result';
import { API, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import { indexOnce } from '../../support/index-folder';
import { staticHandlerContext } from '../../support/static-handler-context';
import { tempFolder } from '../../support/temp-folder';

/** An indexed folder and the API over it, as the app wires it (query handlers included). */
export interface Inspection {
  readonly folder: string;
  readonly dbPath: string;
  readonly dataDir: string;
  readonly service: InspectorService;
  /** Calls a method, asserts success and that the answer parses with the contract's response schema. */
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>>;
  /** Calls a method and returns its typed failure, asserting that it failed. */
  fail<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiError>;
}

/** The demo folder indexed once, its read-only index (closed after the test file) and the journal's target lookups over it. */
export async function indexedDemo(prefix: string): Promise<{ readonly folder: string; readonly db: Database.Database; readonly targets: JournalTargets }> {
  const folder = realpathSync(tempFolder(prefix));
  writeDemoFolder(folder);
  const db = openIndexReadOnly(await indexOnce(folder));
  after(() => db.close());
  return { folder, db, targets: new JournalTargets(db) };
}

/** Indexes `folder` once (or opens the index given) and opens the API over a read-only connection; closed after the test file. A data folder given is used as it is, as after a restart. */
export async function openInspection(
  folder: string,
  options: { readonly now?: () => Date; readonly dataDir?: string; readonly dbPath?: string; readonly progress?: HandlerContext['progress'] } = {},
): Promise<Inspection> {
  const real = realpathSync(folder);
  const dbPath = options.dbPath ?? (await indexOnce(real, join(tempFolder('inspect-db'), 'index.sqlite')));
  const db = openIndexReadOnly(dbPath);
  after(() => db.close());
  const dataDir = options.dataDir ?? tempFolder('inspect-data');
  const context = staticHandlerContext({ db, folder: real, dataDir, now: options.now, progress: options.progress });
  const service = new InspectorService(createHandlers(context), (method, error) => {
    throw new Error(`${method} failed internally: ${String(error)}`);
  });
  return {
    folder: real,
    dbPath,
    dataDir,
    service,
    async call(method, request) {
      const result = await service.call(method, request);
      assert.ok(result.ok, `${method} ${JSON.stringify(request)}: ${result.ok ? '' : JSON.stringify(result.error)}`);
      const parsed = API[method].response.safeParse(result.value);
      assert.ok(parsed.success, `${method} answer does not parse: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      return result.value as ApiResponse<typeof method>;
    },
    async fail(method, request) {
      const result = await service.call(method, request);
      assert.ok(!result.ok, `${method} ${JSON.stringify(request)} should fail`);
      return result.error;
    },
  };
}

/** Every execution id of an inspected folder, paged through listExecutions. */
export async function allExecutionIds(inspection: Inspection): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await inspection.call('listExecutions', { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.items.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}
