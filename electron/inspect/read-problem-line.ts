import { open } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiResponse } from '../../shared/api/contract';
import { isInsideFolder } from '../index/index-location';
import type { IndexedLine, ProblemLineFacts, ProblemPlace } from '../index/queries/problem-line-facts';
import { isGzipKind } from '../index/source-row';
import { lineSegments } from './line-segments';

/** What getProblemLine answers. */
export type ProblemLine = ApiResponse<'getProblemLine'>;

/** Lines shown on each side of the problem's line. */
export const CONTEXT_LINES = 3;

/** Bounds of one read, so no problem line can make the inspector read or send a whole large file. */
export interface ProblemLineLimits {
  /** Bytes shown of the problem's own line; the rest is cut (`truncated`). */
  readonly targetBytes: number;
  /** Bytes shown of each neighbouring line. */
  readonly neighbourBytes: number;
  /** Bytes read from the starting offset before giving up on reaching the line. */
  readonly scanBytes: number;
}

const LIMITS: ProblemLineLimits = { targetBytes: 64 * 1024, neighbourBytes: 4 * 1024, scanBytes: 16 * 1024 * 1024 };

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads the line a problem is about and its neighbours from the evidence file
 * (opened read-only, never written), starting at the offset of the last event
 * the index holds before them, and checks every event on those lines against
 * the offsets the index stored: when the file no longer matches, nothing is
 * shown but why, so a changed file never passes for the line that was read.
 */
export async function readProblemLine(folder: string, facts: ProblemLineFacts, place: ProblemPlace, limits: ProblemLineLimits = LIMITS): Promise<ProblemLine> {
  const answer = (unavailable: string | null, lines: ProblemLine['lines'] = []): ProblemLine => ({ problem: place.problem, sourceId: place.sourceId, lines, unavailable });
  if (place.sourceId === null || place.line === null || place.path === null) return answer('This problem is about a whole file or execution, not one line.');
  if (place.state !== 'active') return answer('The file is no longer in the folder as it was indexed, so its bytes cannot be shown.');
  if (place.kind !== null && isGzipKind(place.kind)) return answer('The file is compressed; its lines are not read again here. Decompress a copy of it to see this line.');
  const absolute = join(folder, ...place.path.split('/'));
  if (!isInsideFolder(folder, absolute)) return answer('The indexed path is outside the folder.');
  if (place.kind === 'json') {
    try {
      return answer(null, await readDocument(absolute, place.sourceId, facts, limits));
    } catch (error) {
      return answer(error instanceof FileChanged ? error.message : `The file could not be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}.`);
    }
  }
  const first = Math.max(1, place.line - CONTEXT_LINES);
  const last = place.line + CONTEXT_LINES;
  const start = facts.eventAtOrBefore(place.sourceId, first) ?? facts.eventAtOrBefore(place.sourceId, place.line);
  const read = await readLines(absolute, start === null ? { line: 1, offset: 0 } : { line: start.line, offset: start.byteOffset }, first, last, place.line, limits);
  if (read.kind === 'error') return answer(read.message);
  const indexed = [...(start === null ? [] : [start]), ...facts.eventsOn(place.sourceId, first, last)];
  const mismatch = indexed.find((event) => !matchesFile(event, read.lines));
  if (mismatch !== undefined) return answer(new FileChanged(mismatch.line).message);
  if (!read.lines.some((line) => line.line === place.line)) return answer(`Line ${place.line} is not in the file as it is now.`);
  const eventOf = new Map(indexed.map((event) => [event.line, event.id]));
  return answer(
    null,
    read.lines
      .filter((line) => line.line >= first)
      .map((line) => ({ line: line.line, byteOffset: line.offset, byteLength: line.length, segments: lineSegments(line.shown), truncated: line.shown.length < line.length, eventId: eventOf.get(line.line) ?? null })),
  );
}

/**
 * A JSON document (kind `json`) is one line to the index, the whole file: it
 * is shown whole (up to the target's cap), its line breaks kept, and checked
 * against its event when it became one (FileChanged when it no longer matches).
 */
