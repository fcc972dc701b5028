import { useRef, useState, type PointerEvent } from 'react';
import { EmptyState } from '../../components/empty-state';
import { ErrorState } from '../../components/error-state';
import { LoadingState } from '../../components/loading-state';
import { brushRange, fractionOf, histogramBars, histogramSpan } from '../../format/histogram-geometry';
import { formatCount } from '../../format/numbers';
import { formatRange, formatTimestamp } from '../../format/time';
import { useApi } from '../../hooks/use-api';
import { useTimeRange } from '../../state/time-range-context';

const WIDTH = 1000;
const HEIGHT = 150;
const BUCKETS = 120;

/**
 * Events over time, ok and failed stacked. Dragging across it selects the time
 * range every other view applies; the range inputs above do the same by keyboard.
 */
export function TimelineHistogram() {
  const histogram = useApi('histogram', { buckets: BUCKETS });
  const { range, setRange } = useTimeRange();
  const svgRef = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  if (histogram.value === undefined) return histogram.error !== null ? <ErrorState error={histogram.error} onRetry={histogram.reload} /> : <LoadingState />;
  const { buckets, bucketMs } = histogram.value;
  const span = histogramSpan(buckets, bucketMs);
  if (span === null) return <EmptyState title="No timestamped events" />;
  const bars = histogramBars(buckets, bucketMs, WIDTH, HEIGHT);
  const ok = buckets.reduce((sum, bucket) => sum + bucket.ok, 0);
  const failed = buckets.reduce((sum, bucket) => sum + bucket.failed, 0);
  const fractionAt = (event: PointerEvent<SVGSVGElement>): number => {
    const box = svgRef.current?.getBoundingClientRect();
    return box === undefined || box.width === 0 ? 0 : (event.clientX - box.left) / box.width;
  };
  const selection = drag !== null ? { left: Math.min(drag.start, drag.end), right: Math.max(drag.start, drag.end) } : range.from !== null || range.to !== null ? { left: fractionOf(range.from ?? span.from, span), right: fractionOf(range.to ?? span.to, span) } : null;
  return (
    <div className="histogram">
      <svg
        ref={svgRef}
        className="histogram-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Events over time, ${formatRange(span.from, span.to)}: ${formatCount(ok)} ok and ${formatCount(failed)} failed. Drag across the chart to set the time range.`}
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
          const picked = brushRange(drag.start, fractionAt(event), span, bucketMs);
          setDrag(null);
          if (picked !== null) setRange(picked);
        }}
        onPointerCancel={() => setDrag(null)}
      >
        {bars.map((bar) => (
          <g key={bar.start}>
            <title>{`${formatTimestamp(bar.start)}: ${bar.ok} ok, ${bar.failed} failed`}</title>
            <rect className="bar-hit" x={bar.x} y={0} width={bar.width + 1} height={HEIGHT} />
            {bar.okHeight > 0 && <rect className="bar-ok" x={bar.x} y={bar.okY} width={bar.width} height={bar.okHeight} />}
            {bar.failedHeight > 0 && <rect className="bar-failed" x={bar.x} y={bar.failedY} width={bar.width} height={Math.max(bar.failedHeight, 1.5)} />}
          </g>
        ))}
        {selection !== null && <rect className="brush" x={selection.left * WIDTH} y={0} width={Math.max(1, (selection.right - selection.left) * WIDTH)} height={HEIGHT} />}
      </svg>
      <div className="histogram-axis" aria-hidden="true">
        <span>{formatTimestamp(span.from)}</span>
        <span>{formatTimestamp(span.to)}</span>
      </div>
      <div className="histogram-legend">
        <span>
          <span className="swatch swatch-ok" aria-hidden="true" /> ok {formatCount(ok)}
        </span>
        <span>
          <span className="swatch swatch-failed" aria-hidden="true" /> failed {formatCount(failed)}
        </span>
        <span className="muted">Drag across the chart to set the time range of every view.</span>
      </div>
    </div>
  );
}
