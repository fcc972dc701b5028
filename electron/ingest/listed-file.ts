import { closeSync, fstatSync, openSync, read, readSync, type Stats } from 'node:fs';
import { errorCode } from './error-code';

/**
 * An open file of the folder, read by position through its descriptor: the file
 * a directory listing saw (see `ListedFile.open`). Opened, checked and closed
 * with synchronous calls, and small reads too: the reader runs on the ingest
 * worker's own thread, where a thread pool round trip cost 0.2–0.4 ms while
 * both cores were busy, and `fs/promises`' FileHandle made four of them per file
 * (open, stat, head, close): 1.3 s for a thousand small files, measured.
 * Pieces of a big file are still read asynchronously (`read`), so the writer
 * can take the parse worker's answers meanwhile.
 */
export class ListedFile {
  private closed = false;
  /** Asynchronous reads not yet answered: a close waits for them, as FileHandle's does (the descriptor could be reused under them). */
  private readonly reading = new Set<Promise<number>>();

  private constructor(readonly fd: number) {}

  /**
   * Opens the file a directory listing saw: the one with that identity (device and
   * inode), or null when its path no longer holds it (deleted, renamed away or
   * replaced since the listing). Reading by path instead would, during a rotation,
   * read the next file's bytes into this file's source: lines filed under the wrong
   * file, and the rotated file read again in full under its new name.
   * Errors other than a missing file (no permission) are thrown: they are problems.
   */
  static open(absPath: string, identity: string): ListedFile | null {
    let fd: number;
    try {
      fd = openSync(absPath, 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
    try {
      const st = fstatSync(fd, { bigint: true });
      if (`${st.dev}:${st.ino}` === identity) return new ListedFile(fd);
    } catch {
      // Unreadable after opening: treated as no longer the listed file.
    }
    closeSync(fd);
    return null;
  }

  /** The file's size and times now, through its descriptor (wherever its path leads). */
  stat(): Stats {
    this.assertOpen();
    return fstatSync(this.fd);
  }

  /** Up to `length` bytes at `position` into `buffer` at `offset`, on the thread pool; 0 at the file's end. */
  async read(buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    this.assertOpen();
    const done = new Promise<number>((resolve, reject) => {
      read(this.fd, buffer, offset, length, position, (error, bytesRead) => (error ? reject(error) : resolve(bytesRead)));
    });
    this.reading.add(done);
    try {
      return await done;
    } finally {
      this.reading.delete(done);
    }
  }

  /** Up to `length` bytes at `position`, on this thread: for reads small enough that a round trip would cost more. */
  readAt(position: number, length: number): Buffer {
    this.assertOpen();
    const buffer = Buffer.allocUnsafe(length);
    let total = 0;
    while (total < length) {
      const bytesRead = readSync(this.fd, buffer, total, length - total, position + total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    return buffer.subarray(0, total);
  }

  /** Closes the descriptor once its asynchronous reads are answered; closing again does nothing. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.reading.size > 0) await Promise.allSettled([...this.reading]);
    try {
      closeSync(this.fd);
    } catch {
      // Nothing was written through it: a failed close loses nothing.
    }
  }

  private assertOpen(): void {
    if (this.closed) throw Object.assign(new Error('the file was closed'), { code: 'EBADF' });
  }
}

/** The error a read reports when the listed file left its path before it could be opened. */
export function goneBeforeRead(rel: string): Error {
  return Object.assign(new Error(`${rel} is no longer the file that was listed`), { code: 'ENOENT' });
}
