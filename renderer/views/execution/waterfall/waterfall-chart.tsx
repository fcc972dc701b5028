import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent } from 'react';
import { VirtualListbox } from '../../../components/virtual-listbox';
import { formatCount } from '../../../format/numbers';
import { formatDuration, formatRange } from '../../../format/time';
import { axisTicks, idleStretches, panWindow, revealWindow, waterfallExtent, zoomWindow, type TimeWindow } from '../../../format/waterfall-geometry';
import { useLabelsThatFit } from '../../../hooks/use-labels-that-fit';
import { LABEL_WIDTH, WaterfallRow, type WaterfallBarRow } from './waterfall-row';

const ROW_HEIGHT = 24;
const MAX_ROWS_HEIGHT = 432;
const IDLE_LABEL_WIDTH = 180;
const ZOOM_STEP = 0.5;
const PAN_STEP = 0.2;

/** What the chart draws and whom it tells about selection. */
export interface WaterfallChartProps {
  readonly label: string;
  readonly bars: readonly WaterfallBarRow[];
  readonly run: { readonly startMs: number | null; readonly endMs: number | null };
  readonly activeIndex: number | null;
  readonly onActiveIndexChange: (index: number) => void;
  readonly onOpen: (index: number) => void;
}

/**
 * Bars on one time axis, one row each, only the rows on screen rendered.
 * Zoom with +/−, Ctrl+wheel or the wheel over the axis; pan with ←/→, a
 * horizontal wheel or by dragging; ↑/↓, Home/End move the selection (the view
 * follows it); Enter or a click opens it; 0 shows everything. Stretches where
 * nothing ran are shaded and labelled, the idle tail after a failure in red.
 */
