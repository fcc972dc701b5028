// An axis that gives the time where events are and squeezes long empty stretches
// into a narrow, labelled band: a folder whose events span months with a gap
// would otherwise show two slivers at the edges of an empty chart.

import type { HistogramBucket } from './histogram-geometry';

/** A stretch of time, `from` < `to`. */
export interface TimeStretch {
  readonly from: number;
  readonly to: number;
}

/** A stretch on the compressed axis: its time and its place, `left` and `right` as 0..1 of the width. */
export interface PlacedStretch extends TimeStretch {
  readonly left: number;
  readonly right: number;
}

/** Where events are (each drawn to scale with its own buckets) and the empty stretches between them. */
export interface CompressedAxis {
  readonly segments: readonly (PlacedStretch & { readonly buckets: number })[];
  readonly gaps: readonly PlacedStretch[];
}

/** How much of the width each compressed empty stretch takes. */
export const GAP_WIDTH = 0.05;

/**
 * Lays out the time of a coarse histogram: runs of empty buckets at least
 * `minGap` of the span become gaps (the longest `maxGaps` of them), the rest
 * are segments sharing the width by duration, none narrower than
 * `minSegment`, each with a share of `buckets` for its own detailed histogram.
 * With no such run the axis is one segment: plain, uncompressed.
 */
export function compressAxis(coarse: readonly HistogramBucket[], bucketMs: number, options: { readonly buckets: number; readonly minGap?: number; readonly maxGaps?: number; readonly minSegment?: number }): CompressedAxis | null {
  const first = coarse[0];
  const last = coarse.at(-1);
  if (first === undefined || last === undefined) return null;
  const span = { from: first.start, to: last.start + Math.max(1, bucketMs) };
  const minRun = Math.max(1, Math.ceil(coarse.length * (options.minGap ?? 0.15)));
  const runs: { start: number; end: number }[] = [];
  let runStart: number | null = null;
  coarse.forEach((bucket, index) => {
    const empty = bucket.ok + bucket.failed === 0;
    if (empty && runStart === null) runStart = index;
    if ((!empty || index === coarse.length - 1) && runStart !== null) {
      const end = empty ? index + 1 : index;
      if (end - runStart >= minRun && runStart > 0 && end < coarse.length) runs.push({ start: runStart, end });
      runStart = null;
    }
  });
  const gaps = runs
    .sort((a, b) => b.end - b.start - (a.end - a.start))
    .slice(0, options.maxGaps ?? 4)
    .sort((a, b) => a.start - b.start)
    .map((run) => ({ from: span.from + run.start * bucketMs, to: span.from + run.end * bucketMs }));
  const stretches: TimeStretch[] = [];
  let cursor = span.from;
  for (const gap of gaps) {
    stretches.push({ from: cursor, to: gap.from });
    cursor = gap.to;
  }
  stretches.push({ from: cursor, to: span.to });
  const usable = 1 - gaps.length * GAP_WIDTH;
  const total = stretches.reduce((sum, stretch) => sum + (stretch.to - stretch.from), 0);
  const minSegment = Math.min(options.minSegment ?? 0.12, usable / stretches.length);
  // Every segment gets its minimum, the rest of the width goes by duration.
  const spare = usable - minSegment * stretches.length;
  const segments: (PlacedStretch & { buckets: number })[] = [];
  const placedGaps: PlacedStretch[] = [];
  let left = 0;
  stretches.forEach((stretch, index) => {
    const width = minSegment + (spare * (stretch.to - stretch.from)) / Math.max(1, total);
    segments.push({ ...stretch, left, right: left + width, buckets: Math.max(4, Math.round(options.buckets * width)) });
    left += width;
    const gap = gaps[index];
    if (gap !== undefined) {
      placedGaps.push({ ...gap, left, right: left + GAP_WIDTH });
      left += GAP_WIDTH;
    }
  });
  return { segments, gaps: placedGaps };
}

/** The time at a 0..1 position of the compressed axis; inside a gap, the gap's edge nearer to it. */
export function compressedTimeAt(fraction: number, axis: CompressedAxis): number {
  const at = Math.max(0, Math.min(1, fraction));
  for (const stretch of [...axis.segments, ...axis.gaps]) {
    if (at < stretch.left || at > stretch.right) continue;
    const inGap = axis.gaps.includes(stretch);
    if (inGap) return at - stretch.left < stretch.right - at ? stretch.from : stretch.to;
    return Math.round(stretch.from + ((at - stretch.left) / Math.max(1e-9, stretch.right - stretch.left)) * (stretch.to - stretch.from));
  }
  return at < 0.5 ? (axis.segments[0]?.from ?? 0) : (axis.segments.at(-1)?.to ?? 0);
}

/** The 0..1 position of a time on the compressed axis (clamped to its ends). */
export function compressedFractionOf(ms: number, axis: CompressedAxis): number {
  for (const stretch of [...axis.segments, ...axis.gaps]) {
    if (ms >= stretch.from && ms <= stretch.to) {
      return stretch.left + ((ms - stretch.from) / Math.max(1, stretch.to - stretch.from)) * (stretch.right - stretch.left);
    }
  }
  return ms < (axis.segments[0]?.from ?? 0) ? 0 : 1;
}

/**
 * A segment narrowed to the buckets of its own histogram that hold events: the
 * coarse look places a segment only to within one coarse bucket (hours, when the
 * folder spans months), which would leave a one-minute run a sliver at its edge.
 */
export function trimSegment<T extends TimeStretch>(segment: T, buckets: readonly HistogramBucket[], bucketMs: number): T {
  const filled = buckets.filter((bucket) => bucket.ok + bucket.failed > 0);
  const first = filled[0];
  const last = filled.at(-1);
  if (first === undefined || last === undefined) return segment;
  const from = Math.max(segment.from, first.start);
  const to = Math.min(segment.to, last.start + Math.max(1, bucketMs));
  return to > from ? { ...segment, from, to } : segment;
}

/** The axis with its segments' times replaced, each gap spanning what now lies between its two segments. */
export function withSegmentTimes(axis: CompressedAxis, segments: readonly TimeStretch[]): CompressedAxis {
  const placed = axis.segments.map((segment, index) => ({ ...segment, from: segments[index]?.from ?? segment.from, to: segments[index]?.to ?? segment.to }));
  const gaps = axis.gaps.map((gap, index) => ({ ...gap, from: placed[index]?.to ?? gap.from, to: placed[index + 1]?.from ?? gap.to }));
  return { segments: placed, gaps };
}
