// The waterfall's pure geometry: which part of time is on screen, where a bar
// falls in it, where nothing ran, and which ticks label the axis. Kept apart from
// the components so zooming through 30,000 rows costs arithmetic, not layout.

/** A stretch of time in epoch milliseconds, `from` < `to`. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** What the geometry needs of a bar. */
export interface BarTimes {
  readonly startMs: number | null;
  readonly endMs: number | null;
  readonly depth: number;
  readonly failed: boolean;
}

/** The narrowest window a reviewer can zoom to: a few milliseconds still separates events logged apart. */
export const MIN_WINDOW_MS = 4;

/**
 * The time the waterfall covers: every bar and the run's own first and last
 * event, with a little room on each side so that instants at the edges show.
 * Null when nothing has a time.
 */
export function waterfallExtent(bars: readonly BarTimes[], runStart: number | null, runEnd: number | null): TimeWindow | null {
  let from = runStart ?? Number.POSITIVE_INFINITY;
  let to = runEnd ?? Number.NEGATIVE_INFINITY;
  for (const bar of bars) {
    for (const ms of [bar.startMs, bar.endMs]) {
      if (ms === null) continue;
      if (ms < from) from = ms;
      if (ms > to) to = ms;
    }
  }
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  const width = Math.max(to - from, 1000);
  const pad = width * 0.01;
  return { from: from - pad, to: from + width + pad };
}

/** Moves a window inside the bounds without changing its width (narrowed to the bounds when wider). */
export function clampWindow(view: TimeWindow, bounds: TimeWindow): TimeWindow {
  const width = Math.min(view.to - view.from, bounds.to - bounds.from);
  const from = Math.max(bounds.from, Math.min(view.from, bounds.to - width));
  return { from, to: from + width };
}

/**
 * Zooms by `factor` (below 1 zooms in) keeping the time under `anchor` (0..1
 * across the view, e.g. the pointer) where it is on screen.
 */
export function zoomWindow(view: TimeWindow, factor: number, anchor: number, bounds: TimeWindow): TimeWindow {
  const span = view.to - view.from;
  const width = Math.max(MIN_WINDOW_MS, Math.min(bounds.to - bounds.from, span * factor));
  const at = Math.max(0, Math.min(1, anchor));
  const pivot = view.from + at * span;
  const from = pivot - at * width;
  return clampWindow({ from, to: from + width }, bounds);
}

/** Pans by a fraction of the view's width (negative: back in time). */
export function panWindow(view: TimeWindow, fraction: number, bounds: TimeWindow): TimeWindow {
  const shift = (view.to - view.from) * fraction;
  return clampWindow({ from: view.from + shift, to: view.to + shift }, bounds);
}

/**
 * The window that brings a bar into view: unchanged when the bar already is;
 * otherwise the same zoom, moved so the bar sits a fifth in from the side it
 * came from (zoomed out when the bar is wider than the view).
 */
export function revealWindow(view: TimeWindow, bar: BarTimes, bounds: TimeWindow): TimeWindow {
  if (bar.startMs === null) return view;
  const start = bar.startMs;
  const end = bar.endMs ?? start;
  const width = view.to - view.from;
  if (start >= view.from && end <= view.to) return view;
  if (end - start > width * 0.8) return clampWindow({ from: start - (end - start) * 0.1, to: end + (end - start) * 0.1 }, bounds);
  const from = start < view.from ? start - width * 0.2 : end - width * 0.8;
  return clampWindow({ from, to: from + width }, bounds);
}

/** Where a bar falls across a track `width` px wide. */
export interface BarPlacement {
  readonly left: number;
  readonly width: number;
  /** It has no duration (an event, a checkpoint): drawn as a marker. */
  readonly instant: boolean;
  /** It began and no end was logged: drawn to the end of the waterfall, fading. */
  readonly open: boolean;
}

/**
 * A bar's horizontal place in the view, clipped to the track; null when it is
 * wholly outside it or has no time. `openEnd` is where an unended bar stops.
 */
export function barPlacement(bar: BarTimes, view: TimeWindow, width: number, openEnd: number): BarPlacement | null {
  if (bar.startMs === null) return null;
  const scale = width / (view.to - view.from);
  const open = bar.endMs === null;
  const end = bar.endMs ?? Math.max(openEnd, bar.startMs);
  const instant = !open && end === bar.startMs;
  const x0 = (bar.startMs - view.from) * scale;
  const x1 = (end - view.from) * scale;
  // Instants keep a marker a few px wide, so one just outside the edge still shows half of it.
  const margin = instant ? 6 : 0;
  if (x1 < -margin || x0 > width + margin) return null;
  const left = Math.max(x0, -margin);
  const right = Math.min(x1, width + margin);
  return { left, width: instant ? 0 : Math.max(2, right - left), instant, open };
}

