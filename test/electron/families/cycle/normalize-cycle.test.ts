import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeCycle } from '../../../../electron/families/cycle/normalize-cycle';
import type { NormalizedEvent } from '../../../../shared/model/normalized-event';

const PLAN_GENERATED = '{"schema_version":"0.1","timestamp":"2025-10-06T12:34:56.789Z","source":"planner","run_id":"2025-10-06T12-30-00Z/refactor-config-loader","cycle":2,"event":"plan.generated","payload":{"steps":5,"confidence":0.61,"inputs":["user_goal","memory_context"],"redacted_fields":[]},"tags":{"agent":"default","environment":"workstation","task":"refactor-config-loader"}}';
const COMMAND_COMPLETED = '{"schema_version":"0.1","timestamp":"2025-10-06T12:35:02.001Z","source":"executor","run_id":"2025-10-06T12-30-00Z/refactor-config-loader","cycle":2,"event":"executor.command_completed","payload":{"command":"pytest","args":"REDACTED","exit_code":1,"stdout_digest":"sha256:9f2c…","stderr_digest":"sha256:77aa…","redacted_fields":["args"]},"tags":{"agent":"default"}}';

const RUN_ID = '2025-10-06T12-30-00Z/refactor-config-loader';

function parse(line: string): Record<string, unknown> {
  return JSON.parse(line) as Record<string, unknown>;
}

/** A valid envelope of the given event and payload. */
function envelope(event: string, payload: Record<string, unknown>, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { schema_version: '0.1', timestamp: '2025-10-06T12:35:00Z', source: 'executor', run_id: 'run/1', cycle: 1, event, payload, ...top };
}

function codes(event: NormalizedEvent): string[] {
  return event.problems.map((problem) => problem.code);
}

function messages(event: NormalizedEvent): string {
  return event.problems.map((problem) => problem.message).join('\n');
}

