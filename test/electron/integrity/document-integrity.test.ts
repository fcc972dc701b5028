import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { documentIntegrity } from '../../../electron/integrity/document-integrity';
import { eventHash, executionHash } from '../../../electron/integrity/hash-chain';
import { hearthStepChain } from '../../../electron/integrity/hearth-hash';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { openInspection } from '../inspect/open-inspection';

function sampleText(name: string): string {
  return readFileSync(join(PRODUCER_SAMPLES, 'executions', name), 'utf8');
}

function check(text: string) {
  return documentIntegrity(text, JSON.parse(text) as Record<string, unknown>);
}

/** A hearth document whose steps carry the producer's own step hashes, as a variant that saved them would. */
function withHearthStepHashes(text: string): string {
  const doc = JSON.parse(text) as { step_events: Record<string, unknown>[] };
  const parsed = parseLosslessJson(text);
  assert.ok(parsed.ok);
  const steps = parsed.tree.kind === 'object' ? parsed.tree.members.find((member) => member.key === 'step_events')?.value : undefined;
  assert.ok(steps !== undefined && steps.kind === 'array');
  const { hashes } = hearthStepChain(steps.items);
  doc.step_events.forEach((step, index) => {
    step['previous_event_hash'] = index === 0 ? null : hashes[index - 1];
    step['event_hash'] = hashes[index];
  });
  return JSON.stringify(doc, null, 2);
}

describe('a record document checked against its own hashes', () => {
  it("matches hearth's execution_hash by its rule, with step hashes not present and the step chain recomputed", () => {
    const integrity = check(sampleText('exec-fail-2.json'));
    assert.equal(integrity.executionHash, 'match');
    assert.equal(integrity.executionHashRule, 'python-json');
    assert.equal(integrity.chain.chain, 'absent');
    assert.equal(integrity.chain.recomputed?.length, 4);
    assert.ok(integrity.notCovered.includes('step contents'));
  });

  it("verifies step hashes by hearth's rule when the first one matches it, and finds an edited step", () => {
    const text = withHearthStepHashes(sampleText('exec-fail-2.json'));
    const intact = check(text);
    assert.equal(intact.chain.chain, 'intact');
    assert.equal(intact.chain.rule, 'python-json');
    const edited = JSON.parse(text) as { step_events: Record<string, unknown>[] };
    (edited.step_events[2] as Record<string, unknown>)['details'] = { version: 43 };
    const broken = check(JSON.stringify(edited, null, 2));
    assert.equal(broken.chain.chain, 'broken');
    assert.equal(broken.chain.brokenAt, 2);
    assert.equal(broken.chain.reason, 'event_hash_mismatch');
    assert.equal(broken.executionHash, 'match', "the step contents are not in hearth's execution_hash");
  });

  it("verifies a formats.md document by the JCS rule, and calls a hearth-looking mismatch by hearth's rule", () => {
    const step = { step_index: 0, step_name: 'Init', event_type: 'STARTED', timestamp: '2026-02-01T09:00:01Z', details: { n: 1.5 }, error_message: null, previous_event_hash: null };
    const hashed = { ...step, event_hash: eventHash(step) };
    const doc = { execution_id: 'e-1', plan_id: 'p', live_mode_state: 'LIVE', status: 'COMPLETED', timestamp_start: '2026-02-01T09:00:00Z', step_events: [hashed] };
    const withHash = { ...doc, execution_hash: executionHash({ execution_id: 'e-1', plan_id: 'p', live_mode_state: 'LIVE', status: 'COMPLETED', chain_head: hashed.event_hash }) };
    const jcs = check(JSON.stringify(withHash));
    assert.deepEqual([jcs.chain.chain, jcs.chain.rule, jcs.executionHash, jcs.executionHashRule], ['intact', 'jcs', 'match', 'jcs']);
    assert.equal(jcs.chain.recomputed, undefined, 'not a hearth document');
    const tampered = check(JSON.stringify({ ...withHash, status: 'FAILED' }));
    assert.deepEqual([tampered.executionHash, tampered.executionHashRule], ['mismatch', 'jcs']);
    const hearthTampered = check(sampleText('exec-ok-1.json').replace('"status": "completed"', '"status": "failed"'));
    assert.deepEqual([hearthTampered.executionHash, hearthTampered.executionHashRule], ['mismatch', 'python-json']);
  });

  it('says absent, not mismatch, for a document without execution_hash', () => {
    const doc = JSON.parse(sampleText('exec-ok-1.json')) as Record<string, unknown>;
    delete doc['execution_hash'];
    const integrity = check(JSON.stringify(doc));
    assert.deepEqual([integrity.executionHash, integrity.executionHashRule], ['absent', null]);
  });

  it('is what verifyExecution answers for the samples, with a statement that says what it covers', async () => {
    const inspection = await openInspection(PRODUCER_SAMPLES);
    for (const key of ['exec-ok-1', 'exec-fail-2', 'exec-sec-3']) {
      const verdict = await inspection.call('verifyExecution', { id: `record:${key}` });
      assert.deepEqual([verdict.chain, verdict.executionHash, verdict.executionHashRule], ['absent', 'match', 'python-json'], key);
      assert.match(verdict.statement, /covers: .*; not covered: step contents/);
    }
    const problems = await inspection.call('listProblems', {});
    assert.equal(problems.items.filter((problem) => problem.code.startsWith('record.')).length, 0, 'no record problem on genuine records');
  });
});
