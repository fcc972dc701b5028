import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Span from '../../../renderer/format/execution-span';
import type * as Time from '../../../renderer/format/time';
import { loadRendererModule } from '../load-renderer-module';

const { executionSpan } = loadRendererModule<typeof Span>('format/execution-span');
const { formatDuration } = loadRendererModule<typeof Time>('format/time');

const T = Date.UTC(2026, 2, 2, 10, 0, 0);

describe('the span of an execution', () => {
  it('has no duration for a single event: "—", never "0 ms"', () => {
    const span = executionSpan({ startMs: T, endMs: T }, []);
    assert.deepEqual(span, { startMs: T, endMs: T, durationMs: null });
    assert.equal(formatDuration(span.durationMs), '—');
  });

  it('takes its steps into account: a record document is one event whose steps span seconds', () => {
    const steps = [
      { startedMs: T - 1_000, endedMs: T + 4_000, events: [{ ts: T - 1_000 }, { ts: T + 4_000 }] },
      { startedMs: null, endedMs: T + 9_500, events: [{ ts: T + 9_500 }] },
    ];
    assert.deepEqual(executionSpan({ startMs: T, endMs: T }, steps), { startMs: T - 1_000, endMs: T + 9_500, durationMs: 10_500 });
  });

  it('is the events’ span when there are no steps, and empty without times', () => {
    assert.deepEqual(executionSpan({ startMs: T, endMs: T + 2_000 }, []), { startMs: T, endMs: T + 2_000, durationMs: 2_000 });
    assert.deepEqual(executionSpan({ startMs: null, endMs: null }, []), { startMs: null, endMs: null, durationMs: null });
  });
});
