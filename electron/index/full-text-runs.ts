import type Database from 'better-sqlite3';

/** At most this many events share a full-text row, one column each (migration 018: columns e0 to e31). */
export const RUN_EVENTS = 32;

/** The full-text columns, in run order: event first_id + k is in column `e<k>`. */
export const RUN_COLUMNS: readonly string[] = Array.from({ length: RUN_EVENTS }, (_, k) => `e${k}`);

/**
 * The full-text index's rows, each a run of consecutive events of one source
 * (migration 018). A transaction that gives events their full text adds them
 * in id order through one `FullTextRunBuilder` and ends it before it commits,
 * so that every event up to the enriched mark is in exactly one run.
 */
export class FullTextRuns {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insertRun: db.prepare('INSERT INTO text_runs (first_id, last_id, source_id) VALUES (?, ?, ?)'),
      insertTexts: db.prepare(`INSERT INTO text_runs_fts (rowid, ${RUN_COLUMNS.join(', ')}) VALUES (?, ${RUN_COLUMNS.map(() => '?').join(', ')})`),
      deleteTexts: db.prepare('DELETE FROM text_runs_fts WHERE rowid IN (SELECT first_id FROM text_runs WHERE source_id = ?)'),
      deleteRuns: db.prepare('DELETE FROM text_runs WHERE source_id = ?'),
    };
  }

  /** A builder for the events one transaction gives their full text. */
  builder(): FullTextRunBuilder {
    return new FullTextRunBuilder((first, last, sourceId, texts) => {
      this.statements.insertRun.run(first, last, sourceId);
      this.statements.insertTexts.run(first, ...texts);
    });
  }

  /** Deletes the full-text rows of every event of the source (its events themselves are the caller's to delete). */
  takeBack(sourceId: number): void {
    this.statements.deleteTexts.run(sourceId);
    this.statements.deleteRuns.run(sourceId);
  }
}

/**
 * Gathers events, in id order, into runs: a run holds consecutive ids of one
 * source, at most RUN_EVENTS of them, each event's text in the column of its
 * place in the run. An event without text (its raw line gone, or no longer
 * read as an event) still takes its place, with an empty column, so that runs
 * cover every event and a check of the index can count them.
 */
export class FullTextRunBuilder {
  private first = 0;
  private sourceId = 0;
  private count = 0;
  private texts: (string | null)[] = new Array<string | null>(RUN_EVENTS).fill(null);

  constructor(private readonly write: (first: number, last: number, sourceId: number, texts: readonly (string | null)[]) => void) {}

  /** Adds the next event (ids only grow within a builder). */
  add(eventId: number, sourceId: number, text: string | null): void {
    if (this.count > 0 && (sourceId !== this.sourceId || eventId !== this.first + this.count || this.count >= RUN_EVENTS)) this.end();
    if (this.count === 0) {
      this.first = eventId;
      this.sourceId = sourceId;
    }
    this.texts[this.count++] = text === '' ? null : text;
  }

  /** Writes the run under way, if any; called before the transaction commits. */
  end(): void {
    if (this.count === 0) return;
    this.write(this.first, this.first + this.count - 1, this.sourceId, this.texts);
    this.count = 0;
    this.texts = new Array<string | null>(RUN_EVENTS).fill(null);
  }
}
