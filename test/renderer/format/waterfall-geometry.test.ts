import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type * as Geometry from '../../../renderer/format/waterfall-geometry';
import { loadRendererModule } from '../load-renderer-module';

const { axisTicks, barPlacement, clampWindow, idleStretches, panWindow, revealWindow, waterfallExtent, zoomWindow, MIN_WINDOW_MS } = loadRendererModule<typeof Geometry>('format/waterfall-geometry');

const bar = (startMs: number | null, endMs: number | null, options: { depth?: number; failed?: boolean } = {}) => ({ startMs, endMs, depth: options.depth ?? 1, failed: options.failed ?? false });
const bounds = { from: 0, to: 100_000 };

describe('waterfall geometry', () => {
  it('covers every bar and the run, with room at the sides; null when nothing has a time', () => {
    const extent = waterfallExtent([bar(10_000, 20_000), bar(5_000, null), bar(null, null)], 0, 30_000);
    assert.ok(extent !== null);
    assert.ok(extent.from < 0 && extent.from > -1_000);
    assert.ok(extent.to > 30_000 && extent.to < 31_000);
    assert.equal(waterfallExtent([bar(null, null)], null, null), null);
    // One instant still gets a second of axis.
    const one = waterfallExtent([bar(7_000, 7_000)], null, null);
    assert.ok(one !== null && one.to - one.from >= 1_000);
  });

  it('zooms around the anchor: the time under it stays where it is', () => {
    const view = { from: 10_000, to: 30_000 };
    const zoomed = zoomWindow(view, 0.5, 0.25, bounds);
    assert.equal(zoomed.to - zoomed.from, 10_000);
    const before = view.from + 0.25 * (view.to - view.from);
    const after = zoomed.from + 0.25 * (zoomed.to - zoomed.from);
    assert.equal(after, before);
  });

  it('never zooms past the bounds or below the narrowest window, and pans within the bounds', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (factor, anchor, shift) => {
        const zoomed = zoomWindow({ from: 20_000, to: 60_000 }, factor, anchor, bounds);
        assert.ok(zoomed.from >= bounds.from - 1e-6 && zoomed.to <= bounds.to + 1e-6);
        assert.ok(zoomed.to - zoomed.from >= MIN_WINDOW_MS - 1e-6);
        const panned = panWindow(zoomed, shift, bounds);
        assert.ok(Math.abs(panned.to - panned.from - (zoomed.to - zoomed.from)) < 1e-6, 'panning keeps the zoom');
        assert.ok(panned.from >= bounds.from - 1e-6 && panned.to <= bounds.to + 1e-6);
      }),
    );
    assert.deepEqual(clampWindow({ from: -50, to: 50 }, bounds), { from: 0, to: 100 });
    assert.deepEqual(clampWindow({ from: -1, to: 200_000 }, bounds), bounds);
  });

  it('brings a bar into view without changing the zoom, and leaves the view alone when it is already shown', () => {
    const view = { from: 10_000, to: 20_000 };
    assert.equal(revealWindow(view, bar(12_000, 13_000), bounds), view);
    const later = revealWindow(view, bar(50_000, 51_000), bounds);
    assert.equal(later.to - later.from, 10_000);
    assert.ok(later.from <= 50_000 && later.to >= 51_000);
    const earlier = revealWindow(view, bar(2_000, 2_500), bounds);
    assert.ok(earlier.from <= 2_000 && earlier.to >= 2_500);
    // A bar wider than the view: the view widens to hold it.
    const wide = revealWindow(view, bar(30_000, 60_000), bounds);
    assert.ok(wide.from <= 30_000 && wide.to >= 60_000);
  });

  it('places bars across the track: spans, instants, open ends; null outside the view', () => {
    const view = { from: 0, to: 1_000 };
    assert.deepEqual(barPlacement(bar(100, 300), view, 500, 1_000), { left: 50, width: 100, instant: false, open: false });
    const instant = barPlacement(bar(500, 500), view, 500, 1_000);
    assert.equal(instant?.instant, true);
    assert.equal(instant?.left, 250);
    const open = barPlacement(bar(800, null), view, 500, 2_000);
    assert.equal(open?.open, true);
    assert.equal(open?.left, 400);
    assert.equal(barPlacement(bar(2_000, 3_000), view, 500, 3_000), null);
    assert.equal(barPlacement(bar(null, null), view, 500, 3_000), null);
    // Clipped at the left edge, never negative width; a tiny span keeps 2 px.
    assert.ok(barPlacement(bar(-500, 100), view, 500, 1_000)?.left === 0);
    assert.equal(barPlacement(bar(100, 100.01), view, 500, 1_000)?.width, 2);
  });

  it('finds gaps between activity and the idle tail after a failure, ignoring the run bar that spans them', () => {
    const bars = [bar(0, 60_000, { depth: 0 }), bar(1_000, 2_000), bar(2_500, 4_000), bar(20_000, 21_000), bar(21_000, 22_000, { failed: true })];
    const idle = idleStretches(bars, { startMs: 0, endMs: 60_000 });
    assert.deepEqual(
      idle.map((stretch) => [stretch.kind, stretch.from, stretch.to, stretch.afterFailure]),
      [
        ['gap', 4_000, 20_000, false],
        ['tail', 22_000, 60_000, true],
      ],
    );
  });

  it('has no tail when a step never ended (it runs to the end), and no "after failure" when work went on after it', () => {
    assert.deepEqual(idleStretches([bar(0, 1_000, { failed: true }), bar(2_000, null)], { startMs: 0, endMs: 60_000 }), []);
    const resumed = idleStretches([bar(0, 1_000, { failed: true }), bar(1_200, 2_000)], { startMs: 0, endMs: 60_000 });
    assert.deepEqual(resumed.map((stretch) => [stretch.kind, stretch.afterFailure]), [['tail', false]]);
  });

  it('labels ticks at round UTC times, as precise as the step, spaced at least the minimum', () => {
    const day = Date.UTC(2026, 0, 5);
    const ticks = axisTicks({ from: day + 8 * 3_600_000, to: day + 20 * 3_600_000 }, 960);
    assert.ok(ticks.length >= 4);
    assert.deepEqual(ticks.slice(0, 2).map((tick) => tick.label), ['08:00', '10:00']);
    for (let i = 1; i < ticks.length; i += 1) assert.ok((ticks[i]?.x ?? 0) - (ticks[i - 1]?.x ?? 0) >= 96);
    const fine = axisTicks({ from: day, to: day + 500 }, 1000);
    assert.deepEqual(fine.slice(0, 3).map((tick) => tick.label), ['00:00:00.000', '00:00:00.050', '00:00:00.100']);
    const months = axisTicks({ from: day, to: day + 120 * 86_400_000 }, 1000);
    assert.match(months[0]?.label ?? '', /^2026-\d\d-\d\d$/);
  });
});
