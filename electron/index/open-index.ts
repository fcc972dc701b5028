import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasColdBuildMarker } from './cold-build';
import { resumeInterruptedColdBuild } from './cold-build-check';
import { INDEX_APPLICATION_ID, isManagedIndexPath, placeIndex } from './index-placement';
import { registerRawText } from './raw-blocks';
import { sqliteBindingForThisNode } from './sqlite-binding';

/** The migrations, read once: an index is opened many times, the files never change. */
const MIGRATIONS = readMigrations();

/** The schema version this build writes; an index of another version is migrated or rebuilt. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Indexes below this version are rebuilt, not migrated: 003 moved raw lines into
 * deflated blocks, which SQL cannot produce from the old column, and 005 and 018
 * recreated the full-text table, whose rows only the ingest can write.
 */
const OLDEST_MIGRATABLE = 18;

/** How to open an index beyond its path. */
export interface IndexOpenOptions {
  /** The better-sqlite3 addon to load (the Electron-ABI build inside the app); default: the one in node_modules. */
  readonly nativeBinding?: string;
  /** Refuse to grow the index past this many bytes (SQLITE_FULL), as a full disk would. */
  readonly maxBytes?: number;
}

/** An opened writable index and, when it had to be recreated, why. */
export interface OpenedIndex {
  readonly db: Database.Database;
  readonly rebuiltBecause: string | null;
}

/**
 * Opens (creating or migrating) the index for one folder. A corrupt index, one of
 * a newer or unknown schema, or one built for another folder is deleted and
 * rebuilt: it is only a cache of the evidence; so is an interrupted first index
 * (cold-build.ts) that fails its check, while one that passes is completed and
 * resumed. Only a file this app made is ever
 * deleted: `placeIndex` refuses (IndexPlacementRefused) a path inside the evidence
 * folder, through links too, and an existing file that is not one of our indexes.
 * The index holds raw evidence text, so it is created 0600 (SQLite gives its
 * `-wal`/`-shm` files the same mode) in folders created 0700.
 */
export function openIndex(dbPath: string, folderRealPath: string, options: IndexOpenOptions = {}): OpenedIndex {
  const realPath = placeIndex(folderRealPath, dbPath);
  prepareIndexFile(realPath, folderRealPath);
  let rebuiltBecause: string | null = null;
  try {
    const db = openAndMigrate(realPath, folderRealPath, options);
    return { db, rebuiltBecause };
  } catch (error) {
    rebuiltBecause = error instanceof RebuildNeeded ? error.message : `the index could not be read (${describe(error)})`;
  }
  removeIndexFiles(realPath);
  prepareIndexFile(realPath, folderRealPath);
  return { db: openAndMigrate(realPath, folderRealPath, options), rebuiltBecause };
}

/** Creates the index's folder (0700) and an empty index file (0600), or tightens an existing one of ours to 0600. */
function prepareIndexFile(realPath: string, folderRealPath: string): void {
  const dir = dirname(realPath);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  // Only the app's own indexes folder is tightened; a folder named with --db is the user's.
  if (isManagedIndexPath(folderRealPath, realPath)) chmodSync(dir, 0o700);
  if (existsSync(realPath)) {
    chmodSync(realPath, 0o600);
  } else {
    closeSync(openSync(realPath, 'wx', 0o600));
  }
}

/** Opens an existing index for queries only; the ingest worker is its single writer. */
export function openIndexReadOnly(dbPath: string, options: IndexOpenOptions = {}): Database.Database {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, ...bindingOption(options) });
  db.pragma('query_only = ON');
  registerRawText(db);
  return db;
}

/** Deletes an index and its WAL side files. */
export function removeIndexFiles(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(dbPath + suffix, { force: true });
  }
}

class RebuildNeeded extends Error {}

/** The native module to load: the caller's (the app's Electron build), or one built for this Node, or the module's own. */
function bindingOption(options: IndexOpenOptions): { nativeBinding?: string } {
  const nativeBinding = options.nativeBinding ?? sqliteBindingForThisNode();
  return nativeBinding === undefined ? {} : { nativeBinding };
}

function openAndMigrate(dbPath: string, folderRealPath: string, options: IndexOpenOptions): Database.Database {
  const fresh = statSync(dbPath).size === 0;
  const db = new Database(dbPath, bindingOption(options));
  try {
    // The first bytes ever written carry our application_id, so a run killed at any later point leaves a file we recognize as ours.
    if (fresh) db.pragma(`application_id = ${INDEX_APPLICATION_ID}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // The writer's sorts can be as big as the index (the checks' list of every execution a scan touched, a cold
    // build's CREATE INDEX): in memory they took the process past 500 MB at 5,000,000 events. Temporary files are
    // cached like any other until they outgrow the cache, and lie in the system's temporary folder, never beside the evidence.
    db.pragma('temp_store = FILE');
    // 16 MiB: 32 cost 10-20 MB of peak RSS at 1,000,000 and 5,000,000 events and gained nothing measurable (performance.md, twelfth part).
    db.pragma('cache_size = -16384');
    // Fewer, larger checkpoints: bulk ingest writes far more than readers need to see merged.
    db.pragma('wal_autocheckpoint = 8192');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new RebuildNeeded(`the index was written by a newer schema (${version} > ${SCHEMA_VERSION})`);
    if (version > 0 && version < OLDEST_MIGRATABLE) throw new RebuildNeeded(`the index was written by an older schema (${version}) that this version rebuilds`);
    if (version === 0) {
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number };
      if (tables.n > 0) throw new RebuildNeeded('the index has an unknown schema');
    }
    // An interrupted first index (cold-build.ts) may lack indexes a migration expects: only one of this schema is checked and resumed.
    const interrupted = version > 0 && hasColdBuildMarker(db);
    if (interrupted && version !== SCHEMA_VERSION) throw new RebuildNeeded(`an interrupted first index of schema ${version} is rebuilt, not migrated`);
    migrate(db, version);
    registerRawText(db);
    if (options.maxBytes !== undefined) {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / pageSize))}`);
    }
    const folder = db.prepare("SELECT value FROM meta WHERE key = 'folder'").get() as { value: string } | undefined;
    if (!folder) {
      db.prepare("INSERT INTO meta (key, value) VALUES ('folder', ?)").run(folderRealPath);
    } else if (folder.value !== folderRealPath) {
      throw new RebuildNeeded(`the index belonged to another folder (${folder.value})`);
    }
    const failed = interrupted ? resumeInterruptedColdBuild(db) : null;
    if (failed !== null) throw new RebuildNeeded(`an interrupted first index failed its check (${failed})`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function migrate(db: Database.Database, from: number): void {
  for (let version = from; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version] as string;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}

function readMigrations(): readonly string[] {
  const dir = join(__dirname, 'migrations');
  return readdirSync(dir)
    .filter((name) => /^\d{3}-.*\.sql$/.test(name))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'));
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
