import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

const RECORD_LINE = '{"trace_id":"t1","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n';

function run(args: readonly string[], dataDir: string): CliRun {
  return runCli(args, { dataDir, timeoutMs: 20_000 });
}

/** Every file below a folder with its SHA-256: equal before and after means nothing was written, renamed, created or deleted. */
function fingerprint(dir: string): string {
  const lines: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) walk(path);
      else lines.push(`${path} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
    }
  };
  walk(dir);
  return lines.join('\n');
}

/** Each command that takes --db, with the arguments that make it open the index. */
const COMMANDS: ReadonlyArray<(folder: string) => string[]> = [
  (folder) => ['index', folder, '--json'],
  (folder) => ['verify', folder, '--json'],
  (folder) => ['call', 'summary', '{}', '--folder', folder],
  (folder) => ['report', folder, '--execution', 'exec-event:t1'],
  (folder) => ['serve', folder, '--port', '0'],
];

describe('the CLI never writes its index into the evidence or over a file it did not make', () => {
  const folder = realpathSync(tempFolder('cli-place'));
  mkdirSync(join(folder, 'records'));
  writeFileSync(join(folder, 'records', 'x.jsonl'), RECORD_LINE);
  const outside = realpathSync(tempFolder('cli-place-outside'));
  symlinkSync(join(folder, 'records'), join(outside, 'into-evidence'));
  symlinkSync(join(folder, 'records', 'x.jsonl'), join(outside, 'evidence-log.sqlite'));
  const notes = join(outside, 'notes.txt');
  writeFileSync(notes, 'a file of the user\n');
  const otherApp = join(outside, 'other-app.sqlite');
  const db = new Database(otherApp);
  db.exec('CREATE TABLE contacts (name TEXT)');
  db.close();

  const inside: ReadonlyArray<readonly [string, string]> = [
    ['a plain path', join(folder, 'index.sqlite')],
    ['a path with ..', `${outside}/../${basename(folder)}/records/index.sqlite`],
    ['a symlinked directory', join(outside, 'into-evidence', 'x.jsonl')],
    ['a symlinked file', join(outside, 'evidence-log.sqlite')],
  ];
  const foreign: ReadonlyArray<readonly [string, string]> = [
    ['a text file', notes],
    ["another app's SQLite database", otherApp],
  ];

  for (const command of COMMANDS) {
    const name = command(folder)[0] as string;
    it(`${name}: refuses --db inside the evidence folder (plain, .., symlinked directory, symlinked file) with exit 2`, () => {
      const before = fingerprint(folder);
      for (const [what, dbPath] of inside) {
        const result = run([...command(folder), '--db', dbPath], tempFolder('cli-place-data'));
        assert.equal(result.code, 2, `${what}: ${result.stderr}`);
        assert.match(result.stderr, /^execution-inspector: the index must not be inside the evidence folder .*\n$/, what);
        assert.equal(result.stdout, '', what);
      }
      assert.equal(fingerprint(folder), before);
    });

    it(`${name}: refuses --db naming an existing file that is not our index, and leaves it as it was`, () => {
      const before = fingerprint(outside);
      for (const [what, dbPath] of foreign) {
        const result = run([...command(folder), '--db', dbPath], tempFolder('cli-place-data'));
        assert.equal(result.code, 2, `${what}: ${result.stderr}`);
        assert.match(result.stderr, /is not an index made by Execution Inspector; it is left untouched/, what);
      }
      assert.equal(fingerprint(outside), before);
      assert.equal(existsSync(`${otherApp}-wal`) || existsSync(`${otherApp}-shm`), false);
    });
  }

  it('refuses a data folder (EXECUTION_INSPECTOR_DATA_DIR) inside the evidence folder, also through a link', () => {
    const before = fingerprint(folder);
    for (const dataDir of [join(folder, 'app-data'), join(outside, 'into-evidence', 'app-data')]) {
      const result = run(['index', folder, '--json'], dataDir);
      assert.equal(result.code, 2, result.stderr);
      assert.match(result.stderr, /must not be inside the evidence folder/);
    }
    assert.equal(fingerprint(folder), before);
  });

  it('reuses its own index given with --db, through a symlinked directory too', () => {
    const dataDir = tempFolder('cli-place-data');
    const indexDir = join(outside, 'indexes-here');
    mkdirSync(indexDir);
    symlinkSync(indexDir, join(outside, 'indexes-link'));
    const first = run(['index', folder, '--json', '--db', join(indexDir, 'i.sqlite')], dataDir);
    assert.equal(first.code, 0, first.stderr);
    const again = run(['index', folder, '--json', '--db', join(outside, 'indexes-link', 'i.sqlite')], dataDir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(JSON.parse(again.stdout).events['exec-event'], 1);
    assert.equal(statSync(join(indexDir, 'i.sqlite')).mode & 0o777, 0o600);
  });
});
