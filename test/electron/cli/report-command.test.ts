import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

describe('CLI report', () => {
  const folder = tempFolder('report-cli-demo');
  const dataDir = tempFolder('report-cli-data');
  const run = (args: readonly string[]): CliRun => runCli(args, { dataDir });
  let files: string[] = [];
  before(() => {
    writeDemoFolder(folder);
    mkdirSync(join(folder, 'reports'));
    files = readdirSync(folder, { recursive: true }).map(String).sort();
  });

  it('writes the HTML report of one execution to --out', () => {
    const out = join(tempFolder('report-cli-out'), 'incident.html');
    const result = run(['report', folder, '--execution', 'record:exec-drop-7', '--format', 'html', '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    const html = readFileSync(out, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('record:exec-drop-7'));
    assert.ok(html.includes('DROP TABLE customers'));
  });

  it('prints the Markdown report to stdout by default', () => {
    const result = run(['report', folder, '--execution', 'record:exec-drop-7']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^# Incident report: record:exec-drop-7\n/);
    assert.ok(result.stdout.includes('## Rollback scaffold'));
  });

  it('refuses an --out inside the evidence folder with exit 2 and writes nothing there', () => {
    for (const out of [join(folder, 'incident.html'), join(folder, 'reports', 'incident.html'), folder]) {
      const result = run(['report', folder, '--execution', 'record:exec-drop-7', '--format', 'html', '--out', out]);
      assert.equal(result.code, 2, out);
      assert.match(result.stderr, /must not be written inside the evidence folder/);
    }
    assert.deepEqual(readdirSync(folder, { recursive: true }).map(String).sort(), files);
    assert.equal(existsSync(join(folder, 'incident.html')), false);
  });

  it('exits 2 for a missing or unknown execution, a bad format, or no folder', () => {
    assert.equal(run(['report', folder]).code, 2);
    assert.equal(run(['report', folder, '--execution', 'record:no-such']).code, 2);
    assert.equal(run(['report', folder, '--execution', 'not-an-id']).code, 2);
    assert.equal(run(['report', folder, '--execution', 'record:exec-drop-7', '--format', 'pdf']).code, 2);
    assert.equal(run(['report', '--execution', 'record:exec-drop-7']).code, 2);
  });
});
