import type Database from 'better-sqlite3';
import type { Renormalize } from './renormalize';
import { rawTextSql } from './raw-blocks';

/** Events read back at a time when a source's full-text rows are taken back. */
const CHUNK = 2_000;

/**
 * Takes back a source's full-text rows: a contentless FTS table can delete a
 * row only given the text it was indexed with, so that text is derived again
 * from each event's raw line, with the same code the reader used.
 */
export class FullTextTakeback {
  private readonly statements;

  constructor(
    db: Database.Database,
    private readonly renormalize: Renormalize,
    /** Events past this id were stored by a deferred batch and have no full-text row yet (index-enrichment.ts). */
    private readonly enrichedThrough: () => number,
  ) {
    this.statements = {
      // The highest event id is kept first, so no id is given out twice, even for a row that could not be taken back.
      keepEventIdHigh: db.prepare(
        `INSERT INTO meta (key, value) SELECT 'event_id_high', max(id) FROM events HAVING max(id) IS NOT NULL
         ON CONFLICT (key) DO UPDATE SET value = max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))`,
      ),
      eventTextsOfSource: db.prepare(
        `SELECT e.id, e.line, e.part, ${rawTextSql('e')} AS raw, s.path FROM events e JOIN sources s ON s.id = e.source_id
         WHERE e.source_id = ? AND (e.line, e.id) > (?, ?) AND e.id <= ? ORDER BY e.line, e.id LIMIT ?`,
      ),
      ftsDelete: db.prepare("INSERT INTO events_fts (events_fts, rowid, text) VALUES ('delete', ?, ?)"),
    };
  }

  /** Deletes the full-text rows of every event of the source (its events themselves are the caller's to delete, after). */
  takeBack(sourceId: number): void {
    const s = this.statements;
    s.keepEventIdHigh.run();
    const through = this.enrichedThrough();
    // Paged in the order of events_source (source_id, line, then the rowid), so that no page sorts.
    for (let line = -1, id = 0; ;) {
      const rows = s.eventTextsOfSource.all(sourceId, line, id, through, CHUNK) as { id: number; line: number; part: number; raw: string; path: string }[];
      for (const row of rows) {
        const again = this.renormalize(row.raw, row.path, row.part);
        if (again !== null) s.ftsDelete.run(row.id, again.searchText);
      }
      const last = rows[rows.length - 1];
      if (last === undefined || rows.length < CHUNK) return;
      ({ line, id } = last);
    }
  }
}
