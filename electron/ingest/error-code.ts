/** The `code` of a Node or SQLite error (`ENOENT`, `SQLITE_FULL`), or undefined for an error without one. */
export function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
}

/** An error as a problem message quotes it. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
