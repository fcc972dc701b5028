import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** Every folder made here: removed once more as the process exits. */
const made = new Set<string>();

// An `after` registered inside a running test, or a worker that writes its data
// folder once more while the app quits, would otherwise leave a folder behind.
process.on('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder removed after the current test file; its real path (the index key). */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `ei-${prefix}-`));
  made.add(dir);
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
