import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lineSegments } from '../../../electron/inspect/line-segments';

const join = (segments: ReturnType<typeof lineSegments>): Buffer => Buffer.concat(segments.map((s) => ('text' in s ? Buffer.from(s.text, 'utf8') : Buffer.from(s.bytes, 'hex'))));

describe('lineSegments', () => {
  it('keeps printable UTF-8 (and TAB) as text', () => {
    assert.deepEqual(lineSegments(Buffer.from('{"a":"Grüße\t✓ 😀"}')), [{ text: '{"a":"Grüße\t✓ 😀"}' }]);
    assert.deepEqual(lineSegments(Buffer.alloc(0)), []);
  });

  it('shows invalid UTF-8, controls, DEL, C1 and invisible direction characters as their bytes', () => {
    const bytes = Buffer.concat([Buffer.from('a'), Buffer.from([0xc3, 0x28]), Buffer.from([0xff, 0x00, 0x1b, 0x7f]), Buffer.from('\u0085\u202e\u200b\ufeff'), Buffer.from('z\r')]);
    assert.deepEqual(lineSegments(bytes), [{ text: 'a' }, { bytes: 'c3' }, { text: '(' }, { bytes: 'ff001b7fc285e280aee2808befbbbf' }, { text: 'z' }, { bytes: '0d' }]);
  });

  it('refuses overlong forms, surrogates and code points past U+10FFFF, byte by byte', () => {
    for (const bad of [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x9f, 0x98]]) {
      const segments = lineSegments(Buffer.from(bad));
      assert.equal(segments.every((s) => 'bytes' in s), true, Buffer.from(bad).toString('hex'));
      assert.deepEqual(join(segments), Buffer.from(bad));
    }
  });

  it('is exact: the segments concatenated are the input, for any bytes', () => {
    let seed = 7;
    for (let round = 0; round < 200; round += 1) {
      const bytes = Buffer.alloc(64);
      for (let i = 0; i < bytes.length; i += 1) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        bytes[i] = seed & 0xff;
      }
      assert.deepEqual(join(lineSegments(bytes)), bytes);
    }
  });
});
