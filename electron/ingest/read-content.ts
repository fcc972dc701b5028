import { createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { ListedFile } from './listed-file';

const CHUNK_BYTES = 1 << 20;

/** How many content bytes identify a file's beginning. */
export const HEAD_BYTES = 4096;

/**
 * Yields a listed file's content from `fromOffset` on, through its open file,
 * which the caller closes (it may outlive this read: a file being tailed).
 * For gzip files, offsets count decompressed bytes.
 */
export async function* readContent(file: ListedFile, gzip: boolean, fromOffset: number): AsyncGenerator<Buffer> {
  if (gzip) {
    yield* readGzip(file, fromOffset);
    return;
  }
  let position = fromOffset;
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  for (;;) {
    const bytesRead = await file.read(buffer, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

async function* readGzip(file: ListedFile, fromOffset: number): AsyncGenerator<Buffer> {
  const stream = createGunzip();
  // pipeline, not pipe: a read error of the compressed file must end the read, not leave it waiting.
  pipeline(Readable.from(rawChunks(file)), stream, () => undefined);
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
    // A read may still be in flight: the file's close waits for it.
    stream.destroy();
  }
}

/**
 * A file's raw bytes from its start, each chunk a buffer of its own (gunzip may
 * still hold one when the next is read, and a whole document keeps them all). Read by position, not by a ReadStream
 * on the descriptor: destroying that stream closes it, and the file is read
 * again for its head, or by the caller.
 */
async function* rawChunks(file: ListedFile): AsyncGenerator<Buffer> {
  let position = 0;
  for (;;) {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    const bytesRead = await file.read(buffer, 0, CHUNK_BYTES, position);
    if (bytesRead === 0) return;
    position += bytesRead;
    yield buffer.subarray(0, bytesRead);
  }
}

/** Reads up to `length` content bytes from the start (decompressed for gzip); shorter at end of file. */
export async function readHead(file: ListedFile, gzip: boolean, length: number): Promise<Buffer> {
  // A plain file's head is read on this thread: one small read, cheaper than a round trip.
  if (!gzip) return file.readAt(0, length);
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of readContent(file, gzip, 0)) {
      parts.push(Buffer.from(chunk.subarray(0, Math.min(chunk.length, length - total))));
      total += Math.min(chunk.length, length - total);
      if (total >= length) break;
    }
  } catch (error) {
    // A damaged gzip still has a readable head; whatever came out before the damage identifies it.
    if (parts.length === 0) throw error;
  }
  return Buffer.concat(parts, total);
}

/** A plain file's bytes, all of them (a JSON document under the cap). */
export async function readWholeContent(file: ListedFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  // Each chunk a buffer of its own, so none is copied before the one concatenation.
  for await (const chunk of rawChunks(file)) parts.push(chunk);
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}

/** SHA-256 (hex) of some bytes. */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
