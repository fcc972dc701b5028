import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeRecord } from '../../../../electron/families/record/normalize-record';
import type { EventFacts, NormalizedEvent } from '../../../../shared/model/normalized-event';

const STARTED = '{"record_version":"1","kind":"execution_started","execution_id":"exec-001","plan_id":"plan-001","timestamp":"2026-02-01T09:00:00Z","live_mode_state":"LIVE","security_snapshot":{"captured_at":"2026-02-01T09:00:00Z","security_state":"NORMAL","policy_version":"7","active_capabilities":["fs.write","db.write"]}}';
const STEP = '{"record_version":"1","kind":"step_event","execution_id":"exec-001","timestamp":"2026-02-01T09:00:01Z","step_index":0,"step_name":"Initialize","event_type":"STARTED","details":{"input":"data"},"error_message":null,"previous_event_hash":null,"event_hash":"<sha256 hex>"}';
const SIDE_EFFECT = '{"record_version":"1","kind":"side_effect","execution_id":"exec-001","timestamp":"2026-02-01T09:00:02Z","step_index":0,"category":"FILE_SYSTEM","description":"Created /tmp/data.txt","reversible":true,"details":{}}';
const FINISHED = '{"record_version":"1","kind":"execution_finished","execution_id":"exec-001","timestamp":"2026-02-01T09:00:09Z","status":"FAILED","reason":"Step 2 failed","security_snapshot":{"captured_at":"2026-02-01T09:00:09Z","security_state":"DEGRADED","policy_version":"7","active_capabilities":["fs.write","db.write","net.raw"]}}';

/** A record document as formats.md §5b describes it, pretty-printed as producers write it. */
const DOCUMENT = `{
  "execution_id": "exec-001",
  "plan_id": "plan-001",
  "live_mode_state": "DRY_RUN",
  "security_snapshot_pre": {"captured_at": "2026-02-01T09:00:00Z", "security_state": "NORMAL", "policy_version": "7"},
  "security_snapshot_post": {"captured_at": "2026-02-01T09:00:09Z", "security_state": "NORMAL", "policy_version": "8"},
  "step_events": [
    {"step_index": 0, "step_name": "Initialize", "event_type": "STARTED", "timestamp": "2026-02-01T09:00:01Z", "details": {}, "error_message": null, "previous_event_hash": null, "event_hash": "aa"},
    {"step_index": 0, "step_name": "Initialize", "event_type": "COMPLETED", "timestamp": "2026-02-01T09:00:02Z", "details": {}, "error_message": null, "previous_event_hash": "aa", "event_hash": "bb"}
  ],
  "side_effects_report": {
    "declared": [{"step_index": 0, "category": "FILE_SYSTEM", "description": "Create /tmp/data.txt", "reversible": true, "details": {}}],
    "observed": [{"step_index": 0, "category": "FILE_SYSTEM", "description": "Created /tmp/data.txt", "reversible": true, "details": {"bytes": 12}}]
  },
  "status": "COMPLETED",
  "timestamp_start": "2026-02-01T09:00:00Z",
  "timestamp_end": "2026-02-01T09:00:09Z",
  "execution_hash": "cc"
}`;

/** A plan document as formats.md §5c describes it. */
const PLAN = `{
  "plan_id": "plan-001",
  "steps": [{"index": 0, "name": "Initialize"}, {"index": 1, "name": "Write rows"}],
  "declared_side_effects": [{"step_index": 1, "category": "DATA_MUTATION", "description": "Insert rows into orders", "reversible": false, "details": {"table": "orders"}}],
  "rollback_hints": [
    {"step_index": 1, "description": "Remove inserted rows", "actions": ["DELETE FROM orders WHERE batch_id = 'b-1'"], "risks": ["Rows edited since may be lost"]},
    {"step_index": 0, "description": "Remove temp file", "actions": ["rm /tmp/data.txt"], "risks": []}
  ]
}`;

function parse(text: string): Record<string, unknown> {
  return JSON.parse(text) as Record<string, unknown>;
}

function withFields(text: string, fields: Record<string, unknown>): Record<string, unknown> {
  return { ...parse(text), ...fields };
}

function codes(event: NormalizedEvent): string[] {
  return event.problems.map((problem) => problem.code);
}

