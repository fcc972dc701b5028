import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join } from 'node:path';

/** Lines read and parsed, and how long it took. */
export interface BaselineResult {
  readonly lines: number;
  readonly bytes: number;
  readonly ms: number;
}

/**
 * The yardstick for the index: read every file in 1 MiB chunks, cut lines at
 * newlines and JSON.parse each one, nothing else. Plain files only (the bench corpus has no gzip).
 */
export function parseBaseline(folder: string): BaselineResult {
  return parseFiles(listFiles(folder));
}

/** The same yardstick over some files only (the two runs a comparison reads). */
export function parseFiles(files: readonly string[]): BaselineResult {
  const started = performance.now();
  let lines = 0;
  let bytes = 0;
  const buffer = Buffer.allocUnsafe(1 << 20);
  for (const file of files) {
    const fd = openSync(file, 'r');
    let carry = '';
    let position = 0;
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, position);
      if (read === 0) break;
      position += read;
      bytes += read;
      const text = carry + buffer.toString('utf8', 0, read);
      let start = 0;
      for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
        if (newline > start) {
          JSON.parse(text.slice(start, newline));
          lines++;
        }
        start = newline + 1;
      }
      carry = text.slice(start);
    }
    closeSync(fd);
  }
  return { lines, bytes, ms: performance.now() - started };
}

/** Every regular file under a folder, recursively. */
export function listFiles(folder: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const abs = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs));
    else if (entry.isFile()) out.push(abs);
  }
  return out.sort();
}
