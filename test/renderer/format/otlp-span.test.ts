import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as OtlpSpanFormat from '../../../renderer/format/otlp-span';
import { loadRendererModule } from '../load-renderer-module';

const { aiFactRows, spanDurationText, spanKindText, spanStatusText } = loadRendererModule<typeof OtlpSpanFormat>('format/otlp-span');

describe('OTLP span formatting', () => {
  it('says a span status by its code', () => {
    assert.deepEqual([0, 1, 2, 7].map((statusCode) => spanStatusText({ statusCode })), ['UNSET', 'OK', 'ERROR', 'UNSET']);
  });

  it('shows durations under a millisecond in microseconds, and says when no end was written', () => {
    assert.equal(spanDurationText({ startMs: 1000, endMs: 1000.25 }), '250 µs');
    assert.equal(spanDurationText({ startMs: 1000, endMs: 1812 }), '812 ms');
    assert.equal(spanDurationText({ startMs: 1000, endMs: null }), 'no end');
    assert.equal(spanDurationText({ startMs: null, endMs: 5 }), '—');
  });

  it('lists the AI facts a span carries, and none for a span without', () => {
    const attributes = [
      { key: 'gen_ai.operation.name', value: 'chat' },
      { key: 'gen_ai.request.model', value: 'gpt-4o' },
      { key: 'gen_ai.usage.input_tokens', value: 10 },
    ];
    assert.deepEqual(aiFactRows({ attributes }), [['Operation', 'Chat'], ['Model', 'gpt-4o'], ['Input tokens', '10']]);
    assert.deepEqual(aiFactRows({ attributes: [{ key: 'http.route', value: '/' }] }), []);
    assert.equal(spanKindText(3), 'client span');
  });
});