function recordFacts(event: NormalizedEvent): Extract<EventFacts, { family: 'record' }> {
  assert.equal(event.facts.family, 'record');
  return event.facts as Extract<EventFacts, { family: 'record' }>;
}

const EMPTY_FACTS = {
  family: 'record',
  executionId: 'exec-001',
  planId: null,
  liveMode: null,
  snapshotPre: null,
  snapshotPost: null,
  stepEvents: [],
  observedSideEffects: [],
  declaredSideEffects: [],
  rollbackHints: [],
  planSteps: [],
  executionHash: null,
  sideEffectsReported: false,
} as const;

describe('normalizeRecord: observer lines', () => {
  it('normalizes execution_started with plan, live mode and the pre snapshot split into known and free fields', () => {
    assert.deepEqual(normalizeRecord(parse(STARTED)), {
      family: 'record',
      kind: 'execution_started',
      executionKey: 'exec-001',
      timestampMs: Date.UTC(2026, 1, 1, 9),
      status: 'STARTED',
      errorCode: null,
      actor: null,
      failed: false,
      problems: [],
      facts: {
        ...EMPTY_FACTS,
        recordKind: 'execution_started',
        planId: 'plan-001',
        liveMode: 'LIVE',
        snapshotPre: { capturedAt: '2026-02-01T09:00:00Z', securityState: 'NORMAL', fields: { policy_version: '7', active_capabilities: ['fs.write', 'db.write'] } },
      },
    });
  });

  it('normalizes step_event into one step fact whose body is the line without kind', () => {
    const event = normalizeRecord(parse(STEP));
    assert.equal(event.status, 'STARTED');
    assert.equal(event.failed, false);
    assert.deepEqual(event.problems, []);
    const { kind: _kind, ...body } = parse(STEP);
    assert.deepEqual(recordFacts(event).stepEvents, [
      {
        stepIndex: 0,
        stepName: 'Initialize',
        eventType: 'STARTED',
        timestampMs: Date.UTC(2026, 1, 1, 9, 0, 1),
        errorMessage: null,
        previousEventHash: null,
        eventHash: '<sha256 hex>',
        body,
      },
    ]);
  });

  it('marks a FAILED step event as failed', () => {
    const event = normalizeRecord(withFields(STEP, { event_type: 'FAILED', error_message: 'boom' }));
    assert.equal(event.failed, true);
    assert.equal(recordFacts(event).stepEvents[0]?.errorMessage, 'boom');
  });

  it('normalizes side_effect into one observed side effect', () => {
    const event = normalizeRecord(parse(SIDE_EFFECT));
    assert.deepEqual(event.problems, []);
    assert.equal(event.status, null);
    assert.deepEqual(recordFacts(event).observedSideEffects, [{ stepIndex: 0, category: 'FILE_SYSTEM', description: 'Created /tmp/data.txt', reversible: true, details: {} }]);
  });

  it('normalizes execution_finished with its status and the post snapshot', () => {
    const event = normalizeRecord(parse(FINISHED));
    assert.equal(event.status, 'FAILED');
    assert.equal(event.failed, true);
    assert.deepEqual(event.problems, []);
    assert.deepEqual(recordFacts(event).snapshotPost, {
      capturedAt: '2026-02-01T09:00:09Z',
      securityState: 'DEGRADED',
      fields: { policy_version: '7', active_capabilities: ['fs.write', 'db.write', 'net.raw'] },
    });
  });

  it('counts INCOMPLETE and COMPLETED_PARTIAL as failed, COMPLETED not', () => {
    assert.equal(normalizeRecord(withFields(FINISHED, { status: 'INCOMPLETE' })).failed, true);
    assert.equal(normalizeRecord(withFields(FINISHED, { status: 'COMPLETED_PARTIAL' })).failed, true);
    assert.equal(normalizeRecord(withFields(FINISHED, { status: 'COMPLETED' })).failed, false);
  });

  it('reports an unknown kind and keeps the line as recordKind unknown', () => {
    const event = normalizeRecord(withFields(STEP, { kind: 'heartbeat' }));
    assert.deepEqual(codes(event), ['record.unknown_kind']);
    assert.match(event.problems[0]?.message ?? '', /"heartbeat"/);
    assert.equal(event.kind, 'heartbeat');
    assert.equal(recordFacts(event).recordKind, 'unknown');
    assert.equal(event.executionKey, 'exec-001');
  });

  it('reports a missing execution_id as record.invalid_shape and gives no execution key', () => {
    const { execution_id: _dropped, ...rest } = parse(SIDE_EFFECT);
    const event = normalizeRecord(rest);
    assert.deepEqual(codes(event), ['record.invalid_shape']);
    assert.match(event.problems[0]?.message ?? '', /execution_id is missing/);
    assert.equal(event.executionKey, null);
  });

  it('reports invalid live_mode_state, status and category values, naming the value', () => {
    const liveMode = normalizeRecord(withFields(STARTED, { live_mode_state: 'SIMULATED' }));
    assert.deepEqual(codes(liveMode), ['record.invalid_shape']);
    assert.match(liveMode.problems[0]?.message ?? '', /live_mode_state is "SIMULATED", not one of DRY_RUN, LIVE/);
    const status = normalizeRecord(withFields(FINISHED, { status: 'DONE' }));
    assert.match(status.problems[0]?.message ?? '', /status is "DONE"/);
    assert.equal(status.status, 'DONE');
    const category = normalizeRecord(withFields(SIDE_EFFECT, { category: 'DISK' }));
    assert.match(category.problems[0]?.message ?? '', /category is "DISK"/);
    assert.equal(recordFacts(category).observedSideEffects[0]?.category, 'DISK');
  });

  it('keeps an own __proto__ key in the step body as data, not as a prototype', () => {
    const event = normalizeRecord(parse('{"kind":"step_event","execution_id":"e","timestamp":"2026-02-01T09:00:01Z","step_index":0,"event_type":"STARTED","__proto__":{"x":1}}'));
    const body = recordFacts(event).stepEvents[0]?.body ?? {};
    assert.ok(Object.hasOwn(body, '__proto__'));
    assert.equal(Object.getPrototypeOf(body), Object.prototype);
    assert.ok(!Object.hasOwn(body, 'kind'));
  });
});

