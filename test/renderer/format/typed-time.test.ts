import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as TypedTime from '../../../renderer/format/typed-time';
import { loadRendererModule } from '../load-renderer-module';

const { parseTypedTime, typedTimeOf } = loadRendererModule<typeof TypedTime>('format/typed-time');

describe('parseTypedTime', () => {
  it('reads the time format shown on screen back to the same millisecond', () => {
    const ms = Date.UTC(2026, 2, 2, 10, 2, 11, 418);
    assert.equal(typedTimeOf(ms), '2026-03-02 10:02:11.418Z');
    assert.deepEqual(parseTypedTime(typedTimeOf(ms), 'from'), { ok: true, ms });
    assert.deepEqual(parseTypedTime(typedTimeOf(ms), 'to'), { ok: true, ms });
  });

  it('reads shorter forms as UTC, with T or a space, Z or UTC or no zone', () => {
    assert.deepEqual(parseTypedTime('2026-03-02T10:15', 'from'), { ok: true, ms: Date.UTC(2026, 2, 2, 10, 15) });
    assert.deepEqual(parseTypedTime(' 2026-03-02 10:15:30 ', 'to'), { ok: true, ms: Date.UTC(2026, 2, 2, 10, 15, 30) });
    assert.deepEqual(parseTypedTime('2026-03-02 10:15:30.5 UTC', 'from'), { ok: true, ms: Date.UTC(2026, 2, 2, 10, 15, 30, 500) });
    assert.deepEqual(parseTypedTime('2026-03-02T10:15:30Z', 'from'), { ok: true, ms: Date.UTC(2026, 2, 2, 10, 15, 30) });
  });

  it('takes a bare date as the whole day: its start as From, its last millisecond as To', () => {
    assert.deepEqual(parseTypedTime('2026-03-02', 'from'), { ok: true, ms: Date.UTC(2026, 2, 2) });
    assert.deepEqual(parseTypedTime('2026-03-02', 'to'), { ok: true, ms: Date.UTC(2026, 2, 3) - 1 });
  });

  it('leaves an empty side open', () => {
    assert.deepEqual(parseTypedTime('', 'from'), { ok: true, ms: null });
    assert.deepEqual(parseTypedTime('   ', 'to'), { ok: true, ms: null });
    assert.equal(typedTimeOf(null), '');
  });

  it('refuses what is no time, and days or hours that do not exist, instead of rolling them over', () => {
    for (const text of ['yesterday', '10:15', '2026-3-2', '2026-03-02 10:15+02:00', '2026-02-30', '2026-03-02 24:00', '2026-03-02 10:60', '2026-03-02 10:15:61']) {
      const read = parseTypedTime(text, 'from');
      assert.equal(read.ok, false, text);
      if (!read.ok) assert.ok(read.reason.length > 0);
    }
  });
});
