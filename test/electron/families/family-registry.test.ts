import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectFamily, FAMILY_MODULES, INDEX_FAMILY_RULES, normalizeObject } from '../../../electron/families/family-registry';
import { FAMILIES } from '../../../shared/model/family';
import { PROBLEM_CODES } from '../../../shared/model/problem-code';
import { detectRecordShape } from '../../../electron/families/record/record-shape';

function parse(line: string): Record<string, unknown> {
  return JSON.parse(line) as Record<string, unknown>;
}

const EXAMPLES: readonly (readonly [string, string])[] = [
  ['exec-event', '{"trace_id":"tr-7f3a","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"}'],
  ['exec-event', '{"trace_id":"tr-7f3b","action_type":"delete_rows","adapter":"postgres","status":"failed","product":"billing","timestamp":"2026-03-02T10:15:05.002Z","error_code":"ADAPTER_EXCEPTION"}'],
  ['exec-event', '{"trace_id":"","action_type":"send_email","adapter":"none","status":"failed","product":"crm","timestamp":"2026-03-02T10:15:06Z","error_code":"MISSING_TRACE_ID"}'],
  ['benson', '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:00.000000+00:00","event_type":"PAC_DISPATCH_START","authority":"BENSON (GID-00)","data":{"pac_id":"PAC-DAN-P53-01","agent_gid":"GID-07","agent_name":"Dan","phase":"DISPATCH"}}'],
  ['benson', '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:01.000000+00:00","event_type":"CHECKPOINT","authority":"BENSON (GID-00)","data":{"checkpoint_id":"CP-01","checkpoint_name":"AGENT_ACTIVATION_VALIDATION","status":"PASS","details":"Agent Dan (GID-07) activation validated","phase":"CHECKPOINT"}}'],
  ['benson', '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:04.600000+00:00","event_type":"SCHEMA_VALIDATION","authority":"BENSON (GID-00)","data":{"pac_id":"PAC-DAN-P53-01","schema_type":"AgentExecutionResult","valid":false,"error_code":"GS_130","phase":"VALIDATION"}}'],
  ['benson', '{"telemetry_version":"1.0.0","timestamp":"2025-12-26T01:00:05.000000+00:00","event_type":"PAC_DISPATCH_END","authority":"BENSON (GID-00)","data":{"pac_id":"PAC-DAN-P53-01","status":"BLOCKED","duration_ms":5000,"phase":"DISPATCH_COMPLETE"}}'],
  ['cycle', '{"schema_version":"0.1","timestamp":"2025-10-06T12:34:56.789Z","source":"planner","run_id":"2025-10-06T12-30-00Z/refactor-config-loader","cycle":2,"event":"plan.generated","payload":{"steps":5,"confidence":0.61,"inputs":["user_goal","memory_context"],"redacted_fields":[]},"tags":{"agent":"default","environment":"workstation","task":"refactor-config-loader"}}'],
  ['cycle', '{"schema_version":"0.1","timestamp":"2025-10-06T12:35:02.001Z","source":"executor","run_id":"2025-10-06T12-30-00Z/refactor-config-loader","cycle":2,"event":"executor.command_completed","payload":{"command":"pytest","args":"REDACTED","exit_code":1,"stdout_digest":"sha256:9f2c…","stderr_digest":"sha256:77aa…","redacted_fields":["args"]},"tags":{"agent":"default"}}'],
  ['stream', '{"timestamp":"2026-01-09T08:00:00Z","mission_id":"m-42","event_type":"status","payload":{"state":"started"}}'],
  ['stream', '{"timestamp":"2026-01-09T08:00:01Z","mission_id":"m-42","event_type":"navigation","payload":{"url":"https://example.com","action":"click","detail":"next page"}}'],
  ['stream', '{"timestamp":"2026-01-09T08:00:02Z","mission_id":"m-42","event_type":"extraction","payload":{"selector":"table.prices","records":25}}'],
  ['stream', '{"timestamp":"2026-01-09T08:00:03Z","mission_id":"m-42","event_type":"signal","payload":{"name":"captcha_detected","level":"warning"}}'],
  ['stream', '{"timestamp":"2026-01-09T08:00:09Z","mission_id":"m-42","event_type":"status","payload":{"state":"failed","detail":"blocked by captcha"}}'],
  ['record', '{"record_version":"1","kind":"execution_started","execution_id":"exec-001","plan_id":"plan-001","timestamp":"2026-02-01T09:00:00Z","live_mode_state":"LIVE","security_snapshot":{"captured_at":"2026-02-01T09:00:00Z","security_state":"NORMAL","policy_version":"7","active_capabilities":["fs.write","db.write"]}}'],
  ['record', '{"record_version":"1","kind":"step_event","execution_id":"exec-001","timestamp":"2026-02-01T09:00:01Z","step_index":0,"step_name":"Initialize","event_type":"STARTED","details":{"input":"data"},"error_message":null,"previous_event_hash":null,"event_hash":"<sha256 hex>"}'],
  ['record', '{"record_version":"1","kind":"side_effect","execution_id":"exec-001","timestamp":"2026-02-01T09:00:02Z","step_index":0,"category":"FILE_SYSTEM","description":"Created /tmp/data.txt","reversible":true,"details":{}}'],
  ['record', '{"record_version":"1","kind":"execution_finished","execution_id":"exec-001","timestamp":"2026-02-01T09:00:09Z","status":"FAILED","reason":"Step 2 failed","security_snapshot":{"captured_at":"2026-02-01T09:00:09Z","security_state":"DEGRADED","policy_version":"7","active_capabilities":["fs.write","db.write","net.raw"]}}'],
];

