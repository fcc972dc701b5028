import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { searchText } from '../../../electron/ingest/search-text';

/** A value nested `depth` levels deep in objects, with a word at the bottom. */
function nested(depth: number, word: string): unknown {
  let value: unknown = word;
  for (let level = 0; level < depth; level++) value = { [`k${level}`]: value };
  return value;
}

describe('searchText (what full text indexes of an event)', () => {
  it('takes the values, never the keys, in document order', () => {
    const line = { trace_id: 'tr-1', status: 'failed', retries: 3, ok: false, empty: null, tags: ['a', ['b', { deep: 'c' }]], after: 'd' };
    assert.equal(searchText(line), 'tr-1 failed 3 false a b c d');
  });

  it('reaches a value at any depth: a line too deep for the normalizers is still searched by all of its values', () => {
    assert.equal(searchText(nested(150, 'deepword')), 'deepword');
    assert.equal(searchText({ before: 'x', inner: nested(70, 'deepword'), after: 'y' }), 'x deepword y');
    assert.doesNotThrow(() => searchText(nested(200_000, 'bottom')), 'no nesting exhausts the call stack');
  });

  it('stops at 64 KiB of text', () => {
    const text = searchText({ values: Array.from({ length: 20_000 }, (_, index) => `value-${index}`) });
    assert.equal(text.length, 64 * 1024);
    assert.ok(text.startsWith('value-0 value-1 '));
  });
});
