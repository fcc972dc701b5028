import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compareExecutionHash, eventHash, executionHash, executionHashOrNull, verifyChain } from '../../../electron/integrity/hash-chain';
import { chainVerdictSchema } from '../../../shared/model/inspection';

type StepEvent = Record<string, unknown>;

interface VectorCase {
  readonly name: string;
  readonly execution?: { readonly execution_id: string; readonly plan_id: string; readonly live_mode_state: string; readonly status: string };
  readonly step_events: StepEvent[];
  readonly expect: { readonly chain: string; readonly brokenAt?: number; readonly reason?: string; readonly execution_hash?: string };
}

// Compiled to dist/test/electron/inspect, so the fixture is four folders up from here.
const vectors = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'hash-chain-vectors.json'), 'utf8')) as { cases: VectorCase[] };

function vector(name: string): VectorCase {
  const found = vectors.cases.find((c) => c.name === name);
  assert.ok(found, `vector ${name} exists`);
  return found;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe('verifyChain on the spec vectors', () => {
  it('covers all seven known-answer cases', () => {
    assert.equal(vectors.cases.length, 7);
  });

  for (const testCase of vectors.cases) {
    it(`gives the known answer for "${testCase.name}"`, () => {
      const verdict = verifyChain(testCase.step_events);
      assert.equal(verdict.chain, testCase.expect.chain);
      assert.equal(verdict.brokenAt, testCase.expect.brokenAt);
      assert.equal(verdict.reason, testCase.expect.reason);
      assert.equal(verdict.length, testCase.step_events.length);
      chainVerdictSchema.parse(verdict);
      if (testCase.execution !== undefined) {
        assert.equal(executionHash({ ...testCase.execution, chain_head: verdict.chainHead }), testCase.expect.execution_hash);
      }
    });
  }
});

describe('verifyChain details', () => {
  it('recomputes every stored event_hash of the intact vector with eventHash', () => {
    for (const event of vector('intact chain with unicode and quotes').step_events) assert.equal(eventHash(event), event['event_hash']);
  });

  it('ignores kind and event_hash and key order when hashing', () => {
    const event = vector('intact chain with unicode and quotes').step_events[2] as StepEvent;
    const reordered = Object.fromEntries(Object.entries(event).reverse());
    assert.equal(eventHash({ kind: 'step_event', ...reordered, event_hash: 'whatever' }), event['event_hash']);
  });

  it('reports the chain head as the last stored event_hash, intact or not', () => {
    assert.equal(verifyChain(vector('intact chain with unicode and quotes').step_events).chainHead, 'b41246413a8c1fce206a332d6a09607ecccca9c0fde834c8382cdc90fb24b381');
    assert.equal(verifyChain(vector('details edited after hashing').step_events).chainHead, '098a68845a8f4b7500d826cd524f338e59fe9740552a0b404170624f94e28e6e');
    assert.equal(verifyChain(vector('event without event_hash').step_events).chainHead, null);
  });

  it('treats an execution without step events as intact with length 0 and no head', () => {
    assert.deepEqual(verifyChain([]), { chain: 'intact', length: 0, chainHead: null });
  });

  it('gives the stored and the recomputed hash for event_hash_mismatch', () => {
    const events = vector('details edited after hashing').step_events;
    const verdict = verifyChain(events);
    assert.equal(verdict.expected, '5c5a6eccb535ce72e47a993328755e42ce561e826fbefc0ae7b1de20638a128a');
    assert.equal(verdict.computed, eventHash(events[1] as StepEvent));
    assert.notEqual(verdict.computed, verdict.expected);
  });

  it('gives the previous stored hash and the link found for previous_hash_mismatch', () => {
    const verdict = verifyChain(vector('an event removed').step_events);
    assert.equal(verdict.expected, 'b75a5e64b6480d91d5b63299817e72d26337a35c7ce03366c151cf01419eb6c5');
    assert.equal(verdict.computed, 'dd2ea3c6212416c5bda9199f6212255280d3e6af13e14bc19b4d8f0e45febd54');
  });

  it('gives null and the recomputed hash for missing_event_hash', () => {
    const events = vector('event without event_hash').step_events;
    const verdict = verifyChain(events);
    assert.equal(verdict.expected, null);
    assert.equal(verdict.computed, eventHash(events[1] as StepEvent));
  });

  it('reports a first event whose previous_event_hash is not null as previous_hash_mismatch at 0, expecting null', () => {
    const events = clone(vector('an event removed').step_events).slice(1);
    const verdict = verifyChain(events);
    assert.deepEqual({ brokenAt: verdict.brokenAt, reason: verdict.reason, expected: verdict.expected, computed: verdict.computed }, {
      brokenAt: 0,
      reason: 'previous_hash_mismatch',
      expected: null,
      computed: 'dd2ea3c6212416c5bda9199f6212255280d3e6af13e14bc19b4d8f0e45febd54',
    });
  });

  it('reports event_hash_mismatch, not the link, for an event whose content and link were both edited', () => {
    const events = clone(vector('intact chain with unicode and quotes').step_events);
    (events[1] as StepEvent)['previous_event_hash'] = 'f'.repeat(64);
    const verdict = verifyChain(events);
    assert.equal(verdict.brokenAt, 1);
    assert.equal(verdict.reason, 'event_hash_mismatch');
  });

  it('reports missing_event_hash before the link for an event with neither a hash nor a right link', () => {
    const events = clone(vector('intact chain with unicode and quotes').step_events);
    delete (events[2] as StepEvent)['event_hash'];
    (events[2] as StepEvent)['previous_event_hash'] = null;
    assert.equal(verifyChain(events).reason, 'missing_event_hash');
  });

  it('reports an event holding a number beyond JSON range (1e400 parses to Infinity) as unhashable, not a crash', () => {
    const events = clone(vector('intact chain with unicode and quotes').step_events);
    (events[2] as StepEvent)['details'] = JSON.parse('{"n":1e400}') as unknown;
    const verdict = verifyChain(events);
    assert.deepEqual({ brokenAt: verdict.brokenAt, reason: verdict.reason, computed: verdict.computed }, { brokenAt: 2, reason: 'unhashable_event', computed: null });
    assert.equal(verdict.expected, (events[2] as StepEvent)['event_hash']);
    chainVerdictSchema.parse(verdict);
    const stored = clone(vector('intact chain with unicode and quotes').step_events);
    (stored[0] as StepEvent)['event_hash'] = JSON.parse('[1e400]') as unknown;
    // event_hash is not covered by the hash, so a stored one beyond range is a plain mismatch, shown as a note.
    assert.equal(verifyChain(stored).reason, 'event_hash_mismatch');
    assert.match(verifyChain(stored).expected ?? '', /beyond JSON range/);
  });

  it('reports only the first break when several events are damaged', () => {
    const events = clone(vector('intact chain with unicode and quotes').step_events);
    (events[3] as StepEvent)['details'] = { n: 'edited' };
    (events[1] as StepEvent)['details'] = { n: 'edited' };
    assert.equal(verifyChain(events).brokenAt, 1);
  });

  it('never accepts a stored hash or link that is not a string, giving it as canonical JSON', () => {
    const events = clone(vector('intact chain with unicode and quotes').step_events);
    (events[0] as StepEvent)['event_hash'] = 42;
    assert.deepEqual([verifyChain(events).reason, verifyChain(events).expected], ['event_hash_mismatch', '42']);
    const first = clone(vector('intact chain with unicode and quotes').step_events).slice(0, 1) as StepEvent[];
    (first[0] as StepEvent)['previous_event_hash'] = 0;
    (first[0] as StepEvent)['event_hash'] = eventHash(first[0] as StepEvent);
    assert.deepEqual([verifyChain(first).reason, verifyChain(first).computed], ['previous_hash_mismatch', '0']);
  });

  it('accepts a first event without a previous_event_hash key as linked to nothing', () => {
    const [first] = clone(vector('intact chain with unicode and quotes').step_events) as [StepEvent];
    delete first['previous_event_hash'];
    first['event_hash'] = eventHash(first);
    assert.equal(verifyChain([first]).chain, 'intact');
  });
});

describe('executionHash and compareExecutionHash', () => {
  const testCase = vector('execution_hash of the intact chain');
  const fields = { ...(testCase.execution as NonNullable<VectorCase['execution']>), chain_head: verifyChain(testCase.step_events).chainHead };

  it('matches the known execution_hash', () => {
    assert.equal(compareExecutionHash(testCase.expect.execution_hash, fields), 'match');
  });

  it('reports a mismatch when any covered field differs', () => {
    assert.equal(compareExecutionHash(testCase.expect.execution_hash, { ...fields, status: 'COMPLETED' }), 'mismatch');
    assert.equal(compareExecutionHash(testCase.expect.execution_hash, { ...fields, chain_head: null }), 'mismatch');
  });

  it('reports a mismatch, not a crash, when a covered field is a number beyond JSON range', () => {
    const huge = { ...fields, status: JSON.parse('1e400') as string };
    assert.equal(compareExecutionHash(testCase.expect.execution_hash, huge), 'mismatch');
    assert.equal(executionHashOrNull(huge), null);
  });

  it('reports absent when the document carries no execution_hash', () => {
    assert.equal(compareExecutionHash(null, fields), 'absent');
    assert.equal(compareExecutionHash(undefined, fields), 'absent');
  });

  it('hashes a null chain head for an execution without step events', () => {
    assert.match(executionHash({ ...fields, chain_head: null }), /^[0-9a-f]{64}$/);
    assert.notEqual(executionHash({ ...fields, chain_head: null }), testCase.expect.execution_hash);
  });
});
