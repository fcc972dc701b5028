import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { hearthExecutionHash, hearthExecutionHashInput, hearthStepChain, hearthStepHash } from '../../../electron/integrity/hearth-hash';
import { jsonObject, treeMember, type JsonTree } from '../../../shared/model/json-tree';
import { parseLosslessJson } from '../../../shared/model/lossless-json';
import { pythonJsonDumps } from '../../../shared/model/python-json-dumps';
import { loadPythonVectors } from '../../fixtures/python-json/python-vectors';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';

const vectors = loadPythonVectors();
const executionsDir = join(PRODUCER_SAMPLES, 'executions');

function tree(text: string): JsonTree {
  const result = parseLosslessJson(text);
  if (!result.ok) assert.fail(`did not parse: ${result.reason} at ${result.offset}`);
  return result.tree;
}

function stepsOf(document: JsonTree): readonly JsonTree[] {
  const steps = treeMember(document, 'step_events');
  assert.ok(steps?.kind === 'array');
  return steps.items;
}

function storedHash(document: JsonTree): string {
  const stored = treeMember(document, 'execution_hash');
  assert.ok(stored?.kind === 'string');
  return stored.value;
}

/** The document's text with one JSON member edited: what a tamperer would do. */
function edited(document: JsonTree, key: string, value: JsonTree): JsonTree {
  assert.ok(document.kind === 'object');
  return jsonObject(document.members.map((member) => (member.key === key ? { key, value } : member)));
}

describe('hearthExecutionHash on the real producer files', () => {
  const files = readdirSync(executionsDir).filter((name) => name.endsWith('.json')).sort();

  it('finds the three hearth records', () => {
    assert.deepEqual(files, ['exec-fail-2.json', 'exec-ok-1.json', 'exec-sec-3.json']);
  });

  for (const file of files) {
    it(`recomputes the genuine execution_hash of ${file}`, () => {
      const document = tree(readFileSync(join(executionsDir, file), 'utf8'));
      const result = hearthExecutionHash(document);
      assert.ok(result.ok);
      assert.equal(result.hash, storedHash(document));
    });

    it(`detects a changed status, end time or removed step in ${file}, not a changed step detail`, () => {
      const document = tree(readFileSync(join(executionsDir, file), 'utf8'));
      const genuine = storedHash(document);
      const hashOf = (doc: JsonTree) => {
        const result = hearthExecutionHash(doc);
        assert.ok(result.ok);
        return result.hash;
      };
      assert.notEqual(hashOf(edited(document, 'status', { kind: 'string', value: 'completed_partial' })), genuine);
      assert.notEqual(hashOf(edited(document, 'timestamp_end', { kind: 'string', value: '2026-12-03T13:25:34.000000' })), genuine);
      const steps = stepsOf(document);
      assert.notEqual(hashOf(edited(document, 'step_events', { kind: 'array', items: steps.slice(1) })), genuine);
      const changedDetails = steps.map((step) => edited(step, 'details', jsonObject([{ key: 'forged', value: { kind: 'bool', value: true } }])));
      assert.equal(hashOf(edited(document, 'step_events', { kind: 'array', items: changedDetails })), genuine);
      assert.equal(hashOf(edited(document, 'completion_reason', { kind: 'string', value: 'forged' })), genuine);
    });
  }

  it('hashes exactly the projection producers.md names, with Python separators', () => {
    const input = hearthExecutionHashInput(tree(readFileSync(join(executionsDir, 'exec-fail-2.json'), 'utf8')));
    assert.ok(input.ok);
    assert.equal(
      pythonJsonDumps(input.tree, { sortKeys: true }),
      '{"execution_id": "exec-fail-2", "live_mode_state": "LIVE", "plan_id": "plan-migrate", "security_snapshot_pre": {"boundary_state": "NOMINAL", "security_state": "OPERATIONAL", "timestamp": "2026-12-03T13:25:33.783140"}, "status": "failed", "step_count": 4, "timestamp_end": "2026-12-03T13:25:33.814707", "timestamp_start": "2026-12-03T13:25:33.783146"}',
    );
  });
});

describe('hearth hashes on documents Python wrote with its own hash functions', () => {
  for (const vector of vectors.records) {
    it(`recomputes execution_hash and the step chain of ${vector.name}`, () => {
      const document = tree(vector.input);
      const result = hearthExecutionHash(document);
      assert.ok(result.ok);
      assert.equal(result.hash, vector.execution_hash);
      assert.equal(storedHash(document), vector.execution_hash);
      assert.deepEqual(hearthStepChain(stepsOf(document)), { hashes: vector.step_hashes, stoppedAt: null });
    });
  }

  it('links each step hash to the previous one (the first to null)', () => {
    const vector = vectors.records.find((record) => record.step_hashes.length > 1);
    assert.ok(vector);
    const steps = stepsOf(tree(vector.input));
    const second = hearthStepHash(steps[1] as JsonTree, vector.step_hashes[0] as string);
    assert.ok(second.ok);
    assert.equal(second.hash, vector.step_hashes[1]);
    const unlinked = hearthStepHash(steps[1] as JsonTree, null);
    assert.ok(unlinked.ok);
    assert.notEqual(unlinked.hash, vector.step_hashes[1]);
  });

  it('ignores hash members a step already carries', () => {
    const vector = vectors.records[0];
    assert.ok(vector);
    const step = stepsOf(tree(vector.input))[0] as JsonTree;
    assert.ok(step.kind === 'object');
    const carrying = jsonObject([...step.members, { key: 'previous_event_hash', value: { kind: 'string', value: 'x' } }, { key: 'event_hash', value: { kind: 'string', value: 'y' } }]);
    assert.deepEqual(hearthStepHash(carrying, null), hearthStepHash(step, null));
  });
});

describe('hearth hashes on incomplete documents', () => {
  it('names the missing fields instead of guessing them', () => {
    assert.deepEqual(hearthExecutionHash(tree('{"execution_id": "x", "security_snapshot_pre": {"timestamp": "t"}}')), {
      ok: false,
      missing: ['plan_id', 'live_mode_state', 'status', 'timestamp_start', 'timestamp_end', 'security_snapshot_pre.security_state', 'security_snapshot_pre.boundary_state', 'step_events'],
    });
    assert.deepEqual(hearthExecutionHash(tree('[]')).ok, false);
  });

  it('stops the step chain at the first step lacking a field', () => {
    const steps = stepsOf(tree('{"step_events": [{"timestamp": "t", "step_index": 0, "step_name": "a", "event_type": "step_started", "details": {}, "error_message": null}, {"timestamp": "t"}, {}]}'));
    const chain = hearthStepChain(steps);
    assert.equal(chain.hashes.length, 1);
    assert.deepEqual(chain.stoppedAt, { index: 1, missing: ['step_index', 'step_name', 'event_type', 'details', 'error_message'] });
  });
});
