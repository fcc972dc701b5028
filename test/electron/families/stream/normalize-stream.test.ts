import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeStream } from '../../../../electron/families/stream/normalize-stream';
import type { NormalizedEvent } from '../../../../shared/model/normalized-event';

const STARTED = '{"timestamp":"2026-01-09T08:00:00Z","mission_id":"m-42","event_type":"status","payload":{"state":"started"}}';
const NAVIGATION = '{"timestamp":"2026-01-09T08:00:01Z","mission_id":"m-42","event_type":"navigation","payload":{"url":"https://example.com","action":"click","detail":"next page"}}';
const EXTRACTION = '{"timestamp":"2026-01-09T08:00:02Z","mission_id":"m-42","event_type":"extraction","payload":{"selector":"table.prices","records":25}}';
const SIGNAL = '{"timestamp":"2026-01-09T08:00:03Z","mission_id":"m-42","event_type":"signal","payload":{"name":"captcha_detected","level":"warning"}}';
const FAILED = '{"timestamp":"2026-01-09T08:00:09Z","mission_id":"m-42","event_type":"status","payload":{"state":"failed","detail":"blocked by captcha"}}';

function parse(line: string): Record<string, unknown> {
  return JSON.parse(line) as Record<string, unknown>;
}

function line(eventType: unknown, payload: unknown, top: Record<string, unknown> = {}): Record<string, unknown> {
  return { timestamp: '2026-01-09T08:00:00Z', mission_id: 'm-42', event_type: eventType, payload, ...top };
}

function codes(event: NormalizedEvent): string[] {
  return event.problems.map((problem) => problem.code);
}

describe('normalizeStream', () => {
  it('normalizes a status event keyed by mission_id with its state as status', () => {
    assert.deepEqual(normalizeStream(parse(STARTED)), {
      family: 'stream',
      kind: 'status',
      executionKey: 'm-42',
      timestampMs: Date.UTC(2026, 0, 9, 8),
      status: 'started',
      errorCode: null,
      actor: null,
      failed: false,
      problems: [],
      facts: { family: 'stream', missionId: 'm-42', eventType: 'status', state: 'started' },
    });
  });

  it('gives navigation, extraction and warning signals no status and no failure', () => {
    for (const example of [NAVIGATION, EXTRACTION, SIGNAL]) {
      const event = normalizeStream(parse(example));
      assert.equal(event.status, null, example);
      assert.equal(event.failed, false, example);
      assert.deepEqual(event.problems, [], example);
    }
  });

  it('marks a failed status as failed', () => {
    const event = normalizeStream(parse(FAILED));
    assert.equal(event.status, 'failed');
    assert.equal(event.failed, true);
    assert.deepEqual(event.problems, []);
  });

  it('marks an error-level signal as failed', () => {
    assert.equal(normalizeStream(line('signal', { name: 'crash', level: 'error' })).failed, true);
  });

  it('reports an unknown event_type and keeps it as the kind', () => {
    const event = normalizeStream(line('screenshot', { path: 'a.png' }));
    assert.deepEqual(codes(event), ['stream.unknown_event_type']);
    assert.match(event.problems[0]?.message ?? '', /"screenshot"/);
    assert.equal(event.kind, 'screenshot');
  });

  it('reports a status event whose state is unknown or missing', () => {
    const paused = normalizeStream(line('status', { state: 'paused' }));
    assert.deepEqual(codes(paused), ['stream.unknown_state']);
    assert.match(paused.problems[0]?.message ?? '', /"paused"/);
    assert.equal(paused.status, 'paused');
    assert.deepEqual(codes(normalizeStream(line('status', {}))), ['stream.unknown_state']);
  });

  it('reports a state of the wrong type once, as stream.invalid_shape', () => {
    const event = normalizeStream(line('status', { state: 3 }));
    assert.deepEqual(codes(event), ['stream.invalid_shape']);
    assert.match(event.problems[0]?.message ?? '', /payload\.state/);
    assert.equal(event.status, null);
  });

  it('reports a missing payload or a non-string mission_id as stream.invalid_shape, with no execution key', () => {
    const noPayload = normalizeStream({ timestamp: '2026-01-09T08:00:00Z', mission_id: 'm-42', event_type: 'navigation' });
    assert.deepEqual(codes(noPayload), ['stream.invalid_shape']);
    assert.match(noPayload.problems[0]?.message ?? '', /payload is missing/);
    const numericMission = normalizeStream(line('navigation', {}, { mission_id: 42 }));
    assert.deepEqual(codes(numericMission), ['stream.invalid_shape']);
    assert.equal(numericMission.executionKey, null);
  });

  it('reports a non-UTC timestamp and converts it', () => {
    const event = normalizeStream(line('navigation', {}, { timestamp: '2026-01-09T10:00:00+02:00' }));
    assert.deepEqual(codes(event), ['time.not_utc']);
    assert.equal(event.timestampMs, Date.UTC(2026, 0, 9, 8));
  });

  it('reports an unparseable timestamp and keeps the event without time', () => {
    const event = normalizeStream(line('navigation', {}, { timestamp: 'soon' }));
    assert.deepEqual(codes(event), ['time.invalid']);
    assert.equal(event.timestampMs, null);
  });

  it('never throws on hostile input', () => {
    const junk: Record<string, unknown>[] = [
      {},
      line(['status'], [1, 2, 3], { mission_id: { id: 1 } }),
      parse('{"mission_id":"m","event_type":"status","payload":{"__proto__":{"state":"failed"}}}'),
      line('signal', { level: Array.from({ length: 100_000 }, () => 'error') }),
    ];
    for (const obj of junk) assert.doesNotThrow(() => normalizeStream(obj));
    assert.equal(normalizeStream(junk[2] ?? {}).failed, false, 'a state under __proto__ is not read');
  });
});
