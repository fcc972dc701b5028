import type Database from 'better-sqlite3';
import type { IndexingProgress } from '../../shared/api/indexing-progress';
import type { TimeZoneSettings } from '../index/time-zone-settings';

/** What every handler may use: the read-only index connection and facts about the opened folder. */
export interface HandlerContext {
  /** The read-only connection to the folder's index, opened on first use (the ingest worker is the only writer). */
  readonly db: () => Database.Database;
  /** The evidence folder's real path; handlers may read files in it only by ids resolved through the index. */
  readonly folder: string;
  /** The app's own data folder (acknowledgements are written there, never in the evidence folder). */
  readonly dataDir: string;
  /** Where the ingest stands now. */
  readonly progress: () => IndexingProgress;
  /** Stops the scan in progress (the ingest then reads nothing until a rescan); resolves true when one was running. */
  readonly cancelIndexing: () => Promise<boolean>;
  /** Starts a full scan of the folder (only unread bytes are read); resolves true once it has begun. */
  readonly rescan: () => Promise<boolean>;
  /** Puts new producer time zones in force; resolves true once the files they change are being read again. */
  readonly applyTimeZones: (settings: TimeZoneSettings) => Promise<boolean>;
  /**
   * Resolves once these executions (by row id) have their derived rows and
   * checks: an execution opened before the enrichment after a scan reached it
   * is enriched on demand by the ingest worker.
   */
  readonly enriched: (executionRowIds: readonly number[]) => Promise<void>;
  /** Why the index was rebuilt when it was opened, if it was. */
  readonly rebuiltBecause: () => string | null;
  /** The clock, injectable for tests. */
  readonly now: () => Date;
}
