import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { runCli } from '../../support/run-cli';
import { tempFolder } from '../../support/temp-folder';

interface Entry {
  readonly key: string;
  readonly chain: string;
  readonly executionHash: string;
  readonly executionHashRule: string | null;
  readonly covers: readonly string[];
  readonly notCovered: readonly string[];
  readonly statement: string;
}

function verify(folder: string): { code: number | null; entries: Entry[]; problems: Record<string, number>; stderr: string } {
  const result = runCli(['verify', folder, '--json'], { dataDir: tempFolder('verify-samples-data') });
  const report = JSON.parse(result.stdout || '{"executions":[],"problems":{}}') as { executions: Entry[]; problems: Record<string, number> };
  return { code: result.code, entries: report.executions, problems: report.problems, stderr: result.stderr };
}

/** A copy of the hearth records only, one of them edited by `edit` (the samples themselves are never touched). */
function editedCopy(file: string, edit: (doc: Record<string, unknown>) => void): string {
  const folder = tempFolder('verify-samples-copy');
  cpSync(join(PRODUCER_SAMPLES, 'executions'), join(folder, 'executions'), { recursive: true });
  const path = join(folder, 'executions', file);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(doc);
  // Written as hearth writes it (indent=2; these documents hold only ASCII), so only the edit differs.
  writeFileSync(path, JSON.stringify(doc, null, 2));
  return folder;
}

describe('verify on what the real producers wrote', () => {
  it('calls no genuine hearth record tampered: exit 0, execution_hash match by hearth rule, with what it covers', () => {
    const { code, entries, problems, stderr } = verify(PRODUCER_SAMPLES);
    assert.equal(code, 0, stderr);
    assert.deepEqual(entries.map((entry) => [entry.key, entry.chain, entry.executionHash, entry.executionHashRule]), [
      ['exec-fail-2', 'absent', 'match', 'python-json'],
      ['exec-ok-1', 'absent', 'match', 'python-json'],
      ['exec-sec-3', 'absent', 'match', 'python-json'],
    ]);
    for (const entry of entries) {
      assert.ok(entry.covers.includes('status') && entry.covers.includes('step count'), entry.key);
      assert.ok(entry.notCovered.includes('step contents'), entry.key);
      assert.match(entry.statement, /^execution_hash match \(hearth's rule: SHA-256 of Python json\.dumps\(sort_keys=True\)\) — covers: .*status.*; not covered: step contents/);
      assert.match(entry.statement, /Step hashes: not present in the document/);
    }
    assert.equal(problems['record.chain_broken'], undefined);
    assert.equal(problems['record.execution_hash_mismatch'], undefined);
  });

  it('exits 1 naming the execution_hash when a copied record has its status changed', () => {
    const folder = editedCopy('exec-fail-2.json', (doc) => (doc['status'] = 'completed'));
    const { code, entries, problems } = verify(folder);
    assert.equal(code, 1);
    const entry = entries.find((candidate) => candidate.key === 'exec-fail-2');
    assert.equal(entry?.executionHash, 'mismatch');
    assert.equal(entry?.executionHashRule, 'python-json');
    assert.match(entry?.statement ?? '', /execution_hash MISMATCH/);
    assert.equal(problems['record.execution_hash_mismatch'], 1);
    assert.deepEqual(entries.filter((other) => other.key !== 'exec-fail-2').map((other) => other.executionHash), ['match', 'match']);
  });

  it('exits 1 when one of its steps is deleted', () => {
    const folder = editedCopy('exec-ok-1.json', (doc) => (doc['step_events'] as unknown[]).splice(1, 1));
    const { code, entries } = verify(folder);
    assert.equal(code, 1);
    assert.equal(entries.find((entry) => entry.key === 'exec-ok-1')?.executionHash, 'mismatch');
  });

  it("exits 0 when only a step's details change, and says that step contents are not covered", () => {
    const folder = editedCopy('exec-fail-2.json', (doc) => {
      const step = (doc['step_events'] as Record<string, unknown>[])[3] as Record<string, unknown>;
      step['details'] = { sql_state: '00000' };
    });
    const { code, entries } = verify(folder);
    assert.equal(code, 0);
    const entry = entries.find((candidate) => candidate.key === 'exec-fail-2');
    assert.equal(entry?.executionHash, 'match');
    assert.match(entry?.statement ?? '', /not covered: step contents/);
  });
});
