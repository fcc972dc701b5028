import type Database from 'better-sqlite3';

/** FTS5's own default for automerge (sqlite.org/fts5.html#the_automerge_configuration_option). */
const DEFAULT_AUTOMERGE = 4n;

/**
 * The merging of the full-text index's segments during a bulk load. FTS5 merges
 * segments as each commit adds one (automerge): a load in thousands of small
 * transactions merges the same rows again and again (a fifth of FTS5's time
 * for 1,000,000 rows in transactions of 2,000, the final merge included). The enrichment holds those merges off while it adds
 * a folder's full text, then merges every segment into one in bounded steps
 * (FTS5's incremental optimize) and gives automerge back.
 *
 * The hold is FTS5's stored setting, written in the transaction of the step
 * that first adds text: an index killed anywhere in between is found holding,
 * and the enrichment merges it when it resumes. Held or not, every row is in
 * the index and every search finds the same rows; only its speed differs.
 */
export class FullTextMerges {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      automerge: db.prepare("SELECT v FROM text_runs_fts_config WHERE k = 'automerge'").pluck(),
      // Bound as BigInt: FTS5 refuses a setting given as a real number, which is how a JavaScript number binds.
      setAutomerge: db.prepare("INSERT INTO text_runs_fts (text_runs_fts, rank) VALUES ('automerge', ?)"),
      // A negative page count merges every segment towards one, even those automerge would leave.
      merge: db.prepare("INSERT INTO text_runs_fts (text_runs_fts, rank) VALUES ('merge', ?)"),
      totalChanges: db.prepare('SELECT total_changes()').pluck(),
    };
  }

  /** True while merges are held off, until `step` has merged everything. */
  holding(): boolean {
    return this.statements.automerge.get() === 0;
  }

  /** Holds merges off (within the caller's transaction). */
  hold(): void {
    if (!this.holding()) this.statements.setAutomerge.run(0n);
  }

  /**
   * Merges up to about `pages` pages; once a step finds nothing left to merge,
   * gives automerge back and returns true.
   */
  step(pages: number): boolean {
    const s = this.statements;
    const before = s.totalChanges.get() as number;
    s.merge.run(BigInt(-Math.max(1, Math.floor(pages))));
    // FTS5's documented test for the end of an incremental merge: a step that changed fewer than two rows.
    if ((s.totalChanges.get() as number) - before >= 2) return false;
    s.setAutomerge.run(DEFAULT_AUTOMERGE);
    return true;
  }
}