export function WaterfallChart(props: WaterfallChartProps) {
  const { bars, run, onActiveIndexChange } = props;
  const extent = useMemo(() => waterfallExtent(bars, run.startMs, run.endMs), [bars, run.startMs, run.endMs]);
  const idle = useMemo(() => idleStretches(bars, { startMs: run.startMs, endMs: run.endMs }), [bars, run.startMs, run.endMs]);
  // Where failures happened, marked on the axis so they show at any zoom and scroll position.
  const failedAt = useMemo(() => bars.flatMap((bar) => (bar.failed && bar.depth > 0 && bar.startMs !== null ? [bar.endMs ?? bar.startMs] : [])), [bars]);
  const [view, setView] = useState<TimeWindow | null>(null);
  const shown = view ?? extent;
  const axisRef = useRef<HTMLDivElement>(null);
  const frameRef = useRef<HTMLDivElement>(null);
  // Idle labels are at least IDLE_LABEL_WIDTH wide, so on a narrow track neighbours would cover each other: the failure's stays.
  useLabelsThatFit(axisRef, '.wf-idle-label');
  const [width, setWidth] = useState(800);
  const drag = useRef<{ readonly x: number; readonly view: TimeWindow; moved: boolean; pointerId: number } | null>(null);
  const suppressClick = useRef(false);

  useEffect(() => {
    const element = axisRef.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(100, element.clientWidth - LABEL_WIDTH)));
    observer.observe(element);
    setWidth(Math.max(100, element.clientWidth - LABEL_WIDTH));
    return () => observer.disconnect();
  }, []);

  const zoom = useCallback(
    (factor: number, anchor = 0.5) => {
      if (extent === null) return;
      setView((current) => zoomWindow(current ?? extent, factor, anchor, extent));
    },
    [extent],
  );
  const pan = useCallback(
    (fraction: number) => {
      if (extent === null) return;
      setView((current) => panWindow(current ?? extent, fraction, extent));
    },
    [extent],
  );

  // Wheel listeners must be non-passive to keep the page from scrolling or zooming, which React's onWheel cannot do.
  useEffect(() => {
    const frame = frameRef.current;
    if (frame === null) return;
    const onWheel = (event: WheelEvent): void => {
      const box = axisRef.current?.getBoundingClientRect();
      if (box === undefined) return;
      const overAxis = event.clientY <= box.bottom;
      const anchor = (event.clientX - box.left - LABEL_WIDTH) / Math.max(1, box.width - LABEL_WIDTH);
      if (event.ctrlKey || event.metaKey || overAxis) {
        event.preventDefault();
        zoom(Math.exp(Math.max(-300, Math.min(300, event.deltaY)) * 0.003), anchor);
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        pan((event.shiftKey ? event.deltaY : event.deltaX) / Math.max(1, box.width - LABEL_WIDTH));
      }
    };
    frame.addEventListener('wheel', onWheel, { passive: false });
    return () => frame.removeEventListener('wheel', onWheel);
  }, [zoom, pan]);

  const moveTo = useCallback(
    (index: number) => {
      onActiveIndexChange(index);
      const bar = bars[index];
      if (bar !== undefined && extent !== null) setView((current) => revealWindow(current ?? extent, bar, extent));
    },
    [bars, extent, onActiveIndexChange],
  );

  if (extent === null || shown === null) return <p className="muted">No bar of this execution has a time.</p>;
  const openEnd = extent.to;
  const ticks = axisTicks(shown, width);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.target instanceof HTMLButtonElement) return;
    switch (event.key) {
      case '+':
      case '=':
        zoom(ZOOM_STEP);
        break;
      case '-':
      case '_':
        zoom(1 / ZOOM_STEP);
        break;
      case '0':
        setView(null);
        break;
      case 'ArrowLeft':
        pan(event.shiftKey ? -PAN_STEP / 4 : -PAN_STEP);
        break;
      case 'ArrowRight':
        pan(event.shiftKey ? PAN_STEP / 4 : PAN_STEP);
        break;
      default:
        return;
    }
    event.preventDefault();
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>): void => {
    // A drag that ended without a click (the pointer left the row) must not swallow the next click.
    suppressClick.current = false;
    const box = axisRef.current?.getBoundingClientRect();
    if (event.button !== 0 || box === undefined || event.clientX < box.left + LABEL_WIDTH) return;
    drag.current = { x: event.clientX, view: shown, moved: false, pointerId: event.pointerId };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>): void => {
    const current = drag.current;
    if (current === null) return;
    const dx = event.clientX - current.x;
    if (!current.moved && Math.abs(dx) < 5) return;
    if (!current.moved) {
      current.moved = true;
      event.currentTarget.setPointerCapture(current.pointerId);
    }
    setView(panWindow(current.view, -dx / width, extent));
  };
  const onPointerUp = (): void => {
    suppressClick.current = drag.current?.moved ?? false;
    drag.current = null;
  };
  const zoomed = view !== null && view.to - view.from < extent.to - extent.from - 1;
  const x = (ms: number): number => ((ms - shown.from) / (shown.to - shown.from)) * width;
  const stretches = idle
    .map((stretch) => ({ stretch, left: Math.max(0, x(stretch.from)), right: Math.min(width, x(stretch.to)) }))
    .filter(({ left, right }) => right > left);
  const failures = bars.reduce((sum, bar) => sum + (bar.failed ? 1 : 0), 0);
  return (
    <div className="waterfall" onKeyDown={onKeyDown}>
      <div className="wf-toolbar">
        <button type="button" onClick={() => zoom(ZOOM_STEP)} aria-keyshortcuts="+">
          Zoom in
        </button>
        <button type="button" onClick={() => zoom(1 / ZOOM_STEP)} aria-keyshortcuts="-" disabled={!zoomed}>
          Zoom out
        </button>
        <button type="button" onClick={() => setView(null)} aria-keyshortcuts="0" disabled={!zoomed}>
          Show all
        </button>
        <span className="wf-range" role="status" aria-live="polite">
          {formatRange(Math.round(shown.from), Math.round(shown.to))} · {formatDuration(shown.to - shown.from)} of {formatDuration(extent.to - extent.from)}
        </span>
        <span className="muted wf-hint">+/− or Ctrl+wheel zoom · ←/→ or drag pan · 0 all</span>
      </div>
      <div
        className="wf-frame"
        ref={frameRef}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={(event) => {
          if (!suppressClick.current) return;
          suppressClick.current = false;
          event.stopPropagation();
        }}
      >
        <div className="wf-axis" ref={axisRef} aria-hidden="true">
          <span className="wf-axis-label">
            {formatCount(bars.length)} bars{failures > 0 ? ` · ${formatCount(failures)} failed` : ''}
          </span>
          <span className="wf-axis-track">
            {ticks.map((tick) => (
              <span key={tick.ms} className="wf-tick" style={{ left: tick.x }}>
                {tick.label}
              </span>
            ))}
            {failedAt.map((ms, index) => {
              const at = x(ms);
              return at < 0 || at > width ? null : <span key={`${ms}-${index}`} className="wf-failure-mark" style={{ left: at }} />;
            })}
            {stretches.map(({ stretch, left, right }) => (
              <span key={`${stretch.kind}-${stretch.from}`} className={`wf-idle-label${stretch.afterFailure ? ' is-after-failure' : ''}`} style={labelPlace(left, right, width)} data-priority={stretch.afterFailure ? 1 : 0} title={idleText(stretch.kind, stretch.afterFailure, stretch.to - stretch.from)}>
                {idleText(stretch.kind, stretch.afterFailure, stretch.to - stretch.from)}
              </span>
            ))}
          </span>
        </div>
        <div className="wf-body" style={{ '--wf-rows-height': `${Math.min(MAX_ROWS_HEIGHT, bars.length * ROW_HEIGHT + 2)}px` } as CSSProperties}>
          <div className="wf-overlay" aria-hidden="true">
            {stretches.map(({ stretch, left, right }) => (
              <span key={`${stretch.kind}-${stretch.from}`} className={`wf-idle${stretch.afterFailure ? ' is-after-failure' : ''}`} style={{ left: LABEL_WIDTH + left, width: right - left }} />
            ))}
            {ticks.map((tick) => (
              <span key={tick.ms} className="wf-gridline" style={{ left: LABEL_WIDTH + tick.x }} />
            ))}
          </div>
          <VirtualListbox
            label={props.label}
            count={bars.length}
            rowHeight={ROW_HEIGHT}
            idPrefix="wf-bar"
            className="wf-rows"
            activeIndex={props.activeIndex}
            onActiveIndexChange={moveTo}
            onOpen={props.onOpen}
            renderRow={(index) => {
              const bar = bars[index];
              return bar === undefined ? null : <WaterfallRow bar={bar} view={shown} width={width} openEnd={openEnd} />;
            }}
          />
        </div>
      </div>
      <p className="wf-legend muted">
        <span className="swatch wf-swatch-ok" aria-hidden="true" /> ran · <span className="swatch wf-swatch-failed" aria-hidden="true" /> failed · <span className="wf-swatch-instant" aria-hidden="true" /> instant · <span className="swatch wf-swatch-idle" aria-hidden="true" /> nothing ran ·{' '}
        <span className="swatch wf-swatch-tail" aria-hidden="true" /> idle after a failure
      </p>
    </div>
  );
}

/** An idle stretch's label: over the stretch, at least wide enough to read, kept inside the track. */
function labelPlace(left: number, right: number, width: number): { left: number; width: number } {
  const labelWidth = Math.max(right - left, IDLE_LABEL_WIDTH);
  const centre = (left + right) / 2;
  return { left: Math.max(0, Math.min(width - labelWidth, centre - labelWidth / 2)), width: labelWidth };
}

function idleText(kind: 'gap' | 'tail', afterFailure: boolean, ms: number): string {
  if (afterFailure) return `idle ${formatDuration(ms)} after failure`;
  return kind === 'tail' ? `idle ${formatDuration(ms)} to the end` : `gap ${formatDuration(ms)}`;
}

