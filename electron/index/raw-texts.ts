import { inflateRawSync } from 'node:zlib';

/**
 * Raw texts of events read in id order: the last inflated block is kept (events
 * in id order mostly share it), and so is the last text, so that the spans of
 * one OTLP line, which share its bytes, get the very same string: decoding a
 * multi-megabyte line once per span, and comparing it, would cost the square.
 */
export class RawTexts {
  private block: { readonly id: number; readonly text: Buffer } | null = null;
  private last: { readonly block: number; readonly at: number; readonly length: number; readonly text: string } | null = null;

  constructor(private readonly readData: { get(id: number): unknown }) {}

  /** The raw text of a stored event, or null when its block is gone. */
  of(row: { readonly raw_block: number | null; readonly raw_at: number; readonly raw_len: number }): string | null {
    if (row.raw_block === null) return null;
    const last = this.last;
    if (last !== null && last.block === row.raw_block && last.at === row.raw_at && last.length === row.raw_len) return last.text;
    if (this.block?.id !== row.raw_block) {
      const data = this.readData.get(row.raw_block) as Uint8Array | undefined;
      if (data === undefined) return null;
      this.block = { id: row.raw_block, text: inflateRawSync(data) };
    }
    const text = this.block.text.toString('utf8', row.raw_at, row.raw_at + row.raw_len);
    this.last = { block: row.raw_block, at: row.raw_at, length: row.raw_len, text };
    return text;
  }
}
