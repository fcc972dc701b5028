import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

function run(args: readonly string[]): CliRun {
  return runCli(args, { dataDir: tempFolder('cli-data') });
}

describe('CLI index: usage and exit codes', () => {
  it('exits 2 with a one-line error for a folder that does not exist', () => {
    const result = run(['index', '/nonexistent/evidence', '--json']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^execution-inspector: cannot read folder \/nonexistent\/evidence: .*\n$/);
  });

  it('exits 2 for a file given as the folder, an unknown flag, or an unknown command', () => {
    const folder = tempFolder('cli-usage');
    writeFileSync(join(folder, 'a.jsonl'), '');
    assert.equal(run(['index', join(folder, 'a.jsonl')]).code, 2);
    assert.equal(run(['index', folder, '--bogus']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
  });

  it('refuses to put the index inside the evidence folder', () => {
    const folder = tempFolder('cli-inside');
    mkdirSync(join(folder, 'sub'));
    const result = run(['index', folder, '--db', join(folder, 'sub', 'index.sqlite'), '--json']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /must not be inside the evidence folder/);
  });

  it('prints exactly one JSON object with --json and exits 0 even when the data has problems', () => {
    const folder = tempFolder('cli-json');
    writeFileSync(join(folder, 'exec.jsonl'), '{"trace_id":"t1","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\nnot json\n');
    writeFileSync(join(folder, 'screenshot.png'), 'not read');
    const result = run(['index', folder, '--db', join(tempFolder('cli-json-db'), 'i.sqlite'), '--json']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 1);
    const report = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(report), ['files', 'events', 'executions', 'problems', 'durationMs', 'phases']);
    assert.deepEqual(report.files, { indexed: 1, skipped: 1 });
    assert.equal(report.events['exec-event'], 1);
    assert.equal(report.executions['exec-event'], 1);
    assert.equal(report.problems, 1);
    assert.equal(typeof report.durationMs, 'number');
    // Lists usable when the scan ended, search once the enrichment after it did (strictly later: the line needed enriching), both within the whole.
    assert.deepEqual(Object.keys(report.phases), ['queryableMs', 'searchableMs']);
    assert.ok(report.phases.queryableMs > 0, JSON.stringify(report.phases));
    assert.ok(report.phases.queryableMs < report.phases.searchableMs, JSON.stringify(report.phases));
    assert.ok(report.phases.searchableMs <= report.durationMs, JSON.stringify(report));
  });

  it('prints a readable summary without --json', () => {
    const folder = tempFolder('cli-text');
    writeFileSync(join(folder, 'exec.jsonl'), '{"trace_id":"t1","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}\n');
    const result = run(['index', folder, '--db', join(tempFolder('cli-text-db'), 'i.sqlite')]);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /^Indexed .*\n {2}files: {6}1 indexed, 0 skipped\n {2}events: {5}1 \(exec-event 1,/);
  });
});
