import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Geometry from '../../../renderer/format/histogram-geometry';
import { loadRendererModule } from '../load-renderer-module';

const { brushRange, fractionOf, histogramBars, histogramSpan, timeAt } = loadRendererModule<typeof Geometry>('format/histogram-geometry');

const buckets = [
  { start: 1000, ok: 4, failed: 0 },
  { start: 2000, ok: 1, failed: 3 },
  { start: 3000, ok: 0, failed: 0 },
  { start: 4000, ok: 8, failed: 0 },
];

describe('histogram geometry', () => {
  it('spans from the first bucket to the end of the last', () => {
    assert.deepEqual(histogramSpan(buckets, 1000), { from: 1000, to: 5000 });
    assert.equal(histogramSpan([], 1000), null);
  });

  it('stacks failed on ok, the tallest bucket filling the height', () => {
    const bars = histogramBars(buckets, 1000, 400, 100);
    assert.equal(bars.length, 4);
    assert.equal(bars[3]?.okHeight, 100);
    assert.equal(bars[1]?.okHeight, 12.5);
    assert.equal(bars[1]?.failedHeight, 37.5);
    assert.equal(bars[1]?.failedY, 100 - 12.5 - 37.5);
    assert.equal(bars[0]?.x, 0);
    assert.equal(bars[2]?.x, 200);
  });

  it('maps positions to times and back', () => {
    const span = { from: 1000, to: 5000 };
    assert.equal(timeAt(0.5, span), 3000);
    assert.equal(timeAt(-1, span), 1000);
    assert.equal(fractionOf(4000, span), 0.75);
    assert.equal(fractionOf(9000, span), 1);
  });

  it('widens a brush to whole buckets and ignores a click', () => {
    const span = { from: 1000, to: 5000 };
    assert.deepEqual(brushRange(0.3, 0.55, span, 1000), { from: 2000, to: 3999 });
    assert.deepEqual(brushRange(0.55, 0.3, span, 1000), { from: 2000, to: 3999 }, 'dragging right to left selects the same');
    assert.equal(brushRange(0.4, 0.401, span, 1000), null);
    assert.deepEqual(brushRange(0, 1, span, 1000), { from: 1000, to: 4999 });
  });
});
