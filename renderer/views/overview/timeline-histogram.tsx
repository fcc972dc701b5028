import { useMemo, useRef, useState, type PointerEvent } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { compressAxis, compressedFractionOf, compressedTimeAt, type CompressedAxis } from '../../format/compressed-timeline';
import { histogramBars } from '../../format/histogram-geometry';
import { formatCount } from '../../format/numbers';
import { formatDuration, formatRange, formatTimestamp } from '../../format/time';
import { useApi } from '../../hooks/use-api';
import { useLabelsThatFit } from '../../hooks/use-labels-that-fit';
import { useSegmentHistograms, type SegmentHistograms } from '../../hooks/use-segment-histograms';
import { useTimeRange } from '../../state/time-range-context';

const WIDTH = 1000;
const HEIGHT = 150;
const BUCKETS = 120;
/** The least height of a bucket that holds events, in chart units (of HEIGHT). */
const MIN_BAR_HEIGHT = 4;
/** The first look at where events are: fine enough that a gap of a few percent of the span is seen. */
const COARSE_BUCKETS = 400;

/**
 * Events over time, ok and failed stacked. Long empty stretches are squeezed
 * into a narrow hatched band that says how long they are, so events months
 * apart are each drawn in detail. Dragging across it selects the time range
 * every other view applies; the range inputs above do the same by keyboard.
 */
export function TimelineHistogram() {
  const coarse = useApi('histogram', { buckets: COARSE_BUCKETS });
  const axis = useMemo(() => (coarse.value === undefined ? null : compressAxis(coarse.value.buckets, coarse.value.bucketMs, { buckets: BUCKETS })), [coarse.value]);
  const detail = useSegmentHistograms(axis);
  if (coarse.value === undefined) return coarse.error !== null ? <ErrorState error={coarse.error} onRetry={coarse.reload} /> : <LoadingState />;
  if (axis === null) return <EmptyState title="No timestamped events" />;
  if (detail.value === undefined) return detail.error !== null ? <ErrorState error={detail.error} onRetry={coarse.reload} /> : <LoadingState />;
  return <HistogramChart value={detail.value} />;
}