describe('normalizeRecord: record documents', () => {
  it('normalizes a record document with its steps, side effects, snapshots and execution hash', () => {
    const obj = parse(DOCUMENT);
    const event = normalizeRecord(obj);
    assert.equal(event.kind, 'record_document');
    assert.equal(event.executionKey, 'exec-001');
    assert.equal(event.timestampMs, Date.UTC(2026, 1, 1, 9));
    assert.equal(event.status, 'COMPLETED');
    assert.equal(event.failed, false);
    assert.deepEqual(event.problems, []);
    const facts = recordFacts(event);
    assert.equal(facts.recordKind, 'record_document');
    assert.equal(facts.planId, 'plan-001');
    assert.equal(facts.liveMode, 'DRY_RUN');
    assert.equal(facts.executionHash, 'cc');
    assert.deepEqual(facts.snapshotPre?.fields, { policy_version: '7' });
    assert.deepEqual(facts.snapshotPost?.fields, { policy_version: '8' });
    assert.deepEqual(
      facts.stepEvents.map((step) => [step.eventType, step.previousEventHash, step.eventHash, step.timestampMs]),
      [
        ['STARTED', null, 'aa', Date.UTC(2026, 1, 1, 9, 0, 1)],
        ['COMPLETED', 'aa', 'bb', Date.UTC(2026, 1, 1, 9, 0, 2)],
      ],
    );
    assert.equal(facts.stepEvents[1]?.body, (obj.step_events as unknown[])[1], 'the body is the element as is');
    assert.deepEqual(facts.declaredSideEffects, [{ stepIndex: 0, category: 'FILE_SYSTEM', description: 'Create /tmp/data.txt', reversible: true, details: {} }]);
    assert.deepEqual(facts.observedSideEffects, [{ stepIndex: 0, category: 'FILE_SYSTEM', description: 'Created /tmp/data.txt', reversible: true, details: { bytes: 12 } }]);
  });

  it('reports a document step timestamp that is not UTC, naming its path', () => {
    const obj = parse(DOCUMENT);
    const steps = obj.step_events as Record<string, unknown>[];
    steps[1] = { ...steps[1], timestamp: '2026-02-01T10:00:02+01:00' };
    const event = normalizeRecord(obj);
    assert.deepEqual(codes(event), ['time.not_utc']);
    assert.match(event.problems[0]?.message ?? '', /^step_events\[1\]\.timestamp /);
    assert.equal(recordFacts(event).stepEvents[1]?.timestampMs, Date.UTC(2026, 1, 1, 9, 0, 2));
  });

  it('reports a missing timestamp_start as time.missing naming the field', () => {
    const { timestamp_start: _dropped, ...rest } = parse(DOCUMENT);
    const event = normalizeRecord(rest);
    assert.deepEqual(event.problems, [{ code: 'time.missing', message: 'timestamp_start is missing' }]);
  });

  it('reports wrong types inside the document in one record.invalid_shape naming their paths', () => {
    const obj = parse(DOCUMENT);
    (obj.step_events as Record<string, unknown>[])[0] = { step_index: 'zero', event_type: 'STARTED' };
    obj.security_snapshot_pre = { security_state: 'PANIC' };
    const event = normalizeRecord(obj);
    assert.deepEqual(codes(event), ['record.invalid_shape']);
    const message = event.problems[0]?.message ?? '';
    assert.match(message, /step_events\[0\]\.step_index should be a number, not a string/);
    assert.match(message, /security_snapshot_pre\.security_state is "PANIC"/);
    assert.equal(recordFacts(event).stepEvents[0]?.stepIndex, null);
  });
});

