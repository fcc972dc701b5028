import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { sniffContent } from '../../../electron/ingest/classify-file';
import { TextEntries } from '../../../electron/ingest/text-entries';
import { textLineToEvent } from '../../../electron/ingest/text-line-to-event';

function event(text: string) {
  const { outcome } = textLineToEvent(text);
  assert.equal(outcome.type, 'event', text);
  return outcome.type === 'event' ? outcome : assert.fail('not an event');
}

describe('a line of a plain-text log', () => {
  it('is a searchable text event with the time and level of its prefix', () => {
    const line = '2026-03-02T10:00:05Z ERROR agent_ops: step 2 failed: type "customer_tier" does not exist';
    const { event: e, searchText } = event(line);
    assert.deepEqual([e.family, e.kind, e.timestampMs, e.status, e.failed], ['generic', 'text', Date.UTC(2026, 2, 2, 10, 0, 5), 'error', true]);
    assert.equal(searchText, line, 'the whole line is searchable');
    assert.deepEqual(event('collector ready').event.timestampMs, null);
  });

  it("flags a naive prefix time (Python logging's asctime) and reads it as UTC", () => {
    const { event: e } = event('2026-12-03 07:55:34,153 - root - INFO - started');
    assert.equal(e.timestampMs, Date.UTC(2026, 11, 3, 7, 55, 34, 153));
    assert.deepEqual(e.problems.map((problem) => problem.code), ['time.no_zone']);
  });

  it("reads workflow-executor's Python dict literal after its logging prefix as an exec-event", () => {
    const { event: e } = event(
      "[INFO] 2026-12-03 07:55:34,154 | EXECUTION_EVENT | {'trace_id': 'tr-006', 'action_type': 'whatsapp', 'adapter': 'WhatsAppAdapter', 'status': 'success', 'product': 'gurukul', 'timestamp': '2026-12-03T07:55:34.154512Z'}",
    );
    assert.deepEqual([e.family, e.kind, e.executionKey, e.status, e.failed], ['exec-event', 'terminal', 'tr-006', 'success', false]);
    assert.equal(e.timestampMs, Date.parse('2026-12-03T07:55:34.154Z'));
  });

  it("reads ChainBridge's [TELEMETRY] JSON as a Benson event", () => {
    const { event: e } = event('[TELEMETRY] {"telemetry_version": "1.0.0", "timestamp": "2026-12-03T07:55:34.009763+00:00", "event_type": "PAC_DISPATCH_START", "authority": "BENSON (GID-00)", "data": {"pac_id": "PAC-1", "phase": "DISPATCH"}}');
    assert.deepEqual([e.family, e.kind, e.executionKey], ['benson', 'PAC_DISPATCH_START', 'PAC-1']);
  });

  it('keeps a malformed payload as text with a problem, and never throws on junk', () => {
    const { event: e } = event("[INFO] x | EXECUTION_EVENT | {'trace_id': 'tr-9', 'status': started}");
    assert.equal(e.kind, 'text');
    assert.deepEqual(e.problems.map((problem) => problem.code), ['text.invalid_payload']);
    const { event: cut } = event("[INFO] 2026-12-03 07:55:34,153 | EXECUTION_EVENT | {'trace_id': 'tr-9', 'status': ");
    assert.deepEqual([cut.kind, cut.problems.map((problem) => problem.message.includes('ends before it closes'))], ['text', [true, false]], 'a payload cut short is named, the naive time flagged too');
    assert.deepEqual(event('[INFO] dict {1: 2} and {x').event.problems, [], 'braces in prose are no payload');
    for (const junk of ['{', '{"a": [', "{'a': datetime.datetime(2026, 1, 1)}", '\u0000\u0000', '[ERROR] {"x": 1e999999}']) assert.doesNotThrow(() => textLineToEvent(junk));
    assert.equal(textLineToEvent('a\u0000b').outcome.type, 'problem');
  });

  it('reads a JSON object line exactly as a JSON-lines file would', () => {
    const { event: e } = event('{"trace_id":"t1","action_type":"a","adapter":"x","status":"success","product":"p","timestamp":"2026-03-02T10:15:04Z"}');
    assert.equal(e.family, 'exec-event');
  });

  it("joins a traceback to the log record before it: each line kept, taking its head's time and level", () => {
    const entries = new TextEntries();
    const lines = [
      '2026-12-03 07:55:34,153 ERROR app.worker: job failed',
      'Traceback (most recent call last):',
      '  File "worker.py", line 3, in run',
      'ValueError: bad input',
      '2026-12-03 07:55:35,000 INFO app.worker: next job',
    ];
    const outcomes = lines.map((line) => entries.next(line));
    const kinds = outcomes.map((outcome) => (outcome.type === 'event' ? `${outcome.event.kind}:${outcome.event.failed}:${outcome.event.timestampMs}` : outcome.type));
    const head = Date.UTC(2026, 11, 3, 7, 55, 34, 153);
    assert.deepEqual(kinds, [`text:true:${head}`, `text.continuation:true:${head}`, `text.continuation:true:${head}`, `text.continuation:true:${head}`, `text:false:${Date.UTC(2026, 11, 3, 7, 55, 35)}`]);
  });
});

describe('deciding how a .log-like file is read', () => {
  it('reads JSON lines, plain text, and skips binary or empty files', () => {
    assert.equal(sniffContent(Buffer.from('\n{"a":1}\n'), true), 'lines');
    assert.equal(sniffContent(Buffer.from('2026-01-01 INFO hello\n\u001b[31mred\u001b[0m\n'), true), 'text');
    assert.deepEqual(sniffContent(Buffer.from([0x45, 0x4c, 0x46, 0x00, 0x01]), true), { skip: 'binary, not text (control bytes)' });
    assert.deepEqual(sniffContent(Buffer.from([0x61, 0xff, 0xfe, 0x62]), true), { skip: 'binary, not text (not UTF-8)' });
    assert.deepEqual(sniffContent(Buffer.from(''), true), { skip: 'empty file' });
    assert.equal(sniffContent(Buffer.from('héllo wörld'.repeat(3)).subarray(0, 14), false), 'text', 'a character cut at the end of the head is not binary');
  });
});
