import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { INDEX_FAMILY_RULES } from '../../electron/families/family-registry';
import { IndexWriter } from '../../electron/index/index-writer';
import { openIndex } from '../../electron/index/open-index';
import { discoverDirectories } from '../../electron/ingest/discover-directories';
import { ExecutionProblems } from '../../electron/ingest/execution-problems';
import { DEFAULT_INGEST_OPTIONS } from '../../electron/ingest/ingest-options';
import { Ingestor } from '../../electron/ingest/ingestor';
import { renormalizeRaw } from '../../electron/ingest/renormalize-raw';
import { tempFolder } from './temp-folder';

/** An index written by a test's own writer, its connection still open. */
export interface ScannedIndex {
  readonly dbPath: string;
  readonly writer: IndexWriter;
  readonly db: Database.Database;
}

/**
 * Reads a folder into a new index as a first full scan does (every batch
 * deferred: lists first) and runs no enrichment: the state an index is in
 * between the two phases, which the test then steps or enriches on demand.
 */
export async function scanWithoutEnrichment(folder: string): Promise<ScannedIndex> {
  const dbPath = join(tempFolder('scanned-db'), 'index.sqlite');
  const { db } = openIndex(dbPath, folder);
  const writer = new IndexWriter(db, renormalizeRaw, (d) => new ExecutionProblems(d), INDEX_FAMILY_RULES);
  writer.deferEnrichment = true;
  const ingestor = new Ingestor(folder, writer, DEFAULT_INGEST_OPTIONS, {}, null);
  await ingestor.scan(await discoverDirectories(folder), true);
  await ingestor.close();
  writer.deferEnrichment = false;
  return { dbPath, writer, db };
}

/** Runs an index's enrichment to its end, in steps of a few thousand events. */
export function enrichToTheEnd(writer: IndexWriter): void {
  while (!writer.enrichment.step(2_000, 500).finished);
}
