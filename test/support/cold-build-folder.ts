import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ColdBuild, coldCheckpointPages, hasColdBuildMarker, recreateDeferredIndexes } from '../../electron/index/cold-build';
import { IngestSession } from '../../electron/ingest/ingest-session';
import { writeBenchCorpus } from '../fixtures/bench-corpus';
import { writeFixtureFolder } from '../fixtures/fixture-folder';
import { writeOtlpFolder } from '../fixtures/write-otlp';
import { tempFolder } from './temp-folder';

/** A folder of every family, derived rows, problems and OTLP spans: what a cold build must get exactly right. */
export function writeColdBuildFolder(prefix: string, events = 6_000): string {
  const folder = realpathSync(tempFolder(prefix));
  writeBenchCorpus(join(folder, 'bulk'), { events, files: 4, seed: 11 });
  writeFixtureFolder(join(folder, 'mixed'), { seed: 4, scale: 1 });
  writeOtlpFolder(join(folder, 'otlp'), 200);
  return folder;
}

/** Indexes a folder once with cold mode on or off. */
export async function indexWithColdMode(folder: string, dbPath: string, coldBuild: boolean): Promise<string> {
  const session = new IngestSession({ folder, dbPath, coldBuild });
  try {
    await session.indexOnce();
  } finally {
    await session.close();
  }
  return dbPath;
}

/**
 * Leaves the index as a cold build interrupted before its end: marker set, indexes
 * dropped, every batch of the scan committed. `recreated` also puts the indexes back,
 * as an interruption between that and the checkpoint would.
 */
export async function interruptedColdBuild(folder: string, recreated = false): Promise<string> {
  const dbPath = join(tempFolder('cold-interrupted'), 'index.sqlite');
  const session = new IngestSession({ folder, dbPath, coldBuild: false });
  try {
    const cold = ColdBuild.beginIfEmpty(session.db, coldCheckpointPages(process.env));
    if (cold === null) throw new Error('a fresh index must enter cold mode');
    await session.indexOnce();
    if (recreated) recreateDeferredIndexes(session.db);
  } finally {
    await session.close();
  }
  return dbPath;
}

/** The index names and statements of an index, in name order. */
export function indexList(dbPath: string): { name: string; sql: string }[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];
  } finally {
    db.close();
  }
}

/** Whether the index holds the cold-build marker (false for one not created or not migrated yet). */
export function isMarked(dbPath: string): boolean {
  if (!existsSync(dbPath)) return false;
  const db = new Database(dbPath, { readonly: true });
  try {
    return hasColdBuildMarker(db);
  } finally {
    db.close();
  }
}
