import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** A fresh temporary folder removed after the current test file; its real path (the index key). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ei-${prefix}-`));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
