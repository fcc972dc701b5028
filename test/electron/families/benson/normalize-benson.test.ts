import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeBenson } from '../../../../electron/families/benson/normalize-benson';
import type { NormalizedEvent } from '../../../../shared/model/normalized-event';

const START = '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:00.000000+00:00","event_type":"PAC_DISPATCH_START","authority":"BENSON (GID-00)","data":{"pac_id":"PAC-DAN-P53-01","agent_gid":"GID-07","agent_name":"Dan","phase":"DISPATCH"}}';
const CHECKPOINT = '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:01.000000+00:00","event_type":"CHECKPOINT","authority":"BENSON (GID-00)","data":{"checkpoint_id":"CP-01","checkpoint_name":"AGENT_ACTIVATION_VALIDATION","status":"PASS","details":"Agent Dan (GID-07) activation validated","phase":"CHECKPOINT"}}';
const SCHEMA_VALIDATION = '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:04.600000+00:00","event_type":"SCHEMA_VALIDATION","authority":"BENSON (GID-00)","data":{"pac_id":"PAC-DAN-P53-01","schema_type":"AgentExecutionResult","valid":false,"error_code":"GS_130","phase":"VALIDATION"}}';
const END = '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:05.000000+00:00","event_type":"PAC_DISPATCH_END","authority":"BENSON (GID-00)","data":{"pac_id":"PAC-DAN-P53-01","status":"BLOCKED","duration_ms":5000,"phase":"DISPATCH_COMPLETE"}}';

function parse(line: string): Record<string, unknown> {
  return JSON.parse(line) as Record<string, unknown>;
}

/** A valid Benson line of the given event type and data. */
function benson(eventType: string, data: Record<string, unknown>, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { telemetry_version: '1.0.0', timestamp: '2025-12-26T01:00:00Z', event_type: eventType, authority: 'BENSON (GID-00)', data, ...top };
}

function codes(event: NormalizedEvent): string[] {
  return event.problems.map((problem) => problem.code);
}

