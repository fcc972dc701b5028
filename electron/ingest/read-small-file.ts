import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { errorCode } from './error-code';

/** A small file's bytes as readSmallFile found them. */
export interface SmallFileBytes {
  readonly bytes: Buffer;
  /** True when the bytes run to the file's end; false when `maxBytes` stopped the read first. */
  readonly whole: boolean;
}

/**
 * The listed file's bytes from `offset` on, up to `maxBytes`, read without the
 * thread pool: null when its path no longer holds that file (identity as
 * openListedFile checks it). Only for the parse worker's reading ahead of small
 * files, on the ingest worker's own thread: there a thread pool round trip cost
 * 0.2–0.4 ms while both cores were busy, more than reading a 100 KiB file, and
 * an asynchronous read ahead made six of them per file. Errors other than a
 * missing file are thrown.
 */
export function readSmallFile(absPath: string, identity: string, offset: number, maxBytes: number): SmallFileBytes | null {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    if (`${st.dev}:${st.ino}` !== identity) return null;
    // One byte more than the listed size tells a file that grew since (read on) from one that ends there.
    let buffer = Buffer.allocUnsafe(Math.max(0, Math.min(maxBytes, Number(st.size) - offset)) + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total >= maxBytes) return { bytes: buffer.subarray(0, maxBytes), whole: false };
        const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        buffer = grown;
      }
      const bytesRead = readSync(fd, buffer, total, buffer.length - total, offset + total);
      if (bytesRead === 0) return { bytes: buffer.subarray(0, total), whole: true };
      total += bytesRead;
    }
  } finally {
    closeSync(fd);
  }
}
