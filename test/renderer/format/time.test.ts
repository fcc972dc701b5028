import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Time from '../../../renderer/format/time';
import { loadRendererModule } from '../load-renderer-module';

const { formatDuration, formatRange, formatTimestamp } = loadRendererModule<typeof Time>('format/time');

describe('time formatting', () => {
  it('shows timestamps in UTC as the evidence writes them', () => {
    assert.equal(formatTimestamp(Date.UTC(2026, 2, 2, 10, 2, 11, 418)), '2026-03-02 10:02:11.418Z');
    assert.equal(formatTimestamp(null), '—');
    assert.equal(formatTimestamp(Number.NaN), '—');
  });

  it('shows durations compactly at every scale', () => {
    assert.equal(formatDuration(812), '812 ms');
    assert.equal(formatDuration(4_200), '4.20 s');
    assert.equal(formatDuration(49_000), '49.0 s');
    assert.equal(formatDuration(184_000), '3 min 04 s');
    assert.equal(formatDuration(7_500_000), '2 h 05 min');
    assert.equal(formatDuration(3 * 86_400_000 + 4 * 3_600_000), '3 d 4 h');
    assert.equal(formatDuration(null), '—');
  });

  it('shortens a range within one day', () => {
    assert.equal(formatRange(null, null), 'all time');
    assert.equal(formatRange(Date.UTC(2026, 2, 2, 9), Date.UTC(2026, 2, 2, 10)), '2026-03-02 09:00:00.000Z – 10:00:00.000Z');
  });
});
