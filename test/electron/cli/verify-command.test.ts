import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';

const cli = join(__dirname, '..', '..', '..', 'electron', 'cli', 'main.js');

function run(args: readonly string[]): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, EXECUTION_INSPECTOR_DATA_DIR: tempFolder('verify-cli-data') } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('CLI verify', () => {
  it('prints one verdict per record execution and problem counts as JSON, and exits 1 when a chain is broken', () => {
    const folder = tempFolder('verify-cli-fixture');
    const manifest = writeFixtureFolder(folder, { seed: 1 });
    const db = join(tempFolder('verify-cli-db'), 'index.sqlite');
    const result = run(['verify', folder, '--db', db, '--json']);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout.trim().split('\n').length, 1);
    const report = JSON.parse(result.stdout) as { executions: Record<string, unknown>[]; problems: Record<string, number> };
    assert.deepEqual(Object.keys(report), ['executions', 'problems']);
    const expected = manifest.expected.records.map((record) => ({
      format: 'record',
      key: record.executionId.replace(/^record:/, ''),
      chain: record.chain,
      ...(record.chain === 'broken' ? { brokenAt: record.brokenAt, reason: record.reason } : {}),
      executionHash: record.executionHashMatches === undefined ? 'absent' : record.executionHashMatches ? 'match' : 'mismatch',
    }));
    const verdictKeys = ['format', 'key', 'chain', 'brokenAt', 'reason', 'executionHash'];
    assert.deepEqual(report.executions.map((entry) => Object.fromEntries(Object.entries(entry).filter(([name]) => verdictKeys.includes(name)))), expected);
    const broken = report.executions.find((entry) => entry['chain'] === 'broken');
    assert.deepEqual(Object.keys(broken ?? {}), [...verdictKeys, 'executionHashRule', 'covers', 'notCovered', 'statement']);
    for (const entry of report.executions) {
      assert.ok(typeof entry['statement'] === 'string' && entry['statement'] !== '', 'every verdict says what it checked');
      const hearth = String(entry['key']).startsWith('hearth-');
      if (entry['executionHash'] !== 'absent') assert.equal(entry['executionHashRule'], hearth ? 'python-json' : 'jcs', `${String(entry['key'])}: the rule its producer hashed with`);
    }
    const counts = query<{ code: string; n: number }>(db, 'SELECT code, count(*) AS n FROM problems GROUP BY code');
    assert.deepEqual(report.problems, Object.fromEntries(counts.map((row) => [row.code, row.n])));
    assert.ok((report.problems['record.chain_broken'] ?? 0) > 0);
  });

  it('exits 0 on a folder whose chains are intact or not present and whose execution_hash values all match, with a readable table', () => {
    const folder = tempFolder('verify-cli-demo');
    writeDemoFolder(folder);
    const json = run(['verify', folder, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as { executions: { key: string; chain: string; executionHash: string }[] };
    assert.deepEqual(report.executions.map((entry) => [entry.key, entry.chain, entry.executionHash]), [
      ['exec-cleanup-9', 'absent', 'match'],
      ['exec-drop-6', 'intact', 'match'],
      ['exec-drop-7', 'intact', 'match'],
    ]);
    const text = run(['verify', folder]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Verified 3 record executions in /);
    assert.match(text.stdout, /\n {2}exec-cleanup-9 +not present +match +python-json\n/);
    assert.match(text.stdout, /\n {2}exec-drop-7 +intact +match +jcs\n/);
    assert.match(text.stdout, /\n {2}exec-drop-7: .*execution_hash match \(formats\.md rule/);
    assert.match(text.stdout, /Result: no chain is broken and no execution_hash mismatches/);
  });

  it('exits 2 on usage errors: no folder, two folders, an unknown flag, a folder that does not exist', () => {
    const folder = tempFolder('verify-cli-usage');
    assert.equal(run(['verify']).code, 2);
    assert.equal(run(['verify', folder, folder]).code, 2);
    assert.equal(run(['verify', folder, '--bogus']).code, 2);
    const missing = run(['verify', join(folder, 'nope'), '--json']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '');
  });
});
