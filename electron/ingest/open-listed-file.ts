import { open, type FileHandle } from 'node:fs/promises';
import { errorCode } from './error-code';

/**
 * Opens the file a directory listing saw: the one with that identity (device and
 * inode), or null when its path no longer holds it (deleted, renamed away or
 * replaced since the listing). Reading by path instead would, during a rotation,
 * read the next file's bytes into this file's source: lines filed under the wrong
 * file, and the rotated file read again in full under its new name.
 * Errors other than a missing file (no permission) are thrown: they are problems.
 */
export async function openListedFile(absPath: string, identity: string): Promise<FileHandle | null> {
  let handle: FileHandle;
  try {
    handle = await open(absPath, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const st = await handle.stat({ bigint: true });
    if (`${st.dev}:${st.ino}` === identity) return handle;
  } catch {
    // Unreadable after opening: treated as no longer the listed file.
  }
  await handle.close().catch(() => undefined);
  return null;
}

/** Up to `length` bytes from the start of an open file; shorter at its end. */
export async function readHeadOf(handle: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let total = 0;
  while (total < length) {
    const { bytesRead } = await handle.read(buffer, total, length - total, total);
    if (bytesRead === 0) break;
    total += bytesRead;
  }
  return buffer.subarray(0, total);
}

/** The error a read reports when the listed file left its path before it could be opened. */
export function goneBeforeRead(rel: string): Error {
  return Object.assign(new Error(`${rel} is no longer the file that was listed`), { code: 'ENOENT' });
}
