import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { INDEX_FAMILY_RULES } from '../../electron/families/family-registry';
import { IndexWriter } from '../../electron/index/index-writer';
import { openIndex } from '../../electron/index/open-index';
import { discoverDirectories } from '../../electron/ingest/discover-directories';
import { ExecutionProblems } from '../../electron/ingest/execution-problems';
import { DEFAULT_INGEST_OPTIONS } from '../../electron/ingest/ingest-options';
import { Ingestor } from '../../electron/ingest/ingestor';
import { PLAIN_EVENTS } from '../../electron/ingest/whole-line-search-text';
import { renormalizeRaw } from '../../electron/ingest/renormalize-raw';
import { tempFolder } from './temp-folder';

/** An index written by a test's own writer, its connection still open. */
export interface ScannedIndex {
  readonly dbPath: string;
  readonly writer: IndexWriter;
  readonly db: Database.Database;
}

/** A writer of a test's own on the index at `dbPath` (created if need be), and its connection: the app's readers, times read as UTC. */
export function openWriter(folder: string, dbPath: string): { readonly writer: IndexWriter; readonly db: Database.Database } {
  const { db } = openIndex(dbPath, folder);
  return { writer: new IndexWriter(db, renormalizeRaw, (d) => new ExecutionProblems(d), INDEX_FAMILY_RULES, PLAIN_EVENTS), db };
}

/** Reads what is unread in every directory of the folder, as a full scan does (`final`: an unterminated last line is settled). */
export async function scan(folder: string, writer: IndexWriter, final: boolean): Promise<void> {
  const ingestor = new Ingestor(folder, writer, DEFAULT_INGEST_OPTIONS, {}, null);
  await ingestor.scan(await discoverDirectories(folder), final);
  await ingestor.close();
}

/** Reads what is unread with every batch deferred, as a scan with much to read does; runs no enrichment. */
export async function scanDeferred(folder: string, writer: IndexWriter): Promise<void> {
  writer.deferEnrichment = true;
  await scan(folder, writer, true);
  writer.deferEnrichment = false;
}

/**
 * Reads a folder into an index (a new one unless `dbPath` is given) as a first
 * full scan does, every batch deferred (lists first), and runs no enrichment:
 * the state an index is in between the two phases, which the test then steps
 * or enriches on demand.
 */
export async function scanWithoutEnrichment(folder: string, dbPath = join(tempFolder('scanned-db'), 'index.sqlite')): Promise<ScannedIndex> {
  const { writer, db } = openWriter(folder, dbPath);
  await scanDeferred(folder, writer);
  return { dbPath, writer, db };
}

/** Runs an index's enrichment to its end, in steps of a few thousand events. */
export function enrichToTheEnd(writer: IndexWriter): void {
  while (!writer.enrichment.step(2_000, 500).finished);
}
