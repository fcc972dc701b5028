import type { z } from 'zod';
import type { lineSegmentSchema } from '../../shared/api/views';

/** A piece of a line: printable text, or bytes shown as hex. */
export type LineSegment = z.infer<typeof lineSegmentSchema>;

/**
 * Code points shown as their bytes although they are valid UTF-8: C1 controls,
 * and the invisible ones that reorder or hide text (bidirectional overrides
 * and isolates, zero-width characters, line separators, the BOM), so a line
 * cannot look other than its bytes are.
 */
function isShownAsBytes(codePoint: number): boolean {
  return (
    (codePoint >= 0x80 && codePoint <= 0x9f) ||
    codePoint === 0x061c ||
    codePoint === 0x180e ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x2028 && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfff9 && codePoint <= 0xfffb)
  );
}

/**
 * A line's bytes as segments for display: valid, printable UTF-8 as text; each
 * byte that is not valid UTF-8, every control character but TAB, and the
 * invisible characters above as hex (with `newlines`, \n stays text). Exact:
 * the segments' bytes, concatenated, are the input.
 */
export function lineSegments(bytes: Uint8Array, options: { readonly newlines?: boolean } = {}): LineSegment[] {
  const segments: LineSegment[] = [];
  let text = '';
  let hex = '';
  const flushText = (): void => {
    if (text !== '') segments.push({ text });
    text = '';
  };
  const flushHex = (): void => {
    if (hex !== '') segments.push({ bytes: hex });
    hex = '';
  };
  let at = 0;
  while (at < bytes.length) {
    const length = sequenceLength(bytes, at);
    const codePoint = length === 0 ? -1 : decodeAt(bytes, at, length);
    // A whole JSON document is one "line" of the index: its own line breaks stay text there.
    const printable = codePoint === 0x09 || (options.newlines === true && codePoint === 0x0a) || (codePoint >= 0x20 && codePoint !== 0x7f && !isShownAsBytes(codePoint));
    const size = Math.max(1, length);
    if (printable) {
      flushHex();
      text += String.fromCodePoint(codePoint);
    } else {
      flushText();
      for (let i = at; i < at + size; i += 1) hex += (bytes[i] as number).toString(16).padStart(2, '0');
    }
    at += size;
  }
  flushText();
  flushHex();
  return segments;
}

/** The length of the well-formed UTF-8 sequence at `at` (Unicode's table 3-7), or 0 when the byte there starts none. */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] as number;
  if (lead < 0x80) return 1;
  const cont = (offset: number, low = 0x80, high = 0xbf): boolean => {
    const byte = bytes[at + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (lead >= 0xc2 && lead <= 0xdf) return cont(1) ? 2 : 0;
  if (lead >= 0xe0 && lead <= 0xef) {
    const second = lead === 0xe0 ? cont(1, 0xa0) : lead === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (lead >= 0xf0 && lead <= 0xf4) {
    const second = lead === 0xf0 ? cont(1, 0x90) : lead === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function decodeAt(bytes: Uint8Array, at: number, length: number): number {
  const lead = bytes[at] as number;
  if (length === 1) return lead;
  let codePoint = lead & (length === 2 ? 0x1f : length === 3 ? 0x0f : 0x07);
  for (let i = 1; i < length; i += 1) codePoint = (codePoint << 6) | ((bytes[at + i] as number) & 0x3f);
  return codePoint;
}
