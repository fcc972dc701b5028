import { ListedFile } from './listed-file';

/** A small file's bytes as readSmallFile found them. */
export interface SmallFileBytes {
  readonly bytes: Buffer;
  /** True when the bytes run to the file's end; false when `maxBytes` stopped the read first. */
  readonly whole: boolean;
}

/**
 * The listed file's bytes from `offset` on, up to `maxBytes`, read without the
 * thread pool (see ListedFile): null when its path no longer holds that file.
 * Only for the parse worker's reading ahead of small files, on the ingest
 * worker's own thread: an asynchronous read ahead made six round trips per file,
 * more than reading a 100 KiB file. Errors other than a missing file are thrown.
 */
export function readSmallFile(absPath: string, identity: string, offset: number, maxBytes: number): SmallFileBytes | null {
  const file = ListedFile.open(absPath, identity);
  if (file === null) return null;
  try {
    // One byte more than the listed size tells a file that grew since (read on) from one that ends there.
    const listed = Math.max(0, Math.min(maxBytes, file.stat().size - offset)) + 1;
    let bytes = file.readAt(offset, listed);
    if (bytes.length === listed && listed <= maxBytes) bytes = Buffer.concat([bytes, file.readAt(offset + listed, maxBytes + 1 - listed)]);
    return bytes.length > maxBytes ? { bytes: bytes.subarray(0, maxBytes), whole: false } : { bytes, whole: true };
  } finally {
    // Nothing read asynchronously: the descriptor is closed before this returns.
    void file.close();
  }
}
