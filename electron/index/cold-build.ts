import type Database from 'better-sqlite3';

/** The environment variable that turns cold mode off (`off`): tests build the same index both ways and compare. */
export const COLD_BUILD_ENV = 'EXECUTION_INSPECTOR_COLD_BUILD';

/**
 * The secondary indexes a first index is loaded without, created once at its end:
 * building an index over rows already in place is a sort, keeping it through a
 * million random inserts is a b-tree walk per row. Only indexes that nothing in
 * a scan reads are here. Kept, because the writer needs them while it loads:
 * every UNIQUE one (executions' (family, key): each event's execution lookup),
 * the sources' (the reconciler's lookups), events_execution, step_events_execution,
 * otlp_spans_execution and problems_execution (the cross-event checks of an
 * execution run on every batch that touches it), problems_transient (looked up
 * before every read of a file), events_source (a source taken back pages its
 * events through it) and events_same_as (partial: holds repeats only). Kept too,
 * because the overview re-reads them on every change while the load runs and a
 * scan of every execution each time costs more than they do: executions_first_ts
 * and executions_last_ts (the time range, the list's default order),
 * executions_outcome and executions_integrity (partial: few rows), problems_code.
 */
const DEFERRED_INDEXES: readonly string[] = [
  // The executions list's other sorts.
  'executions_family_first_ts', 'executions_event_count', 'executions_key', 'executions_failure_count', 'executions_problem_count',
  'executions_family_last_ts', 'executions_family_event_count', 'executions_family_failure_count', 'executions_family_problem_count',
  // The events timeline and a source's problems.
  'events_ts', 'problems_source',
  // Derived rows, read by an execution's details or when a source is taken back.
  'step_events_source', 'side_effects_execution', 'side_effects_plan', 'side_effects_source', 'snapshots_execution', 'snapshots_source',
  'checkpoints_execution', 'checkpoints_source', 'plans_plan', 'plans_source', 'rollback_hints_plan', 'rollback_hints_source',
  'otlp_spans_source', 'otlp_logs_execution', 'otlp_logs_source', 'raw_blocks_source', 'event_sightings_source', 'pac_sources_source',
];

/**
 * Of the DEFERRED_INDEXES, those created after the scan is announced, as the
 * build settles: the executions list's sorts other than by time. Until then a
 * page sorted by one of them is read by a sort of every execution (tens of
 * milliseconds at 250,000 executions) instead of along its index; the lists'
 * own order by time (a family's too), the events timeline and every filter
 * have their indexes at the announcement. Creating these eight took about
 * 0.3 s of a 1,000,000-event load's 8 s to queryable, spent before the lists
 * were said usable.
 */
const SETTLED_INDEXES: ReadonlySet<string> = new Set([
  'executions_event_count', 'executions_key', 'executions_failure_count', 'executions_problem_count',
  'executions_family_last_ts', 'executions_family_event_count', 'executions_family_failure_count', 'executions_family_problem_count',
]);

/** One dropped index: its name and the statement that created it, run again as is. */
export interface DeferredIndex {
  readonly name: string;
  readonly sql: string;
}

/** Whether cold mode may be used: on unless the environment says `off`. */
function coldBuildEnabled(env: NodeJS.ProcessEnv): boolean {
  return env[COLD_BUILD_ENV] !== 'off';
}

/** True when the index holds the marker of a cold build that has not finished. */
export function hasColdBuildMarker(db: Database.Database): boolean {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'cold_build'").get();
  return table !== undefined && db.prepare('SELECT 1 FROM cold_build').get() !== undefined;
}

/**
 * Pages of write-ahead log (1 GiB of 4 KiB pages) after which a cold build's
 * commit checkpoints it. Without checkpoints the log grew by every commit's
 * pages (the same executions pages again and again) to gigabytes at 5,000,000
 * events, and truncating it once the scan was done took the writer 5 s; with
 * them the log is reused and search was ready about 9 s sooner. A smaller log
 * (256 MiB) checkpointed a 1,000,000-event load once near its end, for nothing
 * (performance.md, twelfth part).
 */
export const COLD_CHECKPOINT_PAGES = 262_144;

/** The environment variable that sets COLD_CHECKPOINT_PAGES: tests have small loads checkpoint often. */
export const COLD_CHECKPOINT_ENV = 'EXECUTION_INSPECTOR_COLD_CHECKPOINT_PAGES';

/** The pages of log between a cold build's checkpoints: COLD_CHECKPOINT_PAGES unless the environment gives a positive whole number. */
export function coldCheckpointPages(env: NodeJS.ProcessEnv): number {
  const given = Number(env[COLD_CHECKPOINT_ENV]);
  return Number.isInteger(given) && given > 0 ? given : COLD_CHECKPOINT_PAGES;
}

/** Whether a first index is built in cold mode, and how often it is then checkpointed. */
export interface ColdBuildMode {
  readonly enabled: boolean;
  readonly checkpointPages: number;
}

/** The cold mode the environment asks for; `enabled`, when given, overrides its switch (tests build both ways). */
export function coldBuildMode(env: NodeJS.ProcessEnv, enabled?: boolean): ColdBuildMode {
  return { enabled: enabled ?? coldBuildEnabled(env), checkpointPages: coldCheckpointPages(env) };
}

/**
 * A first index being loaded in cold mode: the DEFERRED_INDEXES dropped, and
 * the log checkpointed every COLD_CHECKPOINT_PAGES rather than every 8,192.
 * Writes stay as every write of the index is, synchronous NORMAL: a commit is
 * not synced, a checkpoint syncs the log before it copies it into the database
 * file and that file after, so an interruption leaves the index as one earlier
 * commit left it. The marker is on disk before anything is dropped: whatever
 * an interruption leaves is found marked on the next open and checked before
 * it is trusted (cold-build-check.ts).
 */