/** A stretch of the run where nothing happened. */
export interface IdleStretch extends TimeWindow {
  /** `gap`: between activity; `tail`: after the last activity until the run's last event. */
  readonly kind: 'gap' | 'tail';
  /** A tail that follows a failure with nothing started after it: the run sat idle after it failed. */
  readonly afterFailure: boolean;
}

/**
 * The bars that are activity: with deeper bars present, the top-level ones
 * (the run, a cycle, the dispatch) only contain the activity and would hide
 * every gap inside them.
 */
function activity<T extends BarTimes>(bars: readonly T[]): T[] {
  const nested = bars.some((bar) => bar.depth > 0);
  return bars.filter((bar) => bar.startMs !== null && (!nested || bar.depth > 0));
}

/**
 * Where nothing ran: gaps between activity at least `minFraction` of the
 * extent and `minMs` long, and the tail from the end of the last activity to
 * the run's last event. A bar with no end runs to the end, so it leaves no tail.
 */
export function idleStretches(bars: readonly BarTimes[], run: { readonly startMs: number | null; readonly endMs: number | null }, options: { readonly minFraction?: number; readonly minMs?: number } = {}): IdleStretch[] {
  const active = activity(bars);
  if (active.length === 0) return [];
  const intervals = active.map((bar) => [bar.startMs as number, bar.endMs === null ? Number.POSITIVE_INFINITY : Math.max(bar.endMs, bar.startMs as number)] as const).sort((a, b) => a[0] - b[0]);
  const first = intervals[0]?.[0] ?? 0;
  let last = Number.NEGATIVE_INFINITY;
  for (const [, end] of intervals) last = Math.max(last, end);
  const runStart = Math.min(run.startMs ?? first, first);
  const runEnd = Number.isFinite(last) ? Math.max(run.endMs ?? last, last) : (run.endMs ?? first);
  const threshold = Math.max(options.minMs ?? 1000, (options.minFraction ?? 0.04) * Math.max(1, runEnd - runStart));
  const stretches: IdleStretch[] = [];
  if (first - runStart >= threshold) stretches.push({ from: runStart, to: first, kind: 'gap', afterFailure: false });
  let reach = intervals[0]?.[1] ?? first;
  for (const [start, end] of intervals.slice(1)) {
    if (start - reach >= threshold) stretches.push({ from: reach, to: start, kind: 'gap', afterFailure: false });
    reach = Math.max(reach, end);
  }
  if (Number.isFinite(reach) && runEnd > reach) {
    const lastStart = Math.max(...active.map((bar) => bar.startMs as number));
    const failedEnds = active.filter((bar) => bar.failed).map((bar) => bar.endMs ?? (bar.startMs as number));
    const afterFailure = failedEnds.length > 0 && Math.max(...failedEnds) >= lastStart;
    if (runEnd - reach >= threshold || afterFailure) stretches.push({ from: reach, to: runEnd, kind: 'tail', afterFailure });
  }
  return stretches;
}

/** One tick of the time axis. */
export interface AxisTick {
  readonly ms: number;
  readonly x: number;
  readonly label: string;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TICK_STEPS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500,
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 365 * DAY,
] as const;

/**
 * Ticks at round UTC times, the finest step that leaves `minSpacing` px
 * between labels; labels as precise as the step needs (milliseconds, seconds,
 * minutes, or the date for steps of a day and more).
 */
export function axisTicks(view: TimeWindow, width: number, minSpacing = 96): AxisTick[] {
  const span = view.to - view.from;
  if (span <= 0 || width <= 0) return [];
  const step = TICK_STEPS.find((candidate) => (candidate / span) * width >= minSpacing) ?? 365 * DAY;
  const ticks: AxisTick[] = [];
  for (let ms = Math.ceil(view.from / step) * step; ms <= view.to && ticks.length < 200; ms += step) {
    ticks.push({ ms, x: ((ms - view.from) / span) * width, label: tickLabel(ms, step) });
  }
  return ticks;
}

function tickLabel(ms: number, step: number): string {
  const iso = new Date(ms).toISOString();
  if (step >= DAY) return iso.slice(0, 10);
  if (step >= MINUTE) return iso.slice(11, 16);
  if (step >= SECOND) return iso.slice(11, 19);
  return iso.slice(11, 23);
}
