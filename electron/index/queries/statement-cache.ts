import type Database from 'better-sqlite3';

/** How many statement shapes one connection keeps; far more than the filter combinations a UI produces. */
const MAX_STATEMENTS = 256;

/**
 * Prepared statements keyed by their SQL. A list's SQL depends on which
 * filters are set, so each shape is prepared the first time it is asked for
 * and reused after, never prepared per call.
 */
export class StatementCache {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  /** The prepared statement for this SQL. */
  get(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= MAX_STATEMENTS) {
        const oldest = this.statements.keys().next();
        if (oldest.done !== true) this.statements.delete(oldest.value);
      }
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}