describe('normalizeBenson', () => {
  it('normalizes PAC_DISPATCH_START keyed by pac_id with the agent name as actor', () => {
    assert.deepEqual(normalizeBenson(parse(START)), {
      family: 'benson',
      kind: 'PAC_DISPATCH_START',
      executionKey: 'PAC-DAN-P53-01',
      timestampMs: Date.UTC(2025, 11, 26, 1),
      status: null,
      errorCode: null,
      actor: 'Dan',
      failed: false,
      problems: [],
      facts: { family: 'benson', eventType: 'PAC_DISPATCH_START', pacId: 'PAC-DAN-P53-01', checkpoint: null },
    });
  });

  it('leaves a CHECKPOINT without execution key so it joins the open PAC, with its checkpoint facts', () => {
    const event = normalizeBenson(parse(CHECKPOINT));
    assert.equal(event.executionKey, null);
    assert.equal(event.status, 'PASS');
    assert.equal(event.failed, false);
    assert.deepEqual(event.problems, []);
    assert.deepEqual(event.facts, {
      family: 'benson',
      eventType: 'CHECKPOINT',
      pacId: null,
      checkpoint: { id: 'CP-01', name: 'AGENT_ACTIVATION_VALIDATION', status: 'PASS', details: 'Agent Dan (GID-07) activation validated' },
    });
  });

  it('marks a FAIL checkpoint as failed', () => {
    assert.equal(normalizeBenson(benson('CHECKPOINT', { checkpoint_id: 'CP-03', status: 'FAIL' })).failed, true);
  });

  it('reads SCHEMA_VALIDATION valid=false as status invalid, failed, with its error code', () => {
    const event = normalizeBenson(parse(SCHEMA_VALIDATION));
    assert.equal(event.status, 'invalid');
    assert.equal(event.errorCode, 'GS_130');
    assert.equal(event.failed, true);
    assert.deepEqual(event.problems, []);
    const valid = normalizeBenson(benson('SCHEMA_VALIDATION', { pac_id: 'P', valid: true }));
    assert.equal(valid.status, 'valid');
    assert.equal(valid.failed, false);
  });

  it('marks PAC_DISPATCH_END BLOCKED or FAILED as failed, COMPLETED not', () => {
    assert.equal(normalizeBenson(parse(END)).failed, true);
    assert.equal(normalizeBenson(parse(END)).status, 'BLOCKED');
    assert.equal(normalizeBenson(benson('PAC_DISPATCH_END', { pac_id: 'P', status: 'FAILED' })).failed, true);
    assert.equal(normalizeBenson(benson('PAC_DISPATCH_END', { pac_id: 'P', status: 'COMPLETED' })).failed, false);
  });

  it('reads BER_GENERATION_DECISION eligibility as its status', () => {
    assert.equal(normalizeBenson(benson('BER_GENERATION_DECISION', { pac_id: 'P', eligible: true })).status, 'eligible');
    const notEligible = normalizeBenson(benson('BER_GENERATION_DECISION', { pac_id: 'P', eligible: false, reason: 'quality' }));
    assert.equal(notEligible.status, 'not_eligible');
    assert.equal(notEligible.failed, false);
  });

  it('marks a blocked WRAP_GENERATION as failed and keeps its status', () => {
    const event = normalizeBenson(benson('WRAP_GENERATION', { pac_id: 'P', wrap_id: 'W-1', status: 'BLOCKED', blocked: true, error_code: 'GS_131' }));
    assert.equal(event.failed, true);
    assert.equal(event.status, 'BLOCKED');
    assert.equal(event.errorCode, 'GS_131');
  });

  it('accepts custom event types and shows their data.status', () => {
    const event = normalizeBenson(benson('HUMAN_REVIEW_REQUESTED', { pac_id: 'P', status: 'PENDING', agent_gid: 'GID-02' }));
    assert.deepEqual(event.problems, []);
    assert.equal(event.kind, 'HUMAN_REVIEW_REQUESTED');
    assert.equal(event.status, 'PENDING');
    assert.equal(event.actor, 'GID-02');
  });

  it('reports an authority that is not exactly BENSON (GID-00), including a missing one', () => {
    for (const authority of ['benson (gid-00)', 'DAN (GID-07)', 7, undefined]) {
      const event = normalizeBenson(benson('AGENT_EXECUTION_START', { pac_id: 'P' }, { authority }));
      assert.deepEqual(codes(event), ['benson.authority_violation'], String(authority));
    }
    const { authority: _dropped, ...withoutAuthority } = parse(START);
    assert.match(normalizeBenson(withoutAuthority).problems[0]?.message ?? '', /authority is missing/);
  });

  it('reports a missing or non-semver telemetry_version and accepts pre-release and build', () => {
    for (const version of ['1.0', 'v1.0.0', '01.0.0', 1, undefined]) {
      const event = normalizeBenson(benson('AGENT_EXECUTION_START', { pac_id: 'P' }, { telemetry_version: version }));
      assert.deepEqual(codes(event), ['benson.invalid_version'], String(version));
    }
    assert.deepEqual(normalizeBenson(benson('AGENT_EXECUTION_START', { pac_id: 'P' }, { telemetry_version: '1.2.3-rc.1+build.5' })).problems, []);
  });

  it('reports PAC_DISPATCH_START and END without pac_id, but not other events', () => {
    assert.deepEqual(codes(normalizeBenson(benson('PAC_DISPATCH_START', { agent_name: 'Dan' }))), ['benson.missing_pac_id']);
    assert.deepEqual(codes(normalizeBenson(benson('PAC_DISPATCH_END', { pac_id: '', status: 'COMPLETED' }))), ['benson.missing_pac_id']);
    assert.deepEqual(normalizeBenson(benson('AGENT_EXECUTION_END', { tasks_completed: 3 })).problems, []);
  });

  it('reports a non-UTC timestamp and converts it', () => {
    const event = normalizeBenson(benson('AGENT_EXECUTION_START', { pac_id: 'P' }, { timestamp: '2025-12-26T03:00:00+02:00' }));
    assert.deepEqual(codes(event), ['time.not_utc']);
    assert.equal(event.timestampMs, Date.UTC(2025, 11, 26, 1));
  });

  it('reports fields of the wrong type in one benson.invalid_shape and reads them as null', () => {
    const event = normalizeBenson(benson('SCHEMA_VALIDATION', { pac_id: 53, valid: 'false', agent_name: ['Dan'] }));
    assert.deepEqual(codes(event), ['benson.invalid_shape']);
    const message = event.problems[0]?.message ?? '';
    for (const path of ['data.pac_id', 'data.valid', 'data.agent_name']) assert.match(message, new RegExp(path.replace('.', '\\.')));
    assert.equal(event.executionKey, null);
    assert.equal(event.status, null);
    assert.equal(event.failed, false);
    assert.equal(event.actor, null);
  });

  it('never throws on hostile input', () => {
    const junk: Record<string, unknown>[] = [
      {},
      { event_type: 5, data: 'x', authority: {}, telemetry_version: [] },
      parse('{"event_type":"CHECKPOINT","authority":"BENSON (GID-00)","data":{"__proto__":{"status":"FAIL"},"checkpoint_id":{}}}'),
      { event_type: 'PAC_DISPATCH_END', telemetry_version: '1.0.0', data: { status: Array.from({ length: 100_000 }, () => 'FAILED') } },
    ];
    for (const obj of junk) assert.doesNotThrow(() => normalizeBenson(obj));
  });
});
