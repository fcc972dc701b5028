import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeObject } from '../../../electron/ingest/normalize-object';
import { PROBLEM_CODES } from '../../../shared/model/problem-code';

/** A small deterministic generator, so a failure reproduces. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'trace_id', 'action_type', 'adapter', 'status', 'product', 'timestamp', 'error_code', 'telemetry_version', 'event_type', 'authority', 'data',
  'pac_id', 'valid', 'schema_version', 'source', 'run_id', 'cycle', 'event', 'payload', 'tags', 'redacted_fields', 'exit_code', 'handled',
  'mission_id', 'state', 'level', 'record_version', 'kind', 'execution_id', 'plan_id', 'live_mode_state', 'security_snapshot', 'step_events',
  'side_effects_report', 'observed', 'declared', 'execution_hash', 'rollback_hints', 'declared_side_effects', 'actions', 'risks', 'steps',
  'category', 'password', 'token', '__proto__', 'constructor', 'toString',
] as const;

const STRINGS = ['', 'success', 'failed', 'status', 'CHECKPOINT', 'PAC_DISPATCH_END', 'execution_finished', 'step_event', 'REDACTED', 'Bearer abcdefghij', '2026-01-09T08:00:00Z', '2026-01-09T08:00:00+02:00', 'x'.repeat(300)];

function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 4 ? 5 : 8));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return random() < 0.5;
    case 2:
      return Math.floor(random() * 5) - 1;
    case 3:
    case 4:
      return STRINGS[Math.floor(random() * STRINGS.length)];
    case 5:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default:
      return randomObject(random, depth + 1);
  }
}

function randomObject(random: () => number, depth: number): Record<string, unknown> {
  const json: string[] = [];
  const count = Math.floor(random() * 10);
  for (let index = 0; index < count; index += 1) {
    const key = KEYS[Math.floor(random() * KEYS.length)] ?? 'k';
    json.push(`${JSON.stringify(key)}:${JSON.stringify(randomValue(random, depth))}`);
  }
  // Built through JSON.parse so that "__proto__" becomes an own key, as it does for real lines.
  return JSON.parse(`{${json.join(',')}}`) as Record<string, unknown>;
}

describe('normalizeObject', () => {
  it('dispatches each family to its normalizer', () => {
    assert.equal(normalizeObject({ trace_id: 't', action_type: 'a', adapter: 'smtp', status: 'success', product: 'p', timestamp: '2026-03-02T10:15:04Z' }).family, 'exec-event');
    assert.equal(normalizeObject({ telemetry_version: '1.0.0', event_type: 'CHECKPOINT', authority: 'BENSON (GID-00)', data: {} }).family, 'benson');
    assert.equal(normalizeObject({ run_id: 'r', event: 'plan.generated', cycle: 1 }).family, 'cycle');
    assert.equal(normalizeObject({ mission_id: 'm', event_type: 'status', payload: { state: 'started' } }).family, 'stream');
    assert.equal(normalizeObject({ execution_id: 'e', kind: 'side_effect' }).family, 'record');
    assert.equal(normalizeObject({ hello: 'world' }).family, 'generic');
  });

  it('never throws on thousands of random objects and only reports known problem codes', () => {
    const random = mulberry32(20260302);
    for (let iteration = 0; iteration < 5000; iteration += 1) {
      const obj = randomObject(random, 0);
      const event = normalizeObject(obj);
      for (const problem of event.problems) {
        assert.ok(Object.hasOwn(PROBLEM_CODES, problem.code), problem.code);
        assert.ok(problem.message.length > 0 && problem.message.length < 2000, problem.message);
      }
      assert.equal(typeof event.kind, 'string');
      assert.equal(typeof event.failed, 'boolean');
    }
  });
});