function HistogramChart({ value }: { readonly value: SegmentHistograms }) {
  const { axis, histograms } = value;
  const { range, setRange } = useTimeRange();
  const svgRef = useRef<SVGSVGElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const axisRef = useRef<HTMLDivElement>(null);
  useLabelsThatFit(plotRef, '.histogram-gap-label');
  useLabelsThatFit(axisRef, '.histogram-axis-mark');
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const all = histograms.flatMap((histogram) => histogram.buckets);
  const max = Math.max(1, ...all.map((bucket) => bucket.ok + bucket.failed));
  const ok = all.reduce((sum, bucket) => sum + bucket.ok, 0);
  const failed = all.reduce((sum, bucket) => sum + bucket.failed, 0);
  const from = axis.segments[0]?.from ?? 0;
  const to = axis.segments.at(-1)?.to ?? 0;
  const fractionAt = (event: PointerEvent<SVGSVGElement>): number => {
    const box = svgRef.current?.getBoundingClientRect();
    return box === undefined || box.width === 0 ? 0 : (event.clientX - box.left) / box.width;
  };
  const selection = drag !== null ? { left: Math.min(drag.start, drag.end), right: Math.max(drag.start, drag.end) } : range.from !== null || range.to !== null ? { left: compressedFractionOf(range.from ?? from, axis), right: compressedFractionOf(range.to ?? to, axis) } : null;
  const compressed = axis.gaps.length > 0 ? ` ${axis.gaps.length === 1 ? 'One empty stretch is' : `${axis.gaps.length} empty stretches are`} compressed: ${axis.gaps.map((gap) => `${formatDuration(gap.to - gap.from)} without events from ${formatTimestamp(gap.from)}`).join('; ')}.` : '';
  return (
    <div className="histogram">
      <div className="histogram-plot" ref={plotRef}>
        <svg
          ref={svgRef}
          className="histogram-chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={`Events over time, ${formatRange(from, to)}: ${formatCount(ok)} ok and ${formatCount(failed)} failed.${compressed} Drag across the chart to set the time range.`}
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            const at = fractionAt(event);
            setDrag({ start: at, end: at });
          }}
          onPointerMove={(event) => {
            if (drag !== null) setDrag({ ...drag, end: fractionAt(event) });
          }}
          onPointerUp={(event) => {
            if (drag === null) return;
            const picked = brushedRange(drag.start, fractionAt(event), axis);
            setDrag(null);
            if (picked !== null) setRange(picked);
          }}
          onPointerCancel={() => setDrag(null)}
        >
          {axis.segments.map((segment, index) => {
            const histogram = histograms[index];
            if (histogram === undefined) return null;
            const offset = segment.left * WIDTH;
            // Every segment on one vertical scale: the tallest bucket of the whole chart fills the height.
            const scale = Math.max(1, ...histogram.buckets.map((bucket) => bucket.ok + bucket.failed)) / max;
            return histogramBars(histogram.buckets, histogram.bucketMs, (segment.right - segment.left) * WIDTH, HEIGHT).map((bar) => {
              // A bucket that holds events always shows: a minute of 26 events beside hours of thousands would round to nothing.
              const okHeight = bar.ok > 0 ? Math.max(MIN_BAR_HEIGHT, bar.okHeight * scale) : 0;
              const failedHeight = bar.failedHeight * scale;
              return (
                <g key={`${index}-${bar.start}`}>
                  <title>{`${formatTimestamp(bar.start)}: ${bar.ok} ok, ${bar.failed} failed`}</title>
                  <rect className="bar-hit" x={offset + bar.x} y={0} width={bar.width + 1} height={HEIGHT} />
                  {okHeight > 0 && <rect className="bar-ok" x={offset + bar.x} y={HEIGHT - okHeight} width={bar.width} height={okHeight} />}
                  {failedHeight > 0 && <rect className="bar-failed" x={offset + bar.x} y={HEIGHT - okHeight - failedHeight} width={bar.width} height={Math.max(failedHeight, 1.5)} />}
                </g>
              );
            });
          })}
          {axis.gaps.map((gap) => (
            <rect key={gap.from} className="histogram-gap-band" x={gap.left * WIDTH} y={0} width={(gap.right - gap.left) * WIDTH} height={HEIGHT} />
          ))}
          {selection !== null && <rect className="brush" x={selection.left * WIDTH} y={0} width={Math.max(1, (selection.right - selection.left) * WIDTH)} height={HEIGHT} />}
        </svg>
        {axis.gaps.map((gap) => (
          <span key={gap.from} className="histogram-gap-label" style={{ left: `${((gap.left + gap.right) / 2) * 100}%` }} aria-hidden="true" title={`No events from ${formatTimestamp(gap.from)} to ${formatTimestamp(gap.to)}`}>
            ⋯ {formatDuration(gap.to - gap.from)} without events ⋯
          </span>
        ))}
      </div>
      <div className="histogram-axis" aria-hidden="true" ref={axisRef}>
        {axis.segments.map((segment, index) => (
          <span key={segment.from} className="histogram-axis-mark" style={{ left: `${segment.left * 100}%` }} data-priority={index === 0 ? 1 : 0}>
            {formatTimestamp(segment.from).slice(0, index === 0 || axis.gaps.length > 0 ? 16 : 19)}
          </span>
        ))}
        <span className="histogram-axis-mark is-end" data-priority={2}>
          {formatTimestamp(to).slice(0, 16)}
        </span>
      </div>
      <div className="histogram-legend">
        <span>
          <span className="swatch swatch-ok" aria-hidden="true" /> ok {formatCount(ok)}
        </span>
        <span>
          <span className="swatch swatch-failed" aria-hidden="true" /> failed {formatCount(failed)}
        </span>
        {axis.gaps.length > 0 && (
          <span>
            <span className="swatch swatch-gap" aria-hidden="true" /> empty stretch, compressed (not to scale)
          </span>
        )}
        <span className="muted">Drag across the chart to set the time range of every view.</span>
      </div>
    </div>
  );
}

/** The time range a brush from one position to another selects on the compressed axis; null for a click. */
function brushedRange(a: number, b: number, axis: CompressedAxis): { from: number; to: number } | null {
  const left = Math.min(a, b);
  const right = Math.max(a, b);
  if (right - left < 0.004) return null;
  const from = compressedTimeAt(left, axis);
  const to = compressedTimeAt(right, axis);
  return { from, to: Math.max(from + 1, to) };
}
