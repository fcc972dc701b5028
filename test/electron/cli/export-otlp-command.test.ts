import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { query } from '../../support/index-folder';
import { otlpTraceRequestSchema } from '../../support/otlp-trace-schema';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

describe('CLI export-otlp', () => {
  const folder = tempFolder('otlp-cli-demo');
  const dataDir = tempFolder('otlp-cli-data');
  const db = join(tempFolder('otlp-cli-db'), 'index.sqlite');
  const run = (args: readonly string[]): CliRun => runCli(args, { dataDir });
  let files: string[] = [];
  before(() => {
    writeDemoFolder(folder);
    files = readdirSync(folder, { recursive: true }).map(String).sort();
  });

  it('writes every execution of the folder to --out, one OTLP/JSON trace request a line', () => {
    const out = join(tempFolder('otlp-cli-out'), 'traces.jsonl');
    const result = run(['export-otlp', folder, '--db', db, '--out', out]);
    assert.equal(result.code, 0, result.stderr);
    const executions = query<{ n: number }>(db, 'SELECT count(*) AS n FROM executions')[0]!.n;
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, executions);
    for (const line of lines) assert.ok(otlpTraceRequestSchema.safeParse(JSON.parse(line)).success);
    assert.match(result.stderr, new RegExp(`exported ${executions} of ${executions} executions`));
    assert.deepEqual(readdirSync(folder, { recursive: true }).map(String).sort(), files, 'the evidence folder is untouched');
  });

  it('prints the named executions to stdout, and refuses an unknown one or an --out inside the evidence folder', () => {
    const result = run(['export-otlp', folder, '--db', db, '--execution', 'record:exec-drop-7', '--execution', 'record:exec-drop-7']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout.trimEnd().split('\n').length, 1, 'named twice, exported once');
    assert.ok(result.stdout.includes('"stringValue":"record:exec-drop-7"'));
    assert.equal(run(['export-otlp', folder, '--db', db, '--execution', 'record:none']).code, 2);
    const inside = run(['export-otlp', folder, '--db', db, '--out', join(folder, 'traces.jsonl')]);
    assert.equal(inside.code, 2);
    assert.match(inside.stderr, /inside the evidence folder/);
    assert.deepEqual(readdirSync(folder, { recursive: true }).map(String).sort(), files);
  });
});