describe('normalizeCycle', () => {
  it('normalizes plan.generated keyed by run_id with its source as actor', () => {
    assert.deepEqual(normalizeCycle(parse(PLAN_GENERATED)), {
      family: 'cycle',
      kind: 'plan.generated',
      executionKey: RUN_ID,
      timestampMs: Date.UTC(2025, 9, 6, 12, 34, 56, 789),
      status: null,
      errorCode: null,
      actor: 'planner',
      failed: false,
      problems: [],
      facts: { family: 'cycle', runId: RUN_ID, cycle: 2, source: 'planner', event: 'plan.generated' },
    });
  });

  it('reads a non-zero exit code as a failed command with an exit_code error, and accepts REDACTED and sha256 digests', () => {
    const event = normalizeCycle(parse(COMMAND_COMPLETED));
    assert.equal(event.status, 'failed');
    assert.equal(event.errorCode, 'exit_code 1');
    assert.equal(event.failed, true);
    assert.deepEqual(event.problems, []);
  });

  it('reads exit code 0 as ok', () => {
    const event = normalizeCycle(envelope('executor.command_completed', { command: 'ls', exit_code: 0 }));
    assert.equal(event.status, 'ok');
    assert.equal(event.errorCode, null);
    assert.equal(event.failed, false);
  });

  it('reads a command without exit code as failed without error code', () => {
    const event = normalizeCycle(envelope('executor.command_completed', { command: 'ls' }));
    assert.equal(event.status, 'failed');
    assert.equal(event.errorCode, null);
  });

  it('reads executor.error with its exception, failed unless handled', () => {
    const unhandled = normalizeCycle(envelope('executor.error', { exception: 'TimeoutError', message: 'took too long' }));
    assert.equal(unhandled.status, 'error');
    assert.equal(unhandled.errorCode, 'TimeoutError');
    assert.equal(unhandled.failed, true);
    assert.equal(normalizeCycle(envelope('executor.error', { exception: 'TimeoutError', handled: true })).failed, false);
  });

  it('reads review.decision as its status, failed only on abort', () => {
    assert.equal(normalizeCycle(envelope('review.decision', { decision: 'abort' })).failed, true);
    const accepted = normalizeCycle(envelope('review.decision', { decision: 'accept' }));
    assert.equal(accepted.status, 'accept');
    assert.equal(accepted.failed, false);
  });

  it('reads plan.step_completed status, failed on failed or error', () => {
    assert.equal(normalizeCycle(envelope('plan.step_completed', { status: 'failed', duration_ms: 5 })).failed, true);
    assert.equal(normalizeCycle(envelope('plan.step_completed', { status: 'error' })).failed, true);
    const ok = normalizeCycle(envelope('plan.step_completed', { status: 'ok' }));
    assert.equal(ok.status, 'ok');
    assert.equal(ok.failed, false);
  });

  it('accepts any module.action event and shows its payload.status', () => {
    const event = normalizeCycle(envelope('optimizer.benchmark_completed', { status: 'done', tokens_per_s: 41.5, latency_ms: 120 }));
    assert.deepEqual(event.problems, []);
    assert.equal(event.status, 'done');
    assert.equal(event.failed, false);
  });

  it('reports a cycle that is missing or not an integer >= 1', () => {
    for (const cycle of [0, -1, 1.5, '2', null, undefined]) {
      const event = normalizeCycle(envelope('plan.generated', {}, { cycle }));
      assert.deepEqual(codes(event), ['cycle.invalid_cycle'], String(cycle));
      assert.equal(event.facts.family === 'cycle' ? event.facts.cycle : 'wrong family', null);
    }
  });

  it('reports a redacted field whose value is neither REDACTED nor a hash, never echoing it', () => {
    const event = normalizeCycle(envelope('executor.command_started', { command: 'deploy', args: '--user admin --pass swordfish', redacted_fields: ['args'] }));
    assert.deepEqual(codes(event), ['cycle.unredacted_value']);
    assert.match(messages(event), /payload\.args/);
    assert.doesNotMatch(messages(event), /swordfish/);
  });

  it('accepts hash forms as redacted: sha1 with ellipsis, bare 64 hex, md5', () => {
    const payload = { a: 'sha1:0beec7b5…', b: 'b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c', c: 'md5:d41d8cd98f00b204e9800998ecf8427e', d: 'REDACTED', redacted_fields: ['a', 'b', 'c', 'd', 'absent'] };
    assert.deepEqual(normalizeCycle(envelope('executor.command_started', payload)).problems, []);
  });

  it('reports secret-like values anywhere in payload and tags, naming the path and the kind, never the value', () => {
    const payload = {
      stdout: 'key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
      env: ['PATH=/usr/bin', 'HOME=/root', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE'],
      db: { host: 'localhost', password: 'hunter2' },
      api_key: 'k-123456',
    };
    const event = normalizeCycle(envelope('executor.command_completed', { ...payload, exit_code: 0 }, { tags: { auth: 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig' } }));
    assert.deepEqual(codes(event), Array.from({ length: 5 }, () => 'cycle.secret_like_value'));
    const text = messages(event);
    assert.match(text, /payload\.stdout looks like a private key block/);
    assert.match(text, /payload\.env\[2\] looks like an AWS access key id/);
    assert.match(text, /payload\.db\.password looks like a credential/);
    assert.match(text, /payload\.api_key looks like a credential/);
    assert.match(text, /tags\.auth looks like a bearer token/);
    assert.doesNotMatch(text, /hunter2|AKIAIOSFODNN7EXAMPLE|eyJhbGci|MIIEow|k-123456/);
  });

  it('never reports a redacted or empty credential, nor harmless keys that contain "token"', () => {
    const payload = { password: 'REDACTED', access_token: 'sha256:9f2c…', secret: '', auth: 'Bearer REDACTED', tokenizer: 'gpt2', tokens_per_s: 41, redacted_fields: ['password', 'access_token'] };
    assert.deepEqual(normalizeCycle(envelope('optimizer.benchmark_completed', payload)).problems, []);
  });

  it('caps the secret-like values reported one by one and counts the rest', () => {
    const env = Array.from({ length: 50 }, (_, index) => `AKIA${String(index).padStart(16, 'A')}`);
    const event = normalizeCycle(envelope('executor.command_started', { env }));
    assert.equal(event.problems.length, 11);
    assert.match(event.problems[10]?.message ?? '', /^40 more values under payload look like secrets$/);
  });

  it('stops the secret scan at depth 64 without throwing on deeper nesting', () => {
    let nested: Record<string, unknown> = { password: 'hunter2' };
    for (let depth = 0; depth < 10_000; depth += 1) nested = { inner: nested };
    const deep = normalizeCycle(envelope('plan.generated', { nested }));
    assert.deepEqual(deep.problems, []);
    let shallow: Record<string, unknown> = { password: 'hunter2' };
    for (let depth = 0; depth < 10; depth += 1) shallow = { inner: shallow };
    assert.deepEqual(codes(normalizeCycle(envelope('plan.generated', { shallow }))), ['cycle.secret_like_value']);
  });

  it('reports a missing or empty run_id as cycle.invalid_shape and gives no execution key', () => {
    for (const runId of ['', 7]) {
      const event = normalizeCycle(envelope('plan.generated', {}, { run_id: runId }));
      assert.deepEqual(codes(event), ['cycle.invalid_shape'], String(runId));
      assert.match(messages(event), /run_id/);
      assert.equal(event.executionKey, null);
      assert.equal(event.facts.family === 'cycle' ? event.facts.runId : 'wrong family', '');
    }
  });

  it('reports payload fields of the wrong type in one cycle.invalid_shape', () => {
    const event = normalizeCycle(envelope('executor.error', { exception: { type: 'X' }, handled: 'yes', redacted_fields: 'args' }));
    assert.deepEqual(codes(event), ['cycle.invalid_shape']);
    assert.match(messages(event), /payload\.exception.*payload\.handled|payload\.redacted_fields/);
    assert.equal(event.errorCode, null);
    assert.equal(event.failed, true);
  });

  it('reports a timestamp without zone and reads it as UTC', () => {
    const event = normalizeCycle(envelope('plan.generated', {}, { timestamp: '2025-10-06T12:35:00' }));
    assert.deepEqual(codes(event), ['time.no_zone']);
    assert.equal(event.timestampMs, Date.UTC(2025, 9, 6, 12, 35));
  });

  it('never throws on hostile input', () => {
    const junk: Record<string, unknown>[] = [
      {},
      { run_id: {}, event: [], cycle: 'x', payload: 'x', tags: 5 },
      parse('{"run_id":"r","event":"executor.error","source":1,"payload":{"__proto__":{"handled":true},"redacted_fields":[1,null,"__proto__","constructor"]},"tags":{"__proto__":"Bearer abcdefghijkl"}}'),
      envelope('plan.generated', { big: Array.from({ length: 100_000 }, (_, index) => ({ index, token: '' })) }),
    ];
    for (const obj of junk) assert.doesNotThrow(() => normalizeCycle(obj));
    const proto = normalizeCycle(junk[2] ?? {});
    assert.equal(proto.failed, true, 'an inherited-looking handled flag is not read');
    assert.match(messages(proto), /tags\.__proto__ looks like a bearer token/);
  });
});