describe('detectFamily', () => {
  it('detects the family of every example line of formats.md', () => {
    for (const [family, line] of EXAMPLES) assert.equal(detectFamily(parse(line)), family, line);
  });

  it('detects a record document and a plan document', () => {
    assert.equal(detectFamily({ execution_id: 'exec-001', plan_id: 'plan-001', step_events: [], status: 'COMPLETED' }), 'record');
    assert.equal(detectFamily({ execution_id: 'exec-001', side_effects_report: { declared: [], observed: [] } }), 'record');
    assert.equal(detectFamily({ execution_id: 'exec-001', execution_hash: null }), 'record');
    assert.equal(detectFamily({ plan_id: 'plan-001', rollback_hints: [] }), 'record');
    assert.equal(detectFamily({ plan_id: 'plan-001', declared_side_effects: [] }), 'record');
  });

  it('detects an observer line by kind alone, without record_version', () => {
    assert.equal(detectFamily({ execution_id: 'e', kind: 'side_effect' }), 'record');
    assert.equal(detectFamily({ execution_id: 'e', kind: 'mystery' }), 'generic');
    assert.equal(detectFamily({ execution_id: 'e', record_version: '1', kind: 'mystery' }), 'record');
  });

  it('keeps a benson line without telemetry_version or authority out of benson', () => {
    assert.equal(detectFamily({ event_type: 'CHECKPOINT', data: {} }), 'generic');
    assert.equal(detectFamily({ event_type: 'CHECKPOINT', data: [], authority: 'x' }), 'generic');
    assert.equal(detectFamily({ event_type: 'CHECKPOINT', data: {}, authority: 'x' }), 'benson');
  });

  it('requires a cycle marker besides run_id and event', () => {
    assert.equal(detectFamily({ run_id: 'r', event: 'x' }), 'generic');
    assert.equal(detectFamily({ run_id: 'r', event: 'x', source: 'planner' }), 'cycle');
    assert.equal(detectFamily({ run_id: 'r', event: 'x', cycle: 1 }), 'cycle');
  });

  it('requires adapter or action_type plus a second exec-event marker', () => {
    assert.equal(detectFamily({ status: 'ok', product: 'crm' }), 'generic');
    assert.equal(detectFamily({ adapter: 'smtp' }), 'generic');
    assert.equal(detectFamily({ adapter: 'smtp', status: 'success' }), 'exec-event');
    assert.equal(detectFamily({ action_type: 'send_email', trace_id: 't' }), 'exec-event');
  });

  it('falls back to generic for objects of no family', () => {
    assert.equal(detectFamily({}), 'generic');
    assert.equal(detectFamily({ level: 'info', msg: 'server started', ts: '2026-01-01T00:00:00Z' }), 'generic');
  });

  it('looks only at own keys, never inherited ones', () => {
    assert.equal(detectFamily(parse('{"constructor":1,"toString":2,"__proto__":{"adapter":"x","status":"y"}}')), 'generic');
    const bare = Object.create(null) as Record<string, unknown>;
    bare.mission_id = 'm';
    bare.event_type = 'status';
    assert.equal(detectFamily(bare), 'stream');
  });
});

describe('detectRecordShape', () => {
  it('tells plan documents, record documents and observer lines apart', () => {
    assert.equal(detectRecordShape({ plan_id: 'p', rollback_hints: [] }), 'plan_document');
    assert.equal(detectRecordShape({ plan_id: 'p', rollback_hints: [], execution_id: 'e', execution_hash: 'h' }), 'record_document');
    assert.equal(detectRecordShape({ execution_id: 'e', step_events: [] }), 'record_document');
    assert.equal(detectRecordShape({ execution_id: 'e', step_events: [], kind: 'step_event' }), 'observer_line');
    assert.equal(detectRecordShape({ execution_id: 'e', record_version: '1' }), 'observer_line');
    assert.equal(detectRecordShape({ plan_id: 'p' }), null);
  });
});

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

describe('FAMILY_MODULES', () => {
  it('files each module under its own name, with a detection rank of its own and generic tried last', () => {
    const modules = Object.entries(FAMILY_MODULES);
    assert.deepEqual(modules.map(([name]) => name).sort(), [...FAMILIES].sort());
    for (const [name, module] of modules) assert.equal(module.family, name);
    const ranks = modules.map(([, module]) => module.detectionRank);
    assert.equal(new Set(ranks).size, ranks.length);
    assert.equal(Math.max(...ranks), FAMILY_MODULES.generic.detectionRank);
  });

  it('hands the index writer the same rules the modules hold', () => {
    for (const family of FAMILIES) assert.equal(INDEX_FAMILY_RULES[family], FAMILY_MODULES[family].index);
  });
});
