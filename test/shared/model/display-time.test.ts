import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { displayTime, displayWrittenTime } from '../../../shared/model/display-time';

describe('one time format for the app and its exports', () => {
  it('shows an instant in UTC to the millisecond, with its zone', () => {
    assert.equal(displayTime(Date.UTC(2026, 2, 2, 10, 2, 11, 418)), '2026-03-02 10:02:11.418Z');
    assert.equal(displayTime(null), '—');
    assert.equal(displayTime(Number.NaN), '—');
  });

  it('converts a written time that names its zone to that format', () => {
    assert.equal(displayWrittenTime('2026-08-29T10:25:04Z'), '2026-08-29 10:25:04.000Z');
    assert.equal(displayWrittenTime('2025-12-26T01:00:00.000000+00:00'), '2025-12-26 01:00:00.000Z');
    assert.equal(displayWrittenTime('2026-03-02T15:32:11.418+05:30'), '2026-03-02 10:02:11.418Z');
  });

  it('shows a written time without a zone as written and says so, instead of inventing the viewer’s zone', () => {
    assert.equal(displayWrittenTime('2026-03-02T10:02:11'), '2026-03-02T10:02:11 (as written, no zone)');
    assert.equal(displayWrittenTime('yesterday'), 'yesterday (as written, no zone)');
  });

  it('shows an em dash for no time', () => {
    assert.equal(displayWrittenTime(null), '—');
    assert.equal(displayWrittenTime(''), '—');
  });
});
