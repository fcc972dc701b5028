import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as PagedStore from '../../../renderer/hooks/paged-store';
import { loadRendererModule } from '../load-renderer-module';

const { pagesToCover, rowAt } = loadRendererModule<typeof PagedStore>('hooks/paged-store');

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
});
