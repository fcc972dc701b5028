import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { IngestSession } from '../../electron/ingest/ingest-session';
import type { IngestOptions } from '../../electron/ingest/ingest-options';
import { tempFolder } from './temp-folder';
import { openIndexReadOnly } from '../../electron/index/open-index';

/** Indexes a folder once in-process (the worker runs the same session) and returns the index path. */
export async function indexOnce(folder: string, dbPath = join(tempFolder('db'), 'index.sqlite'), options?: Partial<IngestOptions>): Promise<string> {
  const session = new IngestSession({ folder: realpathSync(folder), dbPath, options });
  try {
    await session.indexOnce();
  } finally {
    await session.close();
  }
  return dbPath;
}

/** Runs a read-only query against an index file. */
export function query<T>(dbPath: string, sql: string, ...params: unknown[]): T[] {
  const db = openIndexReadOnly(dbPath);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
