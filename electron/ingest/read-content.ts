import { open, type FileHandle } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

const CHUNK_BYTES = 1 << 20;

/** How many content bytes identify a file's beginning. */
export const HEAD_BYTES = 4096;

/**
 * Yields a file's content from `fromOffset` on, opening it only while reading
 * (files are never held open between reads, so ten thousand of them cost no descriptors).
 * For gzip files, offsets count decompressed bytes.
 */
export async function* readContent(absPath: string, gzip: boolean, fromOffset: number, held: FileHandle | null = null): AsyncGenerator<Buffer> {
  if (gzip) {
    yield* readGzip(absPath, fromOffset, held);
    return;
  }
  // A held handle (a file being tailed) is read but not closed: it outlives this read.
  const handle = held ?? (await open(absPath, 'r'));
  try {
    let position = fromOffset;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) return;
      position += bytesRead;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    if (held === null) await handle.close();
  }
}

async function* readGzip(absPath: string, fromOffset: number, held: FileHandle | null): AsyncGenerator<Buffer> {
  // Through the listed file's handle when there is one (see openListedFile), which outlives this read.
  const handle = held ?? (await open(absPath, 'r'));
  const stream = createGunzip();
  // pipeline, not pipe: a read error of the compressed file must end the read, not leave it waiting.
  pipeline(Readable.from(compressedChunks(handle)), stream, () => undefined);
  let toSkip = fromOffset;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (toSkip >= chunk.length) {
        toSkip -= chunk.length;
        continue;
      }
      const part = toSkip > 0 ? chunk.subarray(toSkip) : chunk;
      toSkip = 0;
      yield part;
    }
  } finally {
    stream.destroy();
    // A close waits for a read still in flight on the handle.
    if (held === null) await handle.close();
  }
}

/**
 * A file's raw bytes from its start, each chunk a buffer of its own (gunzip may
 * still hold one when the next is read). Read by position, not by a ReadStream
 * on the handle: destroying that stream closes the handle, which a held handle
 * (read again for its head, or by the caller) must not be.
 */
async function* compressedChunks(handle: FileHandle): AsyncGenerator<Buffer> {
  let position = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** Reads up to `length` content bytes from the start (decompressed for gzip, through `held` when given); shorter at end of file. */
export async function readHead(absPath: string, gzip: boolean, length: number, held: FileHandle | null = null): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of readContent(absPath, gzip, 0, held)) {
      parts.push(Buffer.from(chunk.subarray(0, Math.min(chunk.length, length - total))));
      total += Math.min(chunk.length, length - total);
      if (total >= length) break;
    }
  } catch (error) {
    // A damaged gzip still has a readable head; whatever came out before the damage identifies it.
    if (!gzip || parts.length === 0) throw error;
  }
  return Buffer.concat(parts, total);
}

/** SHA-256 (hex) of some bytes. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
