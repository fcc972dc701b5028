import type Database from 'better-sqlite3';

/** A value SQLite stores as is. */
export type SqlValue = string | number | bigint | Buffer | null;

/** One row to insert, named by column; the compiler checks that every column has its value. */
export type InsertRow<C extends string> = Readonly<Record<C, SqlValue>>;

/** A prepared INSERT bound by column name, so no call site counts positions. */
export interface NamedInsert<C extends string> {
  run(row: InsertRow<C>): Database.RunResult;
  /** The statement's SQL, for tests that look at its plan. */
  readonly source: string;
}

/** `INSERT INTO table (a, b) VALUES (@a, @b)` for these columns, then `tail` (an ON CONFLICT clause, say). */
export function insertSql(table: string, columns: readonly string[], tail = ''): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})${tail === '' ? '' : ` ${tail}`}`;
}

/** Prepares an INSERT of these columns, each bound from the row's property of the same name. */
export function prepareInsert<const C extends string>(db: Database.Database, table: string, columns: readonly C[]): NamedInsert<C> {
  return db.prepare(insertSql(table, columns)) as unknown as NamedInsert<C>;
}
