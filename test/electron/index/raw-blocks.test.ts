import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import { join } from 'node:path';
import { openIndex } from '../../../electron/index/open-index';
import { packRawBlocks, RAW_BLOCK_BYTES, rawTextSql } from '../../../electron/index/raw-blocks';
import { tempFolder } from '../../support/temp-folder';

describe('raw blocks', () => {
  const db = openIndex(join(tempFolder('raw-blocks'), 'index.sqlite'), tempFolder('raw-blocks-folder')).db;
  after(() => db.close());

  /** Stores texts as the writer does and reads each back through raw_text. */
  function roundTrip(texts: { sourceId: number; raw: string; part?: number }[], maxBytes?: number): string[] {
    const packed = packRawBlocks(texts);
    const ids = packed.blocks.map((block) => Number(db.prepare('INSERT INTO raw_blocks (source_id, data) VALUES (?, ?)').run(block.sourceId, block.data).lastInsertRowid));
    const read = db.prepare(`SELECT ${rawTextSql('e', maxBytes)} AS raw FROM (SELECT ? AS raw_block, ? AS raw_at, ? AS raw_len) e`);
    return packed.placements.map((p) => (read.get(ids[p.block], p.at, p.length) as { raw: string }).raw);
  }

  it('gives back every text exactly, whatever its characters', () => {
    const texts = [
      '{"a":1}', '', '{"msg":"𝒳é\u00a0\u2028"}', '{"bad":"\ufffd\ufffd"}', '{"escaped":"\\ud800"}', '{\n  "pretty": true\n}\r',
      'x'.repeat(3 * RAW_BLOCK_BYTES), '{"after":"the long one"}', '€'.repeat(RAW_BLOCK_BYTES), '𝒳'.repeat(RAW_BLOCK_BYTES),
    ].map((raw, i) => ({ sourceId: 1, raw: `${raw}${i}` }));
    assert.deepEqual(roundTrip(texts), texts.map((t) => t.raw));
  });

  it('gives back an empty text, alone in its batch or in a block of its own source', () => {
    assert.deepEqual(roundTrip([{ sourceId: 4, raw: '' }]), ['']);
    assert.deepEqual(roundTrip([{ sourceId: 4, raw: 'a' }, { sourceId: 5, raw: '' }, { sourceId: 4, raw: 'b' }]), ['a', '', 'b']);
  });

  it('stores a line of many events once: its later parts point at the bytes of its first', () => {
    const line = `{"resourceSpans":["${'s'.repeat(1_000)}"]}`;
    const texts = [{ sourceId: 1, raw: 'before' }, { sourceId: 1, raw: line, part: 0 }, { sourceId: 1, raw: line, part: 1 }, { sourceId: 1, raw: line, part: 2 }, { sourceId: 1, raw: 'after', part: 0 }];
    const packed = packRawBlocks(texts);
    assert.equal(packed.blocks.length, 1);
    assert.deepEqual(packed.placements[2], packed.placements[1]);
    assert.deepEqual(packed.placements[3], packed.placements[1]);
    assert.equal(packed.placements[4]?.at, Buffer.byteLength('before') + Buffer.byteLength(line), 'the line was packed once');
    assert.deepEqual(roundTrip(texts), texts.map((t) => t.raw));
  });

  it('packs consecutive texts of one source together, starts a block per source and past the size', () => {
    const line = `{"trace_id":"t","pad":"${'p'.repeat(200)}"}`;
    const texts = [
      ...Array.from({ length: 400 }, () => ({ sourceId: 1, raw: line })),
      { sourceId: 2, raw: line },
      { sourceId: 1, raw: line },
    ];
    const packed = packRawBlocks(texts);
    const perBlock = Math.ceil(RAW_BLOCK_BYTES / Buffer.byteLength(line));
    assert.equal(packed.blocks.length, Math.ceil(400 / perBlock) + 2);
    assert.deepEqual(packed.blocks.map((b) => b.sourceId).slice(-3), [1, 2, 1]);
    assert.ok(packed.blocks.every((b, i) => i >= packed.blocks.length - 2 || b.data.length < RAW_BLOCK_BYTES / 4), 'repetitive lines compress');
    assert.deepEqual(roundTrip(texts), texts.map((t) => t.raw));
  });

  it('decodes only a prefix when asked, with a character cut at the limit read as U+FFFD', () => {
    const [whole] = roundTrip([{ sourceId: 3, raw: 'ab€cd' }]);
    const [cut] = roundTrip([{ sourceId: 3, raw: 'ab€cd' }], 3);
    assert.equal(whole, 'ab€cd');
    assert.equal(cut, 'ab\ufffd');
  });

  it('reads right across more blocks than the connection caches', () => {
    const texts = Array.from({ length: 100 }, (_, i) => ({ sourceId: 10 + i, raw: `{"source":${i}}` }));
    const first = roundTrip(texts);
    assert.deepEqual(first, texts.map((t) => t.raw));
    assert.deepEqual(roundTrip(texts.reverse()), texts.map((t) => t.raw));
  });

  it('reads right in one statement whose rows name two blocks each, past what the connection caches', () => {
    const texts = Array.from({ length: 60 }, (_, i) => ({ sourceId: 200 + i, raw: `{"block":${i}}` }));
    const packed = packRawBlocks(texts);
    const ids = packed.blocks.map((block) => Number(db.prepare('INSERT INTO raw_blocks (source_id, data) VALUES (?, ?)').run(block.sourceId, block.data).lastInsertRowid));
    db.exec('CREATE TEMP TABLE pairs (a_block INTEGER, a_len INTEGER, b_block INTEGER, b_len INTEGER)');
    const insert = db.prepare('INSERT INTO pairs VALUES (?, ?, ?, ?)');
    // Each row pairs a block with one 30 further on, so every row of the walk both hits and misses.
    for (let i = 0; i < 60; i++) {
      const j = (i + 30) % 60;
      insert.run(ids[i], Buffer.byteLength(texts[i]!.raw), ids[j], Buffer.byteLength(texts[j]!.raw));
    }
    const a = rawTextSql('a').replaceAll('a.raw_at', '0').replaceAll('a.raw_len', 'a.a_len').replaceAll('a.raw_block', 'a.a_block');
    const b = rawTextSql('a').replaceAll('a.raw_at', '0').replaceAll('a.raw_len', 'a.b_len').replaceAll('a.raw_block', 'a.b_block');
    for (let round = 0; round < 2; round++) {
      const rows = db.prepare(`SELECT ${a} AS first, ${b} AS second FROM pairs a ORDER BY a.rowid`).raw().all() as [string, string][];
      assert.deepEqual(rows, texts.map((t, i) => [t.raw, texts[(i + 30) % 60]!.raw]));
    }
  });
});

describe('raw_text of a block the connection holds inflated', () => {
  it('reads it without its data, and the SQL passes the data only for a block not held', () => {
    const db = openIndex(join(tempFolder('raw-held'), 'index.sqlite'), tempFolder('raw-held-folder')).db;
    try {
      const packed = packRawBlocks([{ sourceId: 1, raw: '{"first":1}' }]);
      db.prepare('INSERT INTO raw_blocks (id, source_id, data) VALUES (7, 1, ?)').run(packed.blocks[0]?.data);
      const held = db.prepare('SELECT raw_cached(7)').pluck();
      const withoutData = db.prepare("SELECT raw_text(7, NULL, 0, 11)").pluck();
      assert.equal(held.get(), 0);
      assert.equal(withoutData.get(), null, 'a block not held is not made up');
      const read = db.prepare(`SELECT ${rawTextSql('e')} FROM (SELECT 7 AS raw_block, 0 AS raw_at, 11 AS raw_len) e`).pluck();
      assert.equal(read.get(), '{"first":1}');
      assert.equal(held.get(), 1);
      assert.equal(withoutData.get(), '{"first":1}');
      assert.equal(read.get(), '{"first":1}', 'read again from what is held');
    } finally {
      db.close();
    }
  });
});
