import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { query } from '../../support/index-folder';
import { runCli, type CliRun } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

function run(args: readonly string[], dataDir = tempFolder('verify-cli-data')): CliRun {
  return runCli(args, { dataDir });
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
    assert.deepEqual(Object.keys(report), ['executions', 'journal', 'problems']);
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

  it('verifies the folder\'s review journal: exit 0 while intact, 1 when edited by hand (at the edited entry) or cut short', () => {
    const folder = tempFolder('verify-cli-journal');
    writeDemoFolder(folder);
    const dataDir = tempFolder('verify-cli-journal-data');
    const db = join(tempFolder('verify-cli-journal-db'), 'index.sqlite');
    for (const text of ['first look', 'second look', 'third look']) {
      const added = run(['call', 'addNote', JSON.stringify({ kind: 'note', executionId: 'record:exec-drop-7', text }), '--folder', folder, '--db', db, '--reviewer', 'Ada Reviewer'], dataDir);
      assert.equal(added.code, 0, added.stderr);
      assert.equal((JSON.parse(added.stdout) as { reviewer: string }).reviewer, 'Ada Reviewer', '--reviewer signs the entry');
    }
    assert.equal(run(['call', 'summary', '{}', '--folder', folder, '--db', db, '--reviewer', 'Ada'], dataDir).code, 2, '--reviewer is for methods that write entries');
    const intact = run(['verify', folder, '--db', db, '--json'], dataDir);
    assert.equal(intact.code, 0, intact.stderr);
    const journal = (JSON.parse(intact.stdout) as { journal: { file: string; state: string; entries: number } }).journal;
    assert.deepEqual([journal.state, journal.entries], ['intact', 3]);
    assert.ok(journal.file.startsWith(dataDir), 'the journal is in the data folder');
    const original = readFileSync(journal.file, 'utf8');

    writeFileSync(journal.file, original.replace('second look', 'a different look'));
    const edited = run(['verify', folder, '--db', db, '--json'], dataDir);
    assert.equal(edited.code, 1);
    assert.deepEqual((JSON.parse(edited.stdout) as { journal: unknown }).journal, {
      file: journal.file,
      state: 'broken',
      entries: 1,
      brokenAtLine: 2,
      brokenAtEntry: 2,
      reason: 'entry_hash_mismatch',
      statement: (JSON.parse(edited.stdout) as { journal: { statement: string } }).journal.statement,
    });
    const text = run(['verify', folder, '--db', db], dataDir);
    assert.equal(text.code, 1);
    assert.match(text.stdout, /Review journal: broken at line 2 \(entry 2\), entry_hash_mismatch; 1 entry verified/);
    assert.match(text.stdout, /Result: the review journal is broken/);

    writeFileSync(journal.file, original.slice(0, original.length - 30));
    const cut = run(['verify', folder, '--db', db], dataDir);
    assert.equal(cut.code, 1);
    assert.match(cut.stdout, /Review journal: truncated at line 3 \(entry 3\), truncated_tail; 2 entries verified/);
    assert.match(cut.stdout, /cut short before its newline, as by a crash/);
    assert.equal(readFileSync(journal.file, 'utf8'), original.slice(0, original.length - 30), 'verify never repairs the journal');
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