describe('normalizeRecord: plan documents', () => {
  it('normalizes a plan document without execution key or time, keeping hints verbatim', () => {
    const event = normalizeRecord(parse(PLAN));
    assert.equal(event.kind, 'plan_document');
    assert.equal(event.executionKey, null);
    assert.equal(event.timestampMs, null);
    assert.deepEqual(event.problems, []);
    assert.deepEqual(event.facts, {
      ...EMPTY_FACTS,
      executionId: null,
      recordKind: 'plan_document',
      planId: 'plan-001',
      planSteps: [
        { index: 0, name: 'Initialize' },
        { index: 1, name: 'Write rows' },
      ],
      declaredSideEffects: [{ stepIndex: 1, category: 'DATA_MUTATION', description: 'Insert rows into orders', reversible: false, details: { table: 'orders' } }],
      rollbackHints: [
        { stepIndex: 1, description: 'Remove inserted rows', actions: ["DELETE FROM orders WHERE batch_id = 'b-1'"], risks: ['Rows edited since may be lost'] },
        { stepIndex: 0, description: 'Remove temp file', actions: ['rm /tmp/data.txt'], risks: [] },
      ],
    });
  });

  it('keeps a hint action of the wrong type as its JSON text and reports the shape', () => {
    const event = normalizeRecord({ plan_id: 'p', rollback_hints: [{ step_index: 0, description: 'd', actions: ['a', { cmd: 'b' }, 3], risks: [] }] });
    assert.deepEqual(codes(event), ['record.invalid_shape']);
    assert.match(event.problems[0]?.message ?? '', /rollback_hints\[0\]\.actions\[1\]/);
    assert.deepEqual(recordFacts(event).rollbackHints[0]?.actions, ['a', '{"cmd":"b"}', '3']);
  });
});

describe('normalizeRecord: hostile input', () => {
  it('never throws', () => {
    let deep: unknown = [];
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    const junk: Record<string, unknown>[] = [
      {},
      { execution_id: 5, kind: 7 },
      { execution_id: 'e', step_events: Array.from({ length: 100_000 }, (_, index) => (index % 2 === 0 ? index : { step_index: 'x' })) },
      { execution_id: 'e', side_effects_report: { observed: 'x', declared: [null, [], { category: 1 }] }, execution_hash: {} },
      { plan_id: 'p', rollback_hints: [null, 1, { actions: [deep], risks: 'x' }], steps: [{ index: 1.5 }, 'x'] },
      { execution_id: 'e', record_version: '1', kind: 'execution_started', security_snapshot: [1], live_mode_state: {} },
      Object.create(null) as Record<string, unknown>,
    ];
    for (const obj of junk) assert.doesNotThrow(() => normalizeRecord(obj));
  });

  it('caps the paths named in one shape problem', () => {
    const event = normalizeRecord({ execution_id: 'e', step_events: Array.from({ length: 1000 }, () => ({ step_index: 'x', event_type: 'STARTED' })), timestamp_start: '2026-02-01T09:00:00Z' });
    assert.deepEqual(codes(event), ['record.invalid_shape']);
    assert.match(event.problems[0]?.message ?? '', /and 995 more$/);
  });
});
