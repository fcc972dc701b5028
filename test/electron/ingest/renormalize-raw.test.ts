import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lineEvents, lineToEvent } from '../../../electron/ingest/line-to-event';
import { renormalizeIn, renormalizeRaw } from '../../../electron/ingest/renormalize-raw';
import { agentTrace, otlpRequest, spanJson, traceIdOf } from '../../fixtures/write-otlp';

const { root, children } = agentTrace(traceIdOf(1), 1_767_225_600_000_000_000n);
const LINE = JSON.stringify(otlpRequest({ 'service.name': 'svc' }, { name: 'lib' }, [root, ...children].map(spanJson)));

describe('renormalizeRaw', () => {
  it('derives each part of a line of many events again, the same as the reader did', () => {
    const outcome = lineToEvent(LINE);
    assert.equal(outcome.type, 'event');
    const read = outcome.type === 'event' ? lineEvents(outcome) : [];
    assert.equal(read.length, 4);
    // In any order, each part alone: the cache of the last line must not mix parts up.
    for (const part of [2, 0, 3, 1, 1]) {
      const again = renormalizeRaw(LINE, 'otel/x.jsonl', part);
      assert.deepEqual(again?.event, read[part]?.event, `part ${part}`);
      assert.equal(again?.searchText, read[part]?.searchText, `part ${part}`);
      assert.equal(again?.label, 'svc');
    }
    assert.equal(renormalizeRaw(LINE, 'otel/x.jsonl', 4), null, 'a part the line does not have');
  });

  it('gives part 0 of a line of one event, and re-reads a changed line rather than its cached one', () => {
    const renormalize = renormalizeIn(() => null);
    assert.equal(renormalize(LINE, 'a.jsonl', 1)?.event.kind, children[0]?.name);
    const single = JSON.stringify({ mission_id: 'm-1', event_type: 'status', timestamp: '2026-01-01T00:00:00Z', payload: { state: 'running' } });
    assert.equal(renormalize(single, 'a.jsonl', 0)?.event.family, 'stream');
    assert.equal(renormalize(single, 'a.jsonl', 1), null);
    const other = JSON.stringify(otlpRequest({ 'service.name': 'other' }, { name: 'lib' }, children.map(spanJson)));
    assert.equal(renormalize(other, 'a.jsonl', 0)?.event.kind, children[0]?.name);
    assert.equal(renormalize(LINE, 'a.jsonl', 0)?.event.kind, root.name);
  });
});