async function readDocument(absolute: string, sourceId: number, facts: ProblemLineFacts, limits: ProblemLineLimits): Promise<ProblemLine['lines']> {
  const handle = await open(absolute, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, limits.targetBytes + 3));
    await handle.read(head, 0, head.length, 0);
    const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const event = facts.eventAtOrBefore(sourceId, 1);
    if (event !== null && (event.byteOffset !== bom || event.byteOffset + event.byteLength !== size)) throw new FileChanged(1);
    const shown = head.subarray(bom, bom + Math.min(size - bom, limits.targetBytes));
    return [{ line: 1, byteOffset: bom, byteLength: size - bom, segments: lineSegments(shown, { newlines: true }), truncated: shown.length < size - bom, eventId: event?.id ?? null }];
  } finally {
    await handle.close();
  }
}

/** The file no longer holds an indexed line where the index read it. */
class FileChanged extends Error {
  constructor(readonly line: number) {
    super(`The file changed since it was indexed: line ${line} is no longer where the index read it, so its bytes are not shown.`);
  }
}

/** One line as read from the file: where it is, its length without the terminator, and the bytes kept of it. */
interface FileLine {
  readonly line: number;
  readonly offset: number;
  readonly length: number;
  readonly shown: Buffer;
}

type ReadResult = { readonly kind: 'lines'; readonly lines: readonly FileLine[] } | { readonly kind: 'error'; readonly message: string };

/** True when the index's event lies in the file where it was read: same line, same bytes span. A BOM before line 1 is not part of it. */
function matchesFile(event: IndexedLine, lines: readonly FileLine[]): boolean {
  const line = lines.find((candidate) => candidate.line === event.line);
  if (line === undefined) return false;
  const end = line.offset + line.length;
  return event.byteOffset + event.byteLength === end && (event.byteOffset === line.offset || (line.offset === 0 && event.byteOffset === 3));
}

/**
 * Reads lines from a known line start up to `last` (or the end of the file),
 * keeping at most the shown bytes of those from `first` on. A final line
 * without a newline (a truncated write) ends at the end of the file.
 */
async function readLines(path: string, from: { readonly line: number; readonly offset: number }, first: number, last: number, target: number, limits: ProblemLineLimits): Promise<ReadResult> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    return { kind: 'error', message: `The file could not be opened: ${(error as NodeJS.ErrnoException).code ?? 'error'}.` };
  }
  try {
    const lines: FileLine[] = [];
    const buffer = Buffer.alloc(CHUNK_BYTES);
    let position = from.offset;
    let lineNo = from.line;
    let lineStart = from.offset;
    let kept: Buffer[] = [];
    let keptBytes = 0;
    let lastByte = -1;
    const cap = (): number => (lineNo === target ? limits.targetBytes : limits.neighbourBytes);
    const keep = (bytes: Buffer): void => {
      if (bytes.length > 0) lastByte = bytes[bytes.length - 1] as number;
      // One byte over the cap is kept, so a \r there can still be told from content.
      if (lineNo < first || keptBytes > cap()) return;
      const part = bytes.subarray(0, cap() + 1 - keptBytes);
      kept.push(Buffer.from(part));
      keptBytes += part.length;
    };
    const endLine = (end: number, byNewline: boolean): void => {
      // As the index counts it: without the \n or \r\n terminator (a lone final \r is content).
      // Lines before `first` are kept without bytes: the event read from is checked too.
      const length = end - lineStart - (byNewline && lastByte === 0x0d ? 1 : 0);
      lines.push({ line: lineNo, offset: lineStart, length, shown: Buffer.concat(kept).subarray(0, Math.min(length, cap())) });
      lineNo += 1;
      lineStart = end + 1;
      kept = [];
      keptBytes = 0;
      lastByte = -1;
    };
    while (lineNo <= last) {
      if (position - from.offset > limits.scanBytes) return { kind: 'error', message: `Line ${target} lies more than ${limits.scanBytes} bytes past the last event the index holds before it; it is not read here.` };
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) {
        if (position > lineStart) endLine(position, false);
        break;
      }
      const chunk = buffer.subarray(0, bytesRead);
      let at = 0;
      while (at < chunk.length && lineNo <= last) {
        const newline = chunk.indexOf(0x0a, at);
        if (newline === -1) {
          keep(chunk.subarray(at));
          at = chunk.length;
        } else {
          keep(chunk.subarray(at, newline));
          endLine(position + newline, true);
          at = newline + 1;
        }
      }
      position += bytesRead;
    }
    return { kind: 'lines', lines };
  } finally {
    await handle.close();
  }
}
