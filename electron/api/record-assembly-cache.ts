import type Database from 'better-sqlite3';
import type { RecordAssembly } from '../inspect/assemble-execution';

/**
 * The last few record assemblies, kept while the index is unchanged. A record's
 * page asks for its detail, verification, security diff, side effects and
 * rollback scaffold at once, and each is derived from the same assembly (for a
 * 30,000-step record, most of a second each). SQLite's `data_version` changes
 * whenever the ingest (another connection) commits, and then every entry goes.
 */
export class RecordAssemblyCache {
  private readonly entries = new Map<number, RecordAssembly>();
  private version: number | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly capacity = 4,
  ) {}

  /** The assembly of the execution with this row id: kept, or built now and kept. */
  get(executionRowId: number, build: () => RecordAssembly): RecordAssembly {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const kept = this.entries.get(executionRowId);
    if (kept !== undefined) {
      // Most recently used last, so the oldest is the first to go.
      this.entries.delete(executionRowId);
      this.entries.set(executionRowId, kept);
      return kept;
    }
    const built = build();
    this.entries.set(executionRowId, built);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as number);
    return built;
  }
}
