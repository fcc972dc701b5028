import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeExecEvent } from '../../../../electron/families/exec-event/normalize-exec-event';
import type { NormalizedEvent } from '../../../../shared/model/normalized-event';

const SUCCESS = '{"trace_id":"tr-7f3a","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}';
const FAILED = '{"trace_id":"tr-7f3b","action_type":"delete_rows","adapter":"postgres","status":"failed","product":"billing","timestamp":"2026-03-02T10:15:05.002Z","error_code":"ADAPTER_EXCEPTION"}';
const UNTRACED = '{"trace_id":"","action_type":"send_email","adapter":"none","status":"failed","product":"crm","timestamp":"2026-03-02T10:15:06Z","error_code":"MISSING_TRACE_ID"}';

function parse(line: string): Record<string, unknown> {
  return JSON.parse(line) as Record<string, unknown>;
}

function withFields(line: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { ...parse(line), ...fields };
}

function codes(event: NormalizedEvent): string[] {
  return event.problems.map((problem) => problem.code);
}

describe('normalizeExecEvent', () => {
  it('normalizes a successful terminal event keyed by trace_id', () => {
    assert.deepEqual(normalizeExecEvent(parse(SUCCESS)), {
      family: 'exec-event',
      kind: 'terminal',
      executionKey: 'tr-7f3a',
      timestampMs: Date.UTC(2026, 2, 2, 10, 15, 4, 120),
      status: 'success',
      errorCode: null,
      actor: 'smtp',
      failed: false,
      problems: [],
      facts: { family: 'exec-event', product: 'crm', actionType: 'send_email', adapter: 'smtp' },
    });
  });

  it('marks a failed event as failed and keeps its error_code', () => {
    const event = normalizeExecEvent(parse(FAILED));
    assert.equal(event.failed, true);
    assert.equal(event.errorCode, 'ADAPTER_EXCEPTION');
    assert.equal(event.actor, 'postgres');
    assert.deepEqual(event.problems, []);
  });

  it('groups an empty trace_id under the product untraced key without a problem', () => {
    const event = normalizeExecEvent(parse(UNTRACED));
    assert.equal(event.executionKey, 'untraced/crm');
    assert.deepEqual(event.problems, []);
  });

  it('groups a missing or null trace_id under the untraced key too', () => {
    const { trace_id: _dropped, ...rest } = parse(SUCCESS);
    assert.equal(normalizeExecEvent(rest).executionKey, 'untraced/crm');
    assert.deepEqual(normalizeExecEvent(rest).problems, []);
    assert.equal(normalizeExecEvent(withFields(SUCCESS, { trace_id: null })).executionKey, 'untraced/crm');
  });

  it('reports one exec.missing_field per missing required field, timestamp included', () => {
    const event = normalizeExecEvent({ adapter: 'smtp', status: 'success' });
    const missing = event.problems.filter((problem) => problem.code === 'exec.missing_field').map((problem) => problem.message);
    assert.deepEqual(missing, ['required field action_type is missing', 'required field product is missing', 'required field timestamp is missing']);
    assert.ok(codes(event).includes('time.missing'));
    assert.ok(!codes(event).includes('exec.invalid_field'));
    assert.equal(event.executionKey, 'untraced/unknown-product');
  });

  it('reports a status outside success|failed and counts it as failed', () => {
    const event = normalizeExecEvent(withFields(SUCCESS, { status: 'partial' }));
    assert.deepEqual(codes(event), ['exec.invalid_status']);
    assert.match(event.problems[0]?.message ?? '', /"partial"/);
    assert.equal(event.failed, true);
  });

  it('reports failed without error_code, also when error_code is null or empty', () => {
    for (const errorCode of [undefined, null, '']) {
      const event = normalizeExecEvent(withFields(FAILED, { error_code: errorCode }));
      assert.ok(codes(event).includes('exec.failed_without_error_code'), String(errorCode));
    }
  });

  it('reports every extra field in one exec.forbidden_field naming the keys, never their values', () => {
    const event = normalizeExecEvent(withFields(SUCCESS, { payload: { body: 'hunter2' }, user_email: 'alice@example.com' }));
    assert.deepEqual(codes(event), ['exec.forbidden_field']);
    const message = event.problems[0]?.message ?? '';
    assert.match(message, /"payload"/);
    assert.match(message, /"user_email"/);
    assert.doesNotMatch(message, /hunter2|alice@example\.com/);
  });

  it('caps the keys named in exec.forbidden_field', () => {
    const extra: Record<string, unknown> = {};
    for (let index = 0; index < 500; index += 1) extra[`k${index}`] = index;
    const event = normalizeExecEvent(withFields(SUCCESS, extra));
    assert.deepEqual(codes(event), ['exec.forbidden_field']);
    assert.match(event.problems[0]?.message ?? '', /and 490 more/);
  });

  it('reports success with adapter "none"', () => {
    assert.deepEqual(codes(normalizeExecEvent(withFields(SUCCESS, { adapter: 'none' }))), ['exec.success_without_adapter']);
  });

  it('reports fields of the wrong type in one exec.invalid_field and reads them as null', () => {
    const event = normalizeExecEvent(withFields(SUCCESS, { adapter: 5, product: ['crm'], error_code: 7 }));
    assert.deepEqual(codes(event), ['exec.invalid_field']);
    const message = event.problems[0]?.message ?? '';
    for (const path of ['adapter', 'product', 'error_code']) assert.match(message, new RegExp(path));
    assert.equal(event.actor, null);
    assert.equal(event.errorCode, null);
    assert.deepEqual(event.facts, { family: 'exec-event', product: null, actionType: 'send_email', adapter: null });
  });

  it('reports a non-UTC timestamp and converts it', () => {
    const event = normalizeExecEvent(withFields(SUCCESS, { timestamp: '2026-03-02T12:15:04.120+02:00' }));
    assert.deepEqual(codes(event), ['time.not_utc']);
    assert.equal(event.timestampMs, Date.UTC(2026, 2, 2, 10, 15, 4, 120));
  });

  it('reports a numeric timestamp once, as time.invalid', () => {
    assert.deepEqual(codes(normalizeExecEvent(withFields(SUCCESS, { timestamp: 1767945600 }))), ['time.invalid']);
  });

  it('never throws on hostile input', () => {
    const junk: Record<string, unknown>[] = [
      {},
      parse('{"__proto__":{"status":"success"},"adapter":{"__proto__":1},"action_type":[[[[]]]]}'),
      { adapter: Array.from({ length: 100_000 }, (_, index) => index), status: { nested: { deeper: [null] } }, trace_id: 42, product: false },
      Object.create(null) as Record<string, unknown>,
    ];
    for (const obj of junk) assert.doesNotThrow(() => normalizeExecEvent(obj));
  });
});
