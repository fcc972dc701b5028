import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LineSplitter, type SplitLine } from '../../../electron/ingest/split-lines';

function split(input: Buffer, chunkSize: number, maxLineBytes = 1 << 20, startOffset = 0, startLine = 0): { lines: SplitLine[]; splitter: LineSplitter } {
  const splitter = new LineSplitter(startOffset, startLine, maxLineBytes);
  const lines: SplitLine[] = [];
  for (let pos = 0; pos < input.length; pos += chunkSize) {
    splitter.push(input.subarray(pos, pos + chunkSize), (line) => lines.push(line));
  }
  return { lines, splitter };
}

describe('LineSplitter', () => {
  it('gives every line with its number, byte offset and length, whatever the chunk size', () => {
    const input = Buffer.from('{"a":1}\n{"b":"é"}\n\n{"c":3}\n');
    for (const chunkSize of [1, 2, 3, 5, 7, 64]) {
      const { lines, splitter } = split(input, chunkSize);
      assert.deepEqual(
        lines.map((l) => [l.lineNo, l.offset, l.length, l.text]),
        [
          [1, 0, 7, '{"a":1}'],
          [2, 8, 10, '{"b":"é"}'],
          [3, 19, 0, ''],
          [4, 20, 7, '{"c":3}'],
        ],
        `chunk size ${chunkSize}`,
      );
      assert.equal(splitter.committedOffset, input.length);
      assert.equal(splitter.tail(), null);
    }
  });

  it('strips CRLF terminators but keeps byte offsets exact', () => {
    const { lines } = split(Buffer.from('{"a":1}\r\n{"b":2}\r\n'), 4);
    assert.deepEqual(lines.map((l) => [l.offset, l.length, l.text, l.endOffset]), [
      [0, 7, '{"a":1}', 9],
      [9, 7, '{"b":2}', 18],
    ]);
  });

  it('drops a UTF-8 BOM at the start of the file only', () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}\n\ufeff{"b":2}\n')]);
    const { lines } = split(input, 2);
    assert.equal(lines[0]?.text, '{"a":1}');
    assert.equal(lines[0]?.offset, 3);
    assert.equal(lines[1]?.text, '\ufeff{"b":2}', 'a BOM inside the file is content, kept as is');
  });

  it('does not treat bytes after a resumed offset as the start of the file', () => {
    const { lines } = split(Buffer.from('{"x":1}\n'), 3, 1 << 20, 500, 41);
    assert.deepEqual(lines.map((l) => [l.lineNo, l.offset, l.endOffset]), [[42, 500, 508]]);
  });

  it('flags invalid UTF-8 but not a genuine U+FFFD', () => {
    const bad = Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n{"s":"\ufffd"}\n')]);
    const { lines } = split(bad, 3);
    assert.equal(lines[0]?.invalidUtf8, true);
    assert.ok(lines[0]?.text?.includes('\ufffd'));
    assert.equal(lines[1]?.invalidUtf8, false);
  });

  it('reports a line over the cap without keeping it, then goes on', () => {
    const long = 'x'.repeat(100);
    const { lines, splitter } = split(Buffer.from(`{"a":1}\n${long}\r\n{"b":2}\n`), 7, 50);
    assert.deepEqual(lines.map((l) => [l.lineNo, l.text === null ? null : l.text.length, l.length]), [
      [1, 7, 7],
      [2, null, 100],
      [3, 7, 7],
    ]);
    assert.equal(lines[2]?.offset, 8 + 102);
    assert.equal(splitter.committedOffset, 8 + 102 + 8);
  });

  it('keeps an unterminated final line as a tail, not as a line', () => {
    const { lines, splitter } = split(Buffer.from('{"a":1}\n{"b":'), 4);
    assert.equal(lines.length, 1);
    assert.equal(splitter.committedOffset, 8);
    assert.equal(splitter.committedLine, 1);
    assert.deepEqual(splitter.tail(), { lineNo: 2, offset: 8, length: 5, text: '{"b":', invalidUtf8: false });
  });

  it('reports an over-long tail without its text', () => {
    const { splitter } = split(Buffer.from(`{"a":1}\n${'y'.repeat(80)}`), 16, 50);
    const tail = splitter.tail();
    assert.equal(tail?.text, null);
    assert.equal(tail?.length, 80);
  });

  it('reads a line over the cap whole when it starts as the long-line rule says, even split inside its first bytes', () => {
    const rule = { maxBytes: 8 << 20, startsLongLine: (head: string) => /^\s*\{"resourceSpans":/.test(head) };
    const long = `{"resourceSpans":[${'"x",'.repeat(800_000)}"y"]}`;
    const other = `{"pad":"${'x'.repeat(3 << 20)}"}`;
    const input = Buffer.from(`{"a":1}\n${long}\n${other}\n{"b":2}\n`);
    // 1 MiB chunks, and a boundary 3 bytes into the long line.
    for (const chunkSize of [1 << 20, 8 + 3, 65_537]) {
      const splitter = new LineSplitter(0, 0, 1 << 20, rule);
      const lines: SplitLine[] = [];
      for (let pos = 0; pos < input.length; pos += chunkSize) splitter.push(input.subarray(pos, pos + chunkSize), (line) => lines.push(line));
      assert.deepEqual(lines.map((line) => [line.lineNo, line.text?.length ?? null]), [[1, 7], [2, long.length], [3, null], [4, 7]], `chunk size ${chunkSize}`);
      assert.equal(lines[1]?.text, long);
      assert.equal(splitter.committedOffset, input.length);
    }
    // Over the long-line cap too: reported as too long like any other.
    const capped = new LineSplitter(0, 0, 1 << 20, { ...rule, maxBytes: 2 << 20 });
    const lines: SplitLine[] = [];
    capped.push(Buffer.from(`${long}\n`), (line) => lines.push(line));
    assert.equal(lines[0]?.text, null);
  });
});
