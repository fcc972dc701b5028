import { isUtf8 } from 'node:buffer';

/** One line cut out of a byte stream, with where it stands in the file. */
export interface SplitLine {
  /** 1-based line number in the file. */
  readonly lineNo: number;
  /** Byte offset of the line's first content byte (after a BOM on line 1). */
  readonly offset: number;
  /** Content bytes, without the `\n` or `\r\n` terminator. */
  readonly length: number;
  /** The decoded text, or null when the line was over the cap and not kept. */
  readonly text: string | null;
  readonly invalidUtf8: boolean;
  /** Byte offset just past this line's terminator: where a reader resumes. */
  readonly endOffset: number;
}

/** The bytes after the last newline, which may still be being written. */
export interface PendingTail {
  readonly lineNo: number;
  readonly offset: number;
  readonly length: number;
  /** Null when the tail is longer than the cap. */
  readonly text: string | null;
  readonly invalidUtf8: boolean;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = '\ufeff';

/**
 * A larger cap for lines that start a certain way: what a family reads whole
 * from one line (an OTLP/JSON batch), judged on the line's first bytes.
 */
export interface LongLineRule {
  readonly maxBytes: number;
  readonly startsLongLine: (head: string) => boolean;
}

/** How many first bytes of a line a LongLineRule sees. */
const LONG_LINE_HEAD_BYTES = 64;

/**
 * Splits a byte stream into lines without ever holding more than one capped line:
 * a line over its cap (`maxLineBytes`, or the long-line rule's for a line that
 * starts as that rule says) is skipped to its newline and reported with `text: null`.
 */
export class LineSplitter {
  /** The cap of the line being read, once it has outgrown `maxLineBytes`. */
  private lineCap: number | null = null;

  private carry: Buffer[] = [];
  private carryLength = 0;
  /** True while skipping the rest of an over-long line. */
  private skipping = false;
  private lineStart: number;
  private nextLineNo: number;

  constructor(
    startOffset: number,
    startLine: number,
    private readonly maxLineBytes: number,
    private readonly longLines: LongLineRule | null = null,
  ) {
    this.lineStart = startOffset;
    this.nextLineNo = startLine + 1;
  }

  /** Feeds the next chunk; calls `onLine` for every completed line in order. */
  push(chunk: Buffer, onLine: (line: SplitLine) => void): void {
    let pos = 0;
    while (pos < chunk.length) {
      const newline = chunk.indexOf(NEWLINE, pos);
      if (newline === -1) {
        this.keep(chunk, pos, chunk.length);
        return;
      }
      onLine(this.complete(chunk, pos, newline));
      pos = newline + 1;
    }
  }

  /** Where the next unread line starts: everything before it is complete. */
  get committedOffset(): number {
    return this.lineStart;
  }

  /** Lines completed so far (the line number of the last complete line). */
  get committedLine(): number {
    return this.nextLineNo - 1;
  }

  /** The unterminated tail, if any bytes follow the last newline. */
  tail(): PendingTail | null {
    if (this.carryLength === 0) return null;
    const length = this.carryLength;
    if (this.skipping) {
      return { lineNo: this.nextLineNo, offset: this.lineStart, length, text: null, invalidUtf8: false };
    }
    const bytes = this.carry.length === 1 ? (this.carry[0] as Buffer) : Buffer.concat(this.carry, length);
    const decoded = decode(bytes, 0, bytes.length, this.lineStart === 0);
    return { lineNo: this.nextLineNo, offset: this.lineStart + decoded.skipped, length: length - decoded.skipped, text: decoded.text, invalidUtf8: decoded.invalidUtf8 };
  }

  private keep(chunk: Buffer, from: number, to: number): void {
    const size = to - from;
    if (this.skipping) {
      this.carryLength += size;
      return;
    }
    if (this.carryLength + size > this.maxLineBytes && this.carryLength + size > this.capOf(chunk, from)) {
      this.skipping = true;
      this.carry = [];
      this.carryLength += size;
      return;
    }
    // Copy: the caller may reuse its read buffer for the next chunk.
    this.carry.push(Buffer.from(chunk.subarray(from, to)));
    this.carryLength += size;
  }

  private complete(chunk: Buffer, from: number, newline: number): SplitLine {
    const lineNo = this.nextLineNo++;
    const offset = this.lineStart;
    const totalBytes = this.carryLength + (newline - from);
    const endOffset = offset + totalBytes + 1;
    let result: SplitLine;
    if (this.skipping || (totalBytes > this.maxLineBytes && totalBytes > this.capOf(chunk, from))) {
      result = { lineNo, offset, length: trimmedLength(chunk, newline, totalBytes), text: null, invalidUtf8: false, endOffset };
    } else {
      let bytes: Buffer;
      let start: number;
      let end: number;
      if (this.carryLength === 0) {
        bytes = chunk;
        start = from;
        end = newline;
      } else {
        this.carry.push(chunk.subarray(from, newline));
        bytes = Buffer.concat(this.carry, totalBytes);
        start = 0;
        end = totalBytes;
      }
      if (end > start && bytes[end - 1] === CARRIAGE_RETURN) end--;
      const decoded = decode(bytes, start, end, offset === 0);
      result = { lineNo, offset: offset + decoded.skipped, length: end - start - decoded.skipped, text: decoded.text, invalidUtf8: decoded.invalidUtf8, endOffset };
    }
    this.carry = [];
    this.carryLength = 0;
    this.skipping = false;
    this.lineCap = null;
    this.lineStart = endOffset;
    return result;
  }

  /**
   * The cap of the current line: the long-line rule's when its first bytes
   * (carried, then from `chunk`) start as the rule says. Asked only once the line
   * is over `maxLineBytes`, so those first bytes are all there.
   */
  private capOf(chunk: Buffer, from: number): number {
    if (this.longLines === null) return this.maxLineBytes;
    if (this.lineCap === null) {
      const parts: Buffer[] = [];
      let length = 0;
      for (const part of [...this.carry, chunk.subarray(from, from + LONG_LINE_HEAD_BYTES)]) {
        if (length >= LONG_LINE_HEAD_BYTES) break;
        parts.push(part.subarray(0, LONG_LINE_HEAD_BYTES - length));
        length += Math.min(part.length, LONG_LINE_HEAD_BYTES - length);
      }
      const head = Buffer.concat(parts, length);
      this.lineCap = this.longLines.startsLongLine(head.toString('utf8').replace(/^\ufeff/, '')) ? Math.max(this.maxLineBytes, this.longLines.maxBytes) : this.maxLineBytes;
    }
    return this.lineCap;
  }
}

function trimmedLength(chunk: Buffer, newline: number, totalBytes: number): number {
  return newline > 0 && chunk[newline - 1] === CARRIAGE_RETURN ? totalBytes - 1 : totalBytes;
}

function decode(bytes: Buffer, start: number, end: number, atFileStart: boolean): { text: string; invalidUtf8: boolean; skipped: number } {
  let text = bytes.toString('utf8', start, end);
  // U+FFFD is rare in telemetry, so only then pay for the exact validity check.
  const invalidUtf8 = text.includes('\ufffd') && !isUtf8(bytes.subarray(start, end));
  let skipped = 0;
  if (atFileStart && text.startsWith(BOM)) {
    text = text.slice(1);
    skipped = 3;
  }
  return { text, invalidUtf8, skipped };
}
