import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { chainHead, chainStepEvents, executionHash, stepEventHash, type ExecutionHashFields } from '../fixtures/hash-chain-fixture';

interface VectorCase {
  readonly name: string;
  readonly execution?: ExecutionHashFields;
  readonly step_events: readonly Record<string, unknown>[];
  readonly expect: { readonly chain: 'intact' | 'broken'; readonly brokenAt?: number; readonly reason?: string; readonly execution_hash?: string };
}

// dist/test/fixtures-check/ -> the source copy, which tsc does not carry into dist.
const vectors = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'test', 'fixtures', 'hash-chain-vectors.json'), 'utf8')) as { readonly cases: readonly VectorCase[] };

const withoutChainFields = (event: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'event_hash' && key !== 'previous_event_hash'));

describe('hash chain fixture writer against the spec vectors', () => {
  const intact = vectors.cases.filter((vector) => vector.expect.chain === 'intact');

  it('has intact cases to check', () => {
    assert.ok(intact.length >= 2);
  });

  for (const vector of intact) {
    it(`re-chains "${vector.name}" to the same previous_event_hash and event_hash values`, () => {
      const rechained = chainStepEvents(vector.step_events.map(withoutChainFields));
      assert.deepEqual(rechained, vector.step_events);
      assert.equal(JSON.stringify(rechained), JSON.stringify(vector.step_events), 'key order as the producer writes it');
    });
  }

  for (const vector of vectors.cases.filter((candidate) => candidate.expect.execution_hash !== undefined)) {
    it(`reproduces the execution_hash of "${vector.name}"`, () => {
      assert.ok(vector.execution !== undefined);
      assert.equal(executionHash(vector.execution, chainHead(vector.step_events)), vector.expect.execution_hash);
    });
  }

  it('ignores kind when hashing, as an observer line carries it and a document does not', () => {
    const event = vector0();
    assert.equal(stepEventHash({ ...event, kind: 'step_event' }), event['event_hash']);
  });

  for (const vector of vectors.cases.filter((candidate) => candidate.expect.reason === 'event_hash_mismatch')) {
    it(`sees the edited event of "${vector.name}" no longer match its own hash`, () => {
      const edited = vector.step_events[vector.expect.brokenAt ?? -1];
      assert.ok(edited !== undefined);
      assert.notEqual(stepEventHash(edited), edited['event_hash']);
    });
  }

  function vector0(): Record<string, unknown> {
    const first = intact.find((vector) => vector.step_events.length > 0)?.step_events[0];
    assert.ok(first !== undefined);
    return first;
  }
});
