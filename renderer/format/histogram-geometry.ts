/** One bucket of the events histogram. */
export interface HistogramBucket {
  readonly start: number;
  readonly ok: number;
  readonly failed: number;
}

/** A bar of the histogram in a `width` × `height` drawing: failed stacked on ok. */
export interface HistogramBar {
  readonly start: number;
  readonly end: number;
  readonly x: number;
  readonly width: number;
  readonly okY: number;
  readonly okHeight: number;
  readonly failedY: number;
  readonly failedHeight: number;
  readonly ok: number;
  readonly failed: number;
}

/** The time span a histogram covers: its first bucket's start to its last bucket's end. */
export function histogramSpan(buckets: readonly HistogramBucket[], bucketMs: number): { from: number; to: number } | null {
  const first = buckets[0];
  const last = buckets.at(-1);
  if (first === undefined || last === undefined) return null;
  return { from: first.start, to: last.start + Math.max(1, bucketMs) };
}

/** Lays the buckets out as bars; the tallest bucket fills the height. */
export function histogramBars(buckets: readonly HistogramBucket[], bucketMs: number, width: number, height: number): readonly HistogramBar[] {
  const span = histogramSpan(buckets, bucketMs);
  if (span === null) return [];
  const max = Math.max(1, ...buckets.map((bucket) => bucket.ok + bucket.failed));
  const scaleX = width / Math.max(1, span.to - span.from);
  return buckets.map((bucket) => {
    const end = bucket.start + Math.max(1, bucketMs);
    const x = (bucket.start - span.from) * scaleX;
    const barWidth = Math.max(1, (end - bucket.start) * scaleX - 1);
    const okHeight = (bucket.ok / max) * height;
    const failedHeight = (bucket.failed / max) * height;
    return { start: bucket.start, end, x, width: barWidth, okY: height - okHeight, okHeight, failedY: height - okHeight - failedHeight, failedHeight, ok: bucket.ok, failed: bucket.failed };
  });
}

/** The time at a 0..1 position across the span. */
export function timeAt(fraction: number, span: { from: number; to: number }): number {
  const clamped = Math.max(0, Math.min(1, fraction));
  return Math.round(span.from + clamped * (span.to - span.from));
}

/** The 0..1 position of a time across the span (clamped). */
export function fractionOf(ms: number, span: { from: number; to: number }): number {
  if (span.to <= span.from) return 0;
  return Math.max(0, Math.min(1, (ms - span.from) / (span.to - span.from)));
}

/**
 * The time range a brush drawn from one position to another selects, widened
 * to whole buckets so that what was dragged over is included; null for a click
 * (no drag).
 */
export function brushRange(a: number, b: number, span: { from: number; to: number }, bucketMs: number): { from: number; to: number } | null {
  const left = Math.min(a, b);
  const right = Math.max(a, b);
  if (right - left < 0.004) return null;
  const size = Math.max(1, bucketMs);
  const from = span.from + Math.floor((timeAt(left, span) - span.from) / size) * size;
  const to = Math.min(span.to, span.from + Math.ceil((timeAt(right, span) - span.from) / size) * size);
  return { from, to: Math.max(from + 1, to) - 1 };
}
