import type Database from 'better-sqlite3';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * Raw lines are stored deflated in blocks of consecutive events of one file:
 * JSON lines of one producer repeat their keys, so a block of a few dozen
 * kilobytes compresses to a fraction of the input that a line alone never
 * would, at a cost per byte far below SQLite's own. Events point into their
 * block by byte position; the SQL function `raw_text` gives their text back.
 */

/**
 * Lines are packed until a block holds this many bytes (one longer line gets a
 * block of its own). Reading one event inflates its block: about 60 µs at 64 KiB.
 */
export const RAW_BLOCK_BYTES = 64 * 1024;

/** deflate level 3: on JSON lines about as fast as level 1 (~390 MB/s here), 10% smaller; level 6 is twice as slow. */
const DEFLATE_LEVEL = 3;

/** Where one event's raw text lies: its block (an index into the packed blocks) and byte range. */
export interface RawPlacement {
  readonly block: number;
  readonly at: number;
  readonly length: number;
}

/** One packed block, ready to insert. */
export interface PackedBlock {
  readonly sourceId: number;
  readonly data: Buffer;
}

/** Raw texts of one batch packed into blocks, and where each text went. */
export interface PackedRaw {
  readonly blocks: readonly PackedBlock[];
  /** In the order of the texts given. */
  readonly placements: readonly RawPlacement[];
}

/**
 * Packs raw texts into deflated blocks. Consecutive texts of the same source
 * share a block, so a source's blocks can be deleted with it. A text of part 1
 * or more is another event of the line just packed (an OTLP request's spans
 * follow each other in a batch): it points at that line's bytes, which are
 * stored once, not once per span.
 */
export function packRawBlocks(texts: readonly { readonly sourceId: number; readonly raw: string; readonly part?: number }[]): PackedRaw {
  const packer = new RawBlockPacker();
  const placements = texts.map((text) => packer.add(text.sourceId, text.raw, text.part ?? 0));
  return { blocks: packer.finish(), placements };
}

/**
 * packRawBlocks one text at a time: each text is encoded into the block being
 * filled as it comes, so a parse worker holds no line's text until its chunk
 * ends, and a block is deflated as soon as it is full.
 */
export class RawBlockPacker {
  private readonly blocks: PackedBlock[] = [];
  // Texts are encoded straight into one buffer, not each into a Buffer of its own joined after: a block holds hundreds of lines.
  private scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  private size = 0;
  private packed = 0;
  private sourceId = -1;
  private previous: RawPlacement | null = null;

  /** Where a text goes: `block` counts the blocks this packer fills, from 0. */
  add(sourceId: number, raw: string, part: number): RawPlacement {
    if (part > 0 && this.previous !== null && sourceId === this.sourceId) return this.previous;
    if (sourceId !== this.sourceId || this.size >= RAW_BLOCK_BYTES) {
      this.flush();
      this.sourceId = sourceId;
    }
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes: room for that is room enough.
    const room = this.size + raw.length * 3;
    if (room > this.scratch.length) {
      const grown = Buffer.allocUnsafe(Math.max(room, this.scratch.length * 2));
      this.scratch.copy(grown, 0, 0, this.size);
      this.scratch = grown;
    }
    const length = this.scratch.write(raw, this.size, 'utf8');
    this.previous = { block: this.blocks.length, at: this.size, length };
    this.size += length;
    this.packed++;
    return this.previous;
  }

  /** The packed blocks, the last one deflated now; the packer is spent. */
  finish(): PackedBlock[] {
    this.flush();
    return this.blocks;
  }

  private flush(): void {
    if (this.packed === 0) return;
    this.blocks.push({ sourceId: this.sourceId, data: deflateRawSync(this.scratch.subarray(0, this.size), { level: DEFLATE_LEVEL }) });
    this.size = 0;
    this.packed = 0;
  }
}

/** Room for a block and the line that ends it (a block ends once it holds RAW_BLOCK_BYTES). */
const SCRATCH_BYTES = RAW_BLOCK_BYTES * 2;

/**
 * zlib's output chunk when a block is inflated: one chunk holds a whole block
 * (RAW_BLOCK_BYTES and the line that ends it), so a block costs one buffer, not
 * five of zlib's default 16 KiB and their join. The checks pass inflates a
 * block per cache miss; on a 1,000,000-event index its peak RSS was 172–182 MB
 * against 185–206 MB with the default.
 */
const INFLATE_CHUNK_BYTES = 128 * 1024;

/** Inflated blocks kept per connection: a page of events reads few blocks, each many times. */
const CACHED_BLOCKS = 16;

/** The highest block id given out on each connection, committed or rolled back since: ids its cache may hold. */
const givenOut = new WeakMap<Database.Database, number>();

/**
 * The first of `count` new block ids for a batch written on this connection:
 * past every id the index holds or has held (`stored`: its highest block id,
 * deleted ones included) and every id this connection gave out before, even in
 * a batch that rolled back. So an id names one content for good, and a
 * connection's cache of inflated blocks (registerRawText) can never be stale.
 */
export function claimRawBlockIds(db: Database.Database, stored: number, count: number): number {
  const first = Math.max(stored, givenOut.get(db) ?? 0) + 1;
  if (count > 0) givenOut.set(db, first + count - 1);
  return first;
}

/**
 * Registers `raw_text(block_id, block_data, at, length[, max_bytes])` on a
 * connection: the raw text of one event, or its first max_bytes bytes. The
 * block's data is passed in (see rawTextSql) because a function cannot query
 * the connection that is running it; `raw_cached(block_id)` lets the SQL pass
 * NULL instead for a block this connection holds inflated already. Blocks are
 * cached by id alone because an id is never given out twice (claimRawBlockIds).
 */
export function registerRawText(db: Database.Database): void {
  const cache = new Map<number, Buffer>();
  // Not deterministic: its answer changes as the cache does, so SQLite must ask it for every row.
  db.function('raw_cached', { deterministic: false }, (id: unknown) => (cache.has(Number(id)) ? 1 : 0));
  db.function('raw_text', { deterministic: true, varargs: true }, (id: unknown, data: unknown, at: unknown, length: unknown, maxBytes?: unknown) => {
    const blockId = Number(id);
    let text = cache.get(blockId);
    if (text === undefined) {
      // No block (NULL data): an event stored without its raw text.
      if (!Buffer.isBuffer(data)) return null;
      text = inflateRawSync(data, { chunkSize: INFLATE_CHUNK_BYTES });
      if (cache.size >= CACHED_BLOCKS) cache.delete(cache.keys().next().value as number);
      cache.set(blockId, text);
    }
    const start = Number(at);
    const bytes = maxBytes === undefined ? Number(length) : Math.min(Number(length), Number(maxBytes));
    return text.toString('utf8', start, start + bytes);
  });
}

/**
 * The SQL expression of the raw text of the events row aliased `alias`; with
 * `maxBytes`, of its first bytes only (a cut character at the end reads as U+FFFD).
 * The block's data is read only when the connection has not inflated it already:
 * copying it out of SQLite for every event was most of what the record checks
 * allocated (1.3 GB for 147,000 step events at 1,000,000 events, about 8 KB each).
 */
export function rawTextSql(alias: string, maxBytes?: number): string {
  const limit = maxBytes === undefined ? '' : `, ${Math.floor(maxBytes)}`;
  const block = `${alias}.raw_block`;
  return `raw_text(${block}, CASE WHEN raw_cached(${block}) THEN NULL ELSE (SELECT data FROM raw_blocks WHERE id = ${block}) END, ${alias}.raw_at, ${alias}.raw_len${limit})`;
}
