import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { StoredOtlpSpan } from '../../../../electron/index/queries/execution-facts';
import { spanTree } from '../../../../electron/families/otlp/otlp-span-tree';

function span(eventId: number, spanId: string, parentSpanId: string | null): StoredOtlpSpan {
  return { eventId, spanId, parentSpanId, startMs: eventId, endMs: eventId + 1, body: {} as StoredOtlpSpan['body'] };
}

function shape(spans: readonly StoredOtlpSpan[]): string[] {
  return spanTree(spans).map((placed) => `${'  '.repeat(placed.depth)}${placed.span.spanId}${placed.orphan ? ' (orphan)' : ''}`);
}

describe('spanTree', () => {
  it('places children under their parent, depth first, siblings in the order given (by start), whatever order they were written in', () => {
    assert.deepEqual(shape([span(1, 'root', null), span(2, 'b', 'root'), span(3, 'c', 'root'), span(4, 'b1', 'b'), span(5, 'c1', 'c'), span(6, 'b2', 'b')]), [
      'root', '  b', '    b1', '    b2', '  c', '    c1',
    ]);
  });

  it('shows a span whose parent never arrived as a root marked orphan, and drops nothing', () => {
    assert.deepEqual(shape([span(1, 'child', 'missing'), span(2, 'root', null), span(3, 'grandchild', 'child')]), ['child (orphan)', '  grandchild', 'root']);
  });

  it('keeps spans whose parents form a loop, and a span that is its own parent, as roots', () => {
    const placed = shape([span(1, 'a', 'b'), span(2, 'b', 'a'), span(3, 'self', 'self')]);
    assert.equal(placed.length, 3);
    assert.deepEqual(placed, ['self', 'a', '  b']);
  });

  it('hangs the children of a repeated span id under its first copy, and lists the copy too', () => {
    assert.deepEqual(shape([span(1, 'p', null), span(2, 'p', null), span(3, 'k', 'p')]), ['p', '  k', 'p']);
  });

  it('walks a chain of 50,000 nested spans without overflowing the stack', () => {
    const chain = Array.from({ length: 50_000 }, (_, index) => span(index, `s${index}`, index === 0 ? null : `s${index - 1}`));
    const placed = spanTree(chain);
    assert.equal(placed.length, 50_000);
    assert.equal(placed.at(-1)?.depth, 49_999);
  });
});
