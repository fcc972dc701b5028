import type Database from 'better-sqlite3';
import { originalPath, type SourceKind } from '../source-row';
import { PROBLEM_COLUMNS, PROBLEM_TABLES, toProblemRow, type ProblemRow, type StoredProblem } from './list-problems';

/** A problem with the file it is in, as the index knows it. */
export interface ProblemPlace {
  readonly problem: ProblemRow;
  readonly sourceId: number | null;
  readonly line: number | null;
  /** The file's path relative to the folder, without the index's gone/moving suffix. */
  readonly path: string | null;
  readonly state: string | null;
  readonly kind: SourceKind | null;
}

/** An event's place in its file, as the index read it. */
export interface IndexedLine {
  readonly id: number;
  readonly line: number;
  readonly byteOffset: number;
  readonly byteLength: number;
}

/** What the index says about a problem's line and the events around it: where to read the file, and what to check it against. */
export class ProblemLineFacts {
  private readonly problemStatement: Database.Statement;
  private readonly eventsStatement: Database.Statement;
  private readonly anchorStatement: Database.Statement;

  constructor(db: Database.Database) {
    this.problemStatement = db.prepare(`SELECT ${PROBLEM_COLUMNS}, p.source_id, s.state AS source_state, s.kind AS source_kind FROM ${PROBLEM_TABLES} WHERE p.id = ?`);
    // A line of many events (an OTLP request's spans) is named by its first: they all point at its bytes.
    this.eventsStatement = db.prepare('SELECT id, line, byte_offset AS byteOffset, byte_length AS byteLength FROM events WHERE source_id = ? AND line BETWEEN ? AND ? AND part = 0 ORDER BY line');
    this.anchorStatement = db.prepare('SELECT id, line, byte_offset AS byteOffset, byte_length AS byteLength FROM events WHERE source_id = ? AND line <= ? AND part = 0 ORDER BY line DESC LIMIT 1');
  }

  /** The problem and its file, or null when the index has no such problem. */
  problem(id: number): ProblemPlace | null {
    const row = this.problemStatement.get(id) as (StoredProblem & { source_id: number | null; source_state: string | null; source_kind: SourceKind | null }) | undefined;
    if (row === undefined) return null;
    return { problem: toProblemRow(row), sourceId: row.source_id, line: row.line, path: row.path === null ? null : originalPath(row.path), state: row.source_state, kind: row.source_kind };
  }

  /** The events of a file on lines `first..last`, in line order. */
  eventsOn(sourceId: number, first: number, last: number): IndexedLine[] {
    return this.eventsStatement.all(sourceId, first, last) as IndexedLine[];
  }

  /** The last event of a file on or before `line`: a known offset to start reading from. */
  eventAtOrBefore(sourceId: number, line: number): IndexedLine | null {
    return (this.anchorStatement.get(sourceId, line) as IndexedLine | undefined) ?? null;
  }
}