export class ColdBuild {
  private completed = false;
  private incomplete = false;
  private settled = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly autocheckpoint: number,
  ) {}

  /**
   * Enters cold mode when the index holds no event (its first full scan) and no
   * earlier marker; returns null otherwise, and the scan runs as always.
   */
  static beginIfEmpty(db: Database.Database, checkpointPages: number): ColdBuild | null {
    if (db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined || hasColdBuildMarker(db)) return null;
    const autocheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number;
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND name IN (${DEFERRED_INDEXES.map(() => '?').join(', ')}) ORDER BY name`)
      .all(...DEFERRED_INDEXES) as DeferredIndex[];
    // Never a UNIQUE index: it is a constraint the load relies on, not a speed-up.
    const droppable = indexes.filter((index) => !/^\s*CREATE\s+UNIQUE\b/i.test(index.sql));
    // The marker reaches the disk (FULL syncs the WAL on commit) before anything it protects is given up.
    durably(db, () => db.prepare('INSERT INTO cold_build (id, started_ms, indexes) VALUES (1, ?, ?)').run(Date.now(), JSON.stringify(droppable)));
    db.transaction(() => {
      for (const index of droppable) db.exec(`DROP INDEX ${quoteName(index.name)}`);
    })();
    db.pragma(`wal_autocheckpoint = ${checkpointPages}`);
    return new ColdBuild(db, autocheckpoint);
  }

  /**
   * Makes the index usable for readers: the dropped indexes created but the
   * SETTLED_INDEXES, checkpoints as often as before. The marker stays until
   * `settle` has created the rest and made the index durable. Runs once.
   */
  complete(): void {
    if (this.completed) return;
    this.completed = true;
    try {
      this.recreate((name) => !SETTLED_INDEXES.has(name));
    } finally {
      this.db.pragma(`wal_autocheckpoint = ${this.autocheckpoint}`);
    }
  }

  /**
   * Ends cold mode: `complete` if not done yet, the SETTLED_INDEXES created,
   * then the index made durable and its marker cleared (settleColdBuild). Runs
   * once; never clears the marker of an index whose indexes failed. On an error
   * (a full disk) the marker stays, so the next open checks.
   */
  settle(): void {
    this.complete();
    if (this.incomplete || this.settled) return;
    this.settled = true;
    this.recreate(() => true);
    settleColdBuild(this.db);
  }

  private recreate(which: (name: string) => boolean): void {
    try {
      recreateDeferredIndexes(this.db, which);
    } catch (error) {
      this.incomplete = true;
      throw error;
    }
  }
}

/**
 * Runs a full scan, in cold mode when it is the index's first (no event yet) and
 * `enabled`, and finishes cold mode when the scan ends, done, cancelled or failed:
 * a scan that returns leaves a durable index with every index in place. A scan
 * that ends is handed to `scanned` as soon as the indexes its lists need are
 * in place, before the executions' other sorts (SETTLED_INDEXES) and the
 * checkpoint that makes a cold build durable (about a tenth of a cold scan:
 * the whole log copied and synced); readers need the indexes, not the sync, and
 * the marker stays until the sync is done. A failed scan's error is the one
 * reported; if finishing fails too (the disk is full), the marker stays for the
 * next open to check.
 */
export async function scanColdIfFirst<T>(db: Database.Database, mode: ColdBuildMode, scan: () => Promise<T>, scanned: (result: T) => void): Promise<T> {
  const cold = mode.enabled ? ColdBuild.beginIfEmpty(db, mode.checkpointPages) : null;
  if (cold === null) {
    const result = await scan();
    scanned(result);
    return result;
  }
  let result: T;
  try {
    result = await scan();
  } catch (error) {
    try {
      cold.settle();
    } catch {
      // The scan's own error says what went wrong; the marker left behind makes the next open check.
    }
    throw error;
  }
  cold.complete();
  try {
    scanned(result);
  } finally {
    cold.settle();
  }
  return result;
}

/** Creates every index the marker names (of those `which` takes) that the index lacks, as it was first created. */
export function recreateDeferredIndexes(db: Database.Database, which: (name: string) => boolean = () => true): void {
  const row = db.prepare('SELECT indexes FROM cold_build').get() as { indexes: string } | undefined;
  if (row === undefined) return;
  const present = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").pluck().all() as string[]);
  // A CREATE INDEX sorts in memory up to the cache's size before it spills, besides the cache itself: a smaller
  // cache for these sorts kept the process's peak lower at 5,000,000 events.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${RECREATE_CACHE_SIZE}`);
  try {
    db.transaction(() => {
      for (const index of JSON.parse(row.indexes) as DeferredIndex[]) {
        if (!present.has(index.name) && which(index.name)) db.exec(index.sql);
      }
    })();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** The cache while the dropped indexes are created (KiB, negative as SQLite takes it). */
const RECREATE_CACHE_SIZE = -8192;

/**
 * Makes a finished cold build durable and clears its marker: a TRUNCATE
 * checkpoint under synchronous NORMAL syncs the WAL, copies it into the database
 * file and syncs that file. If a reader keeps the checkpoint from completing, the
 * marker stays (the index is checked at its next open rather than trusted).
 */
export function settleColdBuild(db: Database.Database): void {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  if (result === undefined || result.busy !== 0 || result.checkpointed !== result.log) return;
  durably(db, () => db.prepare('DELETE FROM cold_build').run());
}

/** Runs a write in a transaction synced to disk on commit, then restores the connection's synchronous setting. */
function durably(db: Database.Database, write: () => unknown): void {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    db.transaction(write)();
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
