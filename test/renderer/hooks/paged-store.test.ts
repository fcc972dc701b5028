import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as PagedStore from '../../../renderer/hooks/paged-store';
import { loadRendererModule } from '../load-renderer-module';

const { emptyStore, markStale, nextRead, pageRead, pagesToCover, readFailed, refreshed, refreshPlan, rowAt, visibleCount, wantRange } =
  loadRendererModule<typeof PagedStore>('hooks/paged-store');

const store = (overrides: Partial<Parameters<typeof pagesToCover<number>>[0]>) => ({
  forward: [] as number[],
  backward: [] as number[],
  total: null as number | null,
  forwardDone: false,
  backwardDone: false,
  wantStart: 0,
  wantEnd: 0,
  ...overrides,
});

describe('paged list store', () => {
  it('finds a row from whichever end read it', () => {
    const s = { forward: [0, 1, 2], backward: [9, 8], total: 10 };
    assert.equal(rowAt(s, 1), 1);
    assert.equal(rowAt(s, 9), 9);
    assert.equal(rowAt(s, 8), 8);
    assert.equal(rowAt(s, 5), undefined);
    assert.equal(rowAt(s, -1), undefined);
  });

  it('reads a jump to the bottom from the end: one page instead of hundreds', () => {
    const forward = Array.from({ length: 500 }, (_, i) => i);
    assert.deepEqual(pagesToCover(store({ forward, total: 250_000, wantStart: 249_980, wantEnd: 249_999 }), 500, true), { reverse: true, pages: 1 });
    assert.deepEqual(pagesToCover(store({ forward, total: 250_000, wantStart: 1_000, wantEnd: 1_020 }), 500, true), { reverse: false, pages: 2 });
    assert.equal(pagesToCover(store({ forward, total: 250_000, wantStart: 249_980, wantEnd: 249_999 }), 500, false)?.reverse, false, 'a list that cannot be reversed reads forward');
  });

  it('has nothing to read when the range is covered or the list is complete', () => {
    const forward = Array.from({ length: 500 }, (_, i) => i);
    assert.equal(pagesToCover(store({ forward, total: 1000, wantStart: 10, wantEnd: 40 }), 500, true), null);
    assert.equal(pagesToCover(store({ forward, total: 1000, backward: forward, wantStart: 600, wantEnd: 640 }), 500, true), null);
    assert.equal(pagesToCover(store({ forward, forwardDone: true, total: 500, wantStart: 480, wantEnd: 520 }), 500, true), null);
  });

  it('grows a list of unknown length page by page', () => {
    const forward = Array.from({ length: 300 }, (_, i) => i);
    assert.deepEqual(pagesToCover(store({ forward, wantStart: 290, wantEnd: 300 }), 300, false), { reverse: false, pages: 1 });
  });

  it('reads the first page before anything else, then what the wanted range lacks', () => {
    const empty = emptyStore<number>('k');
    assert.deepEqual(nextRead(empty, 100, true), { refresh: false, reverse: false, cursor: null });
    assert.equal(visibleCount(empty), 0, 'nothing shows before the first page');
    const first = pageRead(empty, { items: [0, 1, 2], nextCursor: 'c3', total: 1_000 }, false);
    assert.equal(first.ready, true);
    assert.equal(visibleCount(first), 1_000);
    assert.equal(nextRead(first, 100, true), null, 'rows 0..0 are covered');
    const bottom = wantRange(first, 990, 999);
    assert.deepEqual(nextRead(bottom, 100, true), { refresh: false, reverse: true, cursor: null });
    assert.deepEqual(nextRead(wantRange(first, 3, 20), 100, true), { refresh: false, reverse: false, cursor: 'c3' });
  });

  it('joins the two ends into one list when they meet', () => {
    let store = wantRange(pageRead(emptyStore<number>('k'), { items: [0, 1, 2], nextCursor: 'f3', total: 5 }, false), 3, 4);
    store = pageRead(store, { items: [4, 3], nextCursor: 'b', total: 5 }, true);
    assert.deepEqual([rowAt(store, 3), rowAt(store, 4)], [3, 4]);
    store = pageRead(store, { items: [2, 1, 0], nextCursor: null, total: 5 }, true);
    assert.deepEqual([...store.forward], [0, 1, 2, 3, 4], 'the end read backwards becomes the whole list, in order');
    assert.deepEqual([store.forwardDone, store.backward.length, store.total], [true, 0, 5]);
  });

  it('grows a list of unknown length by one placeholder row until its end is read', () => {
    let store = pageRead(emptyStore<number>('k'), { items: [0, 1], nextCursor: 'c2' }, false);
    assert.equal(visibleCount(store), 3);
    store = pageRead(store, { items: [2], nextCursor: null }, false);
    assert.deepEqual([visibleCount(store), store.total], [3, 3]);
  });

  it('re-reads a short list from the top and a long one from its last page, keeping the rows before it', () => {
    const rows = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);
    let short = pageRead(emptyStore<number>('k'), { items: rows(0, 10), nextCursor: 'c10' }, false);
    assert.equal(markStale(emptyStore<number>('k')).stale, false, 'nothing to re-read before the first page');
    short = markStale(short);
    assert.deepEqual(nextRead(short, 10, false), { refresh: true });
    assert.deepEqual(refreshPlan(short, 10), { cursor: null, start: 0, pages: 1 });

    let long = emptyStore<number>('k');
    for (let page = 0; page < 12; page++) long = pageRead(long, { items: rows(page * 10, 10), nextCursor: `c${(page + 1) * 10}` }, false);
    const plan = refreshPlan(long, 10);
    assert.deepEqual(plan, { cursor: 'c110', start: 110, pages: 1 });
    const after = refreshed(long, plan, { rows: rows(110, 13), cursor: null, total: null, lastPageCursor: 'c110', lastPageStart: 110 });
    assert.deepEqual([after.forward.length, after.forwardDone, after.total, rowAt(after, 109), rowAt(after, 122)], [123, true, 123, 109, 122]);
  });

  it('keeps the rows read when a read fails, and shows the error', () => {
    const store = pageRead(emptyStore<number>('k'), { items: [0, 1], nextCursor: 'c2' }, false);
    const failed = readFailed(store, { code: 'internal', message: 'disk gone' });
    assert.deepEqual([failed.error?.code, failed.forward.length, failed.ready], ['internal', 2, true]);
    assert.ok(failed.version > store.version, 'subscribers re-render');
  });
});
