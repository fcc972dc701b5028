import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ApiResult } from '../../../shared/api/api-result';
import type * as PagedListModule from '../../../renderer/hooks/paged-list';
import type * as PagedStoreModule from '../../../renderer/hooks/paged-store';
import { loadRendererModule } from '../load-renderer-module';

const { PagedList } = loadRendererModule<typeof PagedListModule>('hooks/paged-list');
const { rowAt, visibleCount } = loadRendererModule<typeof PagedStoreModule>('hooks/paged-store');

/** A list held in memory and paged like the API pages it: cursors are positions, `reverse` reads from the end. */
class MemoryList {
  readonly calls: string[] = [];
  failNext = false;
  constructor(readonly rows: number[]) {}

  readonly fetchPage = async (cursor: string | null, limit: number, reverse: boolean): Promise<ApiResult<PagedStoreModule.Page<number>>> => {
    this.calls.push(`${reverse ? 'back' : 'fwd'}:${cursor ?? '-'}`);
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      return { ok: false, error: { code: 'internal', message: 'read failed' } };
    }
    const at = cursor === null ? 0 : Number(cursor);
    const ordered = reverse ? [...this.rows].reverse() : this.rows;
    const items = ordered.slice(at, at + limit);
    const next = at + limit < ordered.length ? String(at + limit) : null;
    return { ok: true, value: { items, nextCursor: next, total: this.rows.length } };
  };
}

/** Resolves once the list has stopped reading. */
async function settled(list: PagedListModule.PagedList<number>): Promise<void> {
  for (let i = 0; i < 1_000 && list.getSnapshot().running; i++) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
}

describe('PagedList', () => {
  it('reads the first page on start, then jumps to the bottom in one page from the end', async () => {
    const source = new MemoryList(Array.from({ length: 1_000 }, (_, i) => i));
    const list = new PagedList(`k`, source.fetchPage, 50, true);
    let notices = 0;
    list.subscribe(() => notices++);
    list.start();
    await settled(list);
    assert.deepEqual(source.calls, ['fwd:-']);
    assert.equal(visibleCount(list.getSnapshot()), 1_000);
    list.ensureRange(980, 999);
    await settled(list);
    assert.deepEqual(source.calls, ['fwd:-', 'back:-']);
    assert.equal(rowAt(list.getSnapshot(), 999), 999);
    assert.equal(rowAt(list.getSnapshot(), 500), undefined, 'the middle is not read');
    assert.ok(notices >= 4, 'subscribers hear of each step');
  });

  it('re-reads in place when the index changes, so appended rows show', async () => {
    const source = new MemoryList([0, 1, 2]);
    const list = new PagedList('k', source.fetchPage, 10, false);
    list.start();
    await settled(list);
    source.rows.push(3, 4);
    list.indexChanged();
    await settled(list);
    assert.deepEqual([...list.getSnapshot().forward], [0, 1, 2, 3, 4]);
    assert.equal(list.getSnapshot().stale, false);
  });

  it('shows a failed read as an error and keeps its rows; a closed list drops late pages', async () => {
    const source = new MemoryList([0, 1, 2]);
    const list = new PagedList('k', source.fetchPage, 10, false);
    list.start();
    await settled(list);
    source.failNext = true;
    list.indexChanged();
    await settled(list);
    assert.deepEqual([list.getSnapshot().error?.message, list.getSnapshot().forward.length], ['read failed', 3]);

    const closing = new PagedList('k2', source.fetchPage, 10, false);
    closing.start();
    closing.close();
    await settled(closing);
    assert.equal(closing.getSnapshot().ready, false, 'the page that arrived after close was dropped');
  });
});
