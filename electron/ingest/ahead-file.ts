import type { ParseAhead } from './parse-ahead';
import type { ParsedFileEnd } from './parse-ahead-messages';
import type { ParsedChunk } from './parsed-chunk';

/**
 * Bytes per piece sent to the parse worker: small enough that the writer soon
 * has a file's first piece to store, large enough that a message is cheap.
 */
const AHEAD_PIECE_BYTES = 256 << 10;

/** Where a file's reading ahead began: the source as it stood. Reading on from it needs the source unchanged. */
export interface AheadStart {
  readonly sourceId: number;
  /** The source's path, which some families' labels come from. */
  readonly path: string;
  readonly offset: number;
  readonly line: number;
  readonly kind: string;
  readonly timeZone: string | null;
  readonly identity: string;
}

/**
 * One file's bytes on their way through the parse worker: cut into pieces of
 * AHEAD_PIECE_BYTES, copied (a plain read's buffer is read into again, and zlib
 * may still hold its chunks' memory), and the answers owed, in order.
 */
export class AheadFile {
  private readonly inFlight: Promise<ParsedChunk>[] = [];
  private gathered: Buffer[] = [];
  private gatheredBytes = 0;
  /** The worker's answer to the file's end, once `finish` was called. */
  private ended: Promise<ParsedFileEnd> | null = null;
  /** Bytes given to `push` so far, from the start's offset. */
  pushedBytes = 0;
  /**
   * The file's size on disk when it was read to its end before its turn: a
   * read that then finds another size reads the rest by itself (the worker has
   * moved on to other files).
   */
  sizeSeen: number | null = null;

  constructor(
    private readonly ahead: ParseAhead,
    readonly start: AheadStart,
  ) {}

  /** Pieces sent and not yet taken. */
  get waiting(): number {
    return this.inFlight.length;
  }

  /** The file's next bytes; a piece goes to the worker each time one is full. */
  push(chunk: Buffer): void {
    this.pushedBytes += chunk.length;
    for (let at = 0; at < chunk.length; ) {
      const piece = chunk.subarray(at, at + AHEAD_PIECE_BYTES - this.gatheredBytes);
      this.gathered.push(Buffer.from(piece));
      this.gatheredBytes += piece.length;
      at += piece.length;
      if (this.gatheredBytes >= AHEAD_PIECE_BYTES) this.send();
    }
  }

  /** Sends what is gathered (a full piece, or the file's last). */
  private send(): void {
    if (this.gatheredBytes === 0) return;
    const bytes = this.gathered.length === 1 ? (this.gathered[0] as Buffer) : Buffer.concat(this.gathered, this.gatheredBytes);
    const parsed = this.ahead.parse(bytes);
    // Taken in turn; one never taken (a read that failed, a file not read after all) must not count as unhandled.
    parsed.catch(() => undefined);
    this.inFlight.push(parsed);
    this.gathered = [];
    this.gatheredBytes = 0;
  }

  /** True once the file was ended: nothing more of it can be sent. */
  get complete(): boolean {
    return this.ended !== null;
  }

  /** Sends what is gathered and ends the file; the answer is where its last complete line ends, and what follows. */
  finish(): Promise<ParsedFileEnd> {
    if (this.ended === null) {
      this.send();
      const ended = this.ahead.finish();
      // Taken in turn, or dropped; never unhandled.
      ended.catch(() => undefined);
      this.ended = ended;
    }
    return this.ended;
  }

  /** The next piece's columns, in file order; undefined when none is owed. */
  next(): Promise<ParsedChunk> | undefined {
    return this.inFlight.shift();
  }

  /** Drops the pieces owed (and the end), once answered: they are not taken. */
  async drop(): Promise<void> {
    await Promise.allSettled([...this.inFlight.splice(0), this.ended]);
    this.gathered = [];
    this.gatheredBytes = 0;
  }
}
