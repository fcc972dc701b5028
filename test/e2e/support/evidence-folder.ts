import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

/** The bundled demo folder. */
export const DEMO_FOLDER = join(root, 'build', 'demo');

/** A fresh temporary folder (its real path); `remove` deletes it. */
export function tempDir(prefix: string): { readonly path: string; remove(): void } {
  const path = realpathSync(mkdtempSync(join(tmpdir(), `ei-e2e-${prefix}-`)));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A copy of the demo folder a test may append to. */
export function copyOfDemo(): { readonly path: string; remove(): void } {
  const dir = tempDir('demo');
  const folder = join(dir.path, 'demo');
  cpSync(DEMO_FOLDER, folder, { recursive: true });
  return { path: folder, remove: dir.remove };
}

/** SHA-256 of every file under a folder, by relative path: to prove the evidence was not written. */
export function folderDigest(folder: string): Readonly<Record<string, string>> {
  const digests: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) digests[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return digests;
}
