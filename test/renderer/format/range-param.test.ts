import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as RangeParam from '../../../renderer/format/range-param';
import type * as RouteModule from '../../../renderer/format/route';
import { loadRendererModule } from '../load-renderer-module';

const { carryRange, rangeInHash, sameRange, wholeMillis, withRangeInHash } = loadRendererModule<typeof RangeParam>('format/range-param');
const { parseRoute } = loadRendererModule<typeof RouteModule>('format/route');

const FROM = Date.UTC(2026, 2, 2, 10, 15);
const TO = Date.UTC(2026, 2, 2, 11, 2, 30, 250);

describe('the time range in the address', () => {
  it('round-trips a range through a hash, readable, after the route’s own parameters', () => {
    const hash = withRangeInHash('#/events?kind=checkpoint', { from: FROM, to: TO });
    assert.equal(hash, '#/events?kind=checkpoint&from=2026-03-02T10:15:00Z&to=2026-03-02T11:02:30.250Z');
    assert.deepEqual(rangeInHash(hash), { from: FROM, to: TO });
    assert.deepEqual(parseRoute(hash), parseRoute('#/events?kind=checkpoint'), 'the route reads past the range');
  });

  it('writes an open side by leaving it out, and no range at all by leaving both out', () => {
    assert.deepEqual(rangeInHash(withRangeInHash('#/executions', { from: FROM, to: null })), { from: FROM, to: null });
    assert.deepEqual(rangeInHash(withRangeInHash('#/executions', { from: null, to: TO })), { from: null, to: TO });
    assert.equal(withRangeInHash(`#/executions?q=x&from=2026-03-02T10:15:00Z`, { from: null, to: null }), '#/executions?q=x');
    assert.equal(withRangeInHash('', { from: FROM, to: null }), '#/?from=2026-03-02T10:15:00Z');
    assert.equal(rangeInHash('#/executions?q=x'), null, 'a hash without a range says nothing about it');
  });

  it('replaces a range the hash had rather than adding a second', () => {
    const once = withRangeInHash('#/problems?code=x', { from: FROM, to: TO });
    const twice = withRangeInHash(once, { from: TO, to: null });
    assert.deepEqual(rangeInHash(twice), { from: TO, to: null });
    assert.equal(new URLSearchParams(twice.slice(twice.indexOf('?') + 1)).getAll('from').length, 1);
  });

  it('opens a side a hand-edited address names with no time, and reads hand-typed ISO times', () => {
    assert.deepEqual(rangeInHash('#/events?from=yesterday&to=2026-03-02T11:02:30.250Z'), { from: null, to: TO });
    assert.deepEqual(rangeInHash('#/events?from=2026-03-02T10:15Z'), { from: FROM, to: null });
    assert.deepEqual(rangeInHash('#/events?from=2026-03-02T10:15:00%2B02:00'), { from: null, to: null }, 'only a UTC time is read');
  });

  it('rounds outward to whole milliseconds, as the API request does', () => {
    assert.deepEqual(wholeMillis({ from: FROM + 0.7, to: TO + 0.2 }), { from: FROM, to: TO + 1 });
    assert.deepEqual(wholeMillis({ from: null, to: null }), { from: null, to: null });
    assert.ok(sameRange({ from: 1, to: null }, { from: 1, to: null }));
    assert.ok(!sameRange({ from: 1, to: null }, { from: 1, to: 2 }));
  });

  it('carries the range of the current address onto a link built without one, and never over one that has its own', () => {
    const current = withRangeInHash('#/executions', { from: FROM, to: TO });
    assert.deepEqual(rangeInHash(carryRange(current, '#/events/7?anchor=7')), { from: FROM, to: TO });
    assert.deepEqual(parseRoute(carryRange(current, '#/events/7?anchor=7')), parseRoute('#/events/7?anchor=7'));
    const own = withRangeInHash('#/events', { from: TO, to: null });
    assert.equal(carryRange(current, own), own);
    assert.equal(carryRange('#/executions', '#/events/7'), '#/events/7', 'no range to carry: the link is left as it is');
  });
});
