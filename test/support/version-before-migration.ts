import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The migrations the build ships (compiled to dist/test/support: dist is two folders up). */
const MIGRATIONS_DIR = join(__dirname, '..', '..', 'electron', 'index', 'migrations');

/**
 * The schema version an index had just before the migration whose file name
 * holds `name` (`json-gz-documents`): a test that turns an index back to run one
 * migration stays right when migrations are renumbered at a merge or added after it.
 */
export function versionBeforeMigration(name: string): number {
  const files = readdirSync(MIGRATIONS_DIR).filter((file) => /^\d{3}-.*\.sql$/.test(file)).sort();
  const index = files.findIndex((file) => file.includes(name));
  if (index < 0) throw new Error(`no migration named like ${name} in ${MIGRATIONS_DIR}`);
  return index;
}
