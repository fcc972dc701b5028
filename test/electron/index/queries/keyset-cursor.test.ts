import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, InvalidCursor } from '../../../../electron/index/queries/keyset-cursor';
import { rangesAfter, readKeysetPage, type KeysetOrder } from '../../../../electron/index/queries/keyset-page';

describe('keyset cursors', () => {
  it('round-trips a sort value and id through an opaque base64url string', () => {
    for (const position of [{ value: 1_700_000_000_123, id: 5 }, { value: null, id: 1 }, { value: 'ключ "quoted"', id: 9_007_199_254_740_991 }, { value: 0, id: 2 }]) {
      const cursor = encodeCursor(position);
      assert.match(cursor, /^[A-Za-z0-9_-]+$/);
      assert.deepEqual(decodeCursor(cursor), position);
    }
  });

  it('refuses what encodeCursor cannot have written', () => {
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const cursor of ['', '!!!', encode({ value: 1, id: 1 }), encode([1]), encode([1, 2, 3]), encode([1, 1.5]), encode([{}, 1]), encode([true, 1]), encode([1, '2'])]) {
      assert.throws(() => decodeCursor(cursor), InvalidCursor, JSON.stringify(cursor));
    }
  });
});

describe('keyset pages', () => {
  const order: KeysetOrder = {
    id: 'id',
    descending: false,
    stretches: [
      { where: 'v IS NOT NULL', value: 'v', kind: 'number' },
      { where: 'v IS NULL', constant: null },
    ],
  };

  it('starts after the cursor in its own stretch and reads the later stretches whole', () => {
    assert.deepEqual(rangesAfter(order, { value: 3, id: 7 }), [
      { where: ['v IS NOT NULL', '(v, id) > (?, ?)'], params: [3, 7], orderBy: 'v ASC, id ASC' },
      { where: ['v IS NULL'], params: [], orderBy: 'id ASC' },
    ]);
    assert.deepEqual(rangesAfter({ ...order, descending: true }, { value: null, id: 7 }), [{ where: ['v IS NULL', 'id < ?'], params: [7], orderBy: 'id DESC' }]);
    assert.throws(() => rangesAfter(order, { value: 'text', id: 1 }), InvalidCursor);
  });

  it('reads one row past the page only to know whether another page follows', () => {
    const rows = [[{ id: 1 }, { id: 2 }], [{ id: 3 }]];
    const asked: number[] = [];
    const page = readKeysetPage(order, null, 2, (_, limit) => (asked.push(limit), rows[asked.length - 1] ?? []), (row) => ({ value: row.id, id: row.id }));
    assert.deepEqual(page.rows, [{ id: 1 }, { id: 2 }]);
    assert.deepEqual(asked, [3, 1]);
    assert.deepEqual(decodeCursor(page.nextCursor ?? ''), { value: 2, id: 2 });
    const last = readKeysetPage(order, null, 3, (range) => (range.where.includes('v IS NULL') ? [] : [{ id: 1 }]), (row) => ({ value: row.id, id: row.id }));
    assert.equal(last.nextCursor, null);
  });
});
