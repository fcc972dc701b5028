import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { rawTextSql } from '../raw-blocks';
import { originalPath } from '../source-row';

/** One event as an export cites it: when, what, and where it is written, with its line's SHA-256. */
export interface ExportEvent {
  readonly id: number;
  readonly ts: number | null;
  readonly kind: string;
  readonly status: string | null;
  readonly failed: boolean;
  /** The file's path in the folder (where it was, for a file that is gone since). */
  readonly path: string;
  readonly gone: boolean;
  readonly line: number;
  /** SHA-256 (hex) of the raw line as the index holds it (UTF-8), so a reader can find and check the line. */
  readonly rawSha256: string;
}

interface StoredExportEvent {
  readonly id: number;
  readonly ts: number | null;
  readonly kind: string;
  readonly status: string | null;
  readonly failed: number;
  readonly path: string;
  readonly state: string;
  readonly line: number;
  readonly raw: string;
}

/** Reads the events an export carries, raw lines hashed one at a time (never all held at once). */
export class ExportEventFacts {
  private readonly events;

  constructor(db: Database.Database) {
    this.events = db.prepare(
      `SELECT e.id, e.ts, e.kind, e.status, e.failed, s.path, s.state, e.line, ${rawTextSql('e')} AS raw
       FROM events e JOIN sources s ON s.id = e.source_id WHERE e.execution_id = ? ORDER BY e.ts IS NULL, e.ts, e.id LIMIT ?`,
    );
  }

  /** The execution's first `limit` events in time order (untimed last, ties by id), as the waterfall orders them. */
  eventsOf(executionRowId: number, limit: number): ExportEvent[] {
    const out: ExportEvent[] = [];
    for (const row of this.events.iterate(executionRowId, limit) as IterableIterator<StoredExportEvent>) {
      out.push({
        id: row.id, ts: row.ts, kind: row.kind, status: row.status, failed: row.failed !== 0, path: originalPath(row.path), gone: row.state === 'gone', line: row.line,
        rawSha256: createHash('sha256').update(row.raw, 'utf8').digest('hex'),
      });
    }
    return out;
  }
}
