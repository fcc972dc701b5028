import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Compressed from '../../../renderer/format/compressed-timeline';
import { loadRendererModule } from '../load-renderer-module';

const { compressAxis, compressedFractionOf, compressedTimeAt, trimSegment, withSegmentTimes, GAP_WIDTH } = loadRendererModule<typeof Compressed>('format/compressed-timeline');

/** 100 coarse buckets of 1,000 ms: events in the first 10 and the last 5, nothing between. */
const buckets = Array.from({ length: 100 }, (_, i) => ({ start: i * 1_000, ok: i < 10 || i >= 95 ? 3 : 0, failed: i === 97 ? 1 : 0 }));

describe('compressed timeline axis', () => {
  it('squeezes a long empty run into one narrow gap and gives the rest to the segments', () => {
    const axis = compressAxis(buckets, 1_000, { buckets: 120 });
    assert.ok(axis !== null);
    assert.equal(axis.gaps.length, 1);
    assert.deepEqual([axis.gaps[0]?.from, axis.gaps[0]?.to], [10_000, 95_000]);
    assert.equal(axis.segments.length, 2);
    assert.deepEqual(axis.segments.map((segment) => [segment.from, segment.to]), [[0, 10_000], [95_000, 100_000]]);
    assert.ok(Math.abs((axis.gaps[0]?.right ?? 0) - (axis.gaps[0]?.left ?? 0) - GAP_WIDTH) < 1e-9);
    assert.equal(axis.segments.at(-1)?.right, 1);
    // The shorter segment still gets a readable share of the width.
    const last = axis.segments[1];
    assert.ok(last !== undefined && last.right - last.left >= 0.12);
  });

  it('leaves an axis without long empty runs whole', () => {
    const dense = buckets.map((bucket, i) => ({ ...bucket, ok: i % 7 === 0 ? 0 : 2 }));
    const axis = compressAxis(dense, 1_000, { buckets: 120 });
    assert.equal(axis?.gaps.length, 0);
    assert.equal(axis?.segments.length, 1);
    assert.equal(compressAxis([], 1_000, { buckets: 120 }), null);
  });

  it('maps times to positions and back across segments; a position in the gap gives its nearer edge', () => {
    const axis = compressAxis(buckets, 1_000, { buckets: 120 });
    assert.ok(axis !== null);
    for (const ms of [0, 5_000, 9_999, 95_000, 97_500, 100_000]) assert.ok(Math.abs(compressedTimeAt(compressedFractionOf(ms, axis), axis) - ms) <= 1, `round trip of ${ms}`);
    const gap = axis.gaps[0];
    assert.ok(gap !== undefined);
    assert.equal(compressedTimeAt(gap.left + 0.001, axis), gap.from);
    assert.equal(compressedTimeAt(gap.right - 0.001, axis), gap.to);
    assert.ok(compressedFractionOf(50_000, axis) > gap.left && compressedFractionOf(50_000, axis) < gap.right);
  });

  it('narrows a segment to its events and widens the gaps beside it to match', () => {
    const axis = compressAxis(buckets, 1_000, { buckets: 120 });
    assert.ok(axis !== null);
    const fine = [{ start: 95_000, ok: 0, failed: 0 }, { start: 96_000, ok: 0, failed: 0 }, { start: 97_000, ok: 2, failed: 1 }, { start: 98_000, ok: 0, failed: 0 }];
    const last = axis.segments[1];
    assert.ok(last !== undefined);
    const trimmed = trimSegment(last, fine, 1_000);
    assert.deepEqual([trimmed.from, trimmed.to], [97_000, 98_000]);
    const empty = trimSegment(last, [{ start: 95_000, ok: 0, failed: 0 }], 1_000);
    assert.equal(empty, last);
    const moved = withSegmentTimes(axis, [axis.segments[0] ?? last, trimmed]);
    assert.deepEqual([moved.gaps[0]?.from, moved.gaps[0]?.to], [10_000, 97_000]);
    assert.equal(moved.segments[1]?.left, last.left);
  });
});
