import { errorCode } from './error-code';
import { lineToEvent } from './line-to-event';
import type { ListedFile } from './listed-file';
import { readContent } from './read-content';

/**
 * What a `.json.gz` (or a plain `.json` over the document cap) holds, told from
 * its (decompressed) content: JSON lines (read on as lines from the start), one
 * JSON document (its whole bytes), a document over the cap, or a compressed
 * stream damaged before it could be told.
 */
export type JsonContent =
  | { readonly read: 'lines' }
  | { readonly read: 'document'; readonly bytes: Buffer }
  | { readonly read: 'too-large' }
  | { readonly read: 'damaged'; readonly error: unknown };

/** Where the sniff stands: before the first non-blank byte, in the first line, after a complete first line, or decided. */
type SniffState = 'leading' | 'first-line' | 'after-first' | 'lines' | 'document';

const LF = 0x0a;

function isBlankByte(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0d || byte === LF;
}

/**
 * Tells JSON lines from one document as the decompressed bytes come, the way a
 * plain `.json` file is told (read-source's readJson): a first non-blank line
 * that is an event of its own (a complete JSON object) with more content after
 * it makes JSON lines; any other first line (`{` of a pretty-printed document)
 * makes a document, as does content that is one line only (it parses whole).
 */
export class JsonLinesSniff {
  private state: SniffState = 'leading';
  private position = 0;
  private readonly firstLine: Buffer[] = [];

  /** The decision so far: `lines`, `document`, or null while undecided. */
  get decided(): 'lines' | 'document' | null {
    return this.state === 'lines' || this.state === 'document' ? this.state : null;
  }

  /** True once the first line was an event of its own: damage after it is read as damaged JSON lines. */
  get firstLineComplete(): boolean {
    return this.state === 'after-first' || this.state === 'lines';
  }

  /** Takes the next decompressed bytes; returns the decision once there is one. */
  push(chunk: Buffer): 'lines' | 'document' | null {
    const start = this.position;
    this.position += chunk.length;
    let index = 0;
    while (index < chunk.length && this.decided === null) {
      if (this.state === 'leading') {
        // A byte order mark before the first line is not content.
        while (index < chunk.length && (isBlankByte(chunk[index] ?? 0) || isBomByte(start + index, chunk[index] ?? 0))) index++;
        if (index < chunk.length) this.state = 'first-line';
      } else if (this.state === 'first-line') {
        const end = chunk.indexOf(LF, index);
        this.firstLine.push(chunk.subarray(index, end < 0 ? chunk.length : end));
        if (end < 0) return null;
        // The test a plain `.json` file's first line gets: an event of its own.
        this.state = lineToEvent(Buffer.concat(this.firstLine).toString('utf8').replace(/\r$/, '')).type === 'event' ? 'after-first' : 'document';
        this.firstLine.length = 0;
        index = end + 1;
      } else {
        while (index < chunk.length && isBlankByte(chunk[index] ?? 0)) index++;
        if (index < chunk.length) this.state = 'lines';
      }
    }
    return this.decided;
  }

  /** The decision at the end of the content: whatever is still undecided is one line at most, a document. */
  end(): 'lines' | 'document' {
    return this.state === 'lines' ? 'lines' : 'document';
  }
}

function isBomByte(position: number, byte: number): boolean {
  return (position === 0 && byte === 0xef) || (position === 1 && byte === 0xbb) || (position === 2 && byte === 0xbf);
}

/**
 * Tells what a `.json` holds through the listed file's handle: a `.json.gz`
 * decompressed, and a plain `.json` over the document cap (one under it is read
 * whole and told by readJson). JSON lines are told from the first lines and left
 * for the line reader (a file of JSON lines can be far larger than any
 * document); a document is buffered whole, up to `maxBytes` of (decompressed)
 * content (a gzip bomb stops there). A first line longer than `maxBytes` is left
 * to the line reader too, which reports it over the line cap. Only damage of the
 * compressed stream is returned as `damaged`; other read errors are thrown.
 */
export async function readJsonContent(file: ListedFile, gzip: boolean, maxBytes: number): Promise<JsonContent> {
  const sniff = new JsonLinesSniff();
  const parts: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of readContent(file, gzip, 0)) {
      if (sniff.push(chunk) === 'lines') return { read: 'lines' };
      parts.push(chunk);
      total += chunk.length;
      if (total > maxBytes) return sniff.decided === 'document' ? { read: 'too-large' } : { read: 'lines' };
    }
  } catch (error) {
    if (!errorCode(error)?.startsWith('Z_')) throw error;
    // A complete first line before the damage: JSON lines, whose reader indexes what came before the damage.
    return sniff.firstLineComplete ? { read: 'lines' } : { read: 'damaged', error };
  }
  return sniff.end() === 'lines' ? { read: 'lines' } : { read: 'document', bytes: Buffer.concat(parts, total) };
}
