// Copies the non-TypeScript files the compiled code loads at run time (SQL migrations)
// next to their compiled modules, so dist/ is complete on its own.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const assets = [['electron/index/migrations', 'dist/electron/index/migrations']];
for (const [from, to] of assets) {
  if (existsSync(join(root, from))) cpSync(join(root, from), join(root, to), { recursive: true });
}
