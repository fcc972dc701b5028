import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { offsetAt, wallClockToUtc } from '../../../../electron/families/reading/wall-clock-to-utc';

const wall = (text: string): number => Date.parse(`${text}Z`);

describe('wallClockToUtc', () => {
  it('converts a fixed-offset zone: 13:25:33.783 in Asia/Kolkata (+05:30) is 07:55:33.783 UTC', () => {
    assert.equal(wallClockToUtc(wall('2026-12-03T13:25:33.783'), 'Asia/Kolkata'), Date.parse('2026-12-03T07:55:33.783Z'));
    assert.equal(offsetAt(Date.parse('2026-12-03T07:55:33.783Z'), 'Asia/Kolkata'), 330 * 60_000);
  });

  it('follows daylight saving time: New York is UTC-5 in winter and UTC-4 in summer; UTC is itself', () => {
    assert.equal(wallClockToUtc(wall('2026-01-15T12:00:00.000'), 'America/New_York'), Date.parse('2026-01-15T17:00:00.000Z'));
    assert.equal(wallClockToUtc(wall('2026-07-15T12:00:00.000'), 'America/New_York'), Date.parse('2026-07-15T16:00:00.000Z'));
    assert.equal(wallClockToUtc(wall('2026-07-15T12:00:00.000'), 'UTC'), Date.parse('2026-07-15T12:00:00.000Z'));
  });

  it('reads a time that occurs twice (clocks set back) as the earlier instant, with the offset before the change', () => {
    // 2026-11-01 01:30 occurs at 05:30Z (EDT) and again at 06:30Z (EST).
    assert.equal(wallClockToUtc(wall('2026-11-01T01:30:00.000'), 'America/New_York'), Date.parse('2026-11-01T05:30:00.000Z'));
    assert.equal(wallClockToUtc(wall('2026-11-01T00:59:59.000'), 'America/New_York'), Date.parse('2026-11-01T04:59:59.000Z'));
    assert.equal(wallClockToUtc(wall('2026-11-01T02:00:00.000'), 'America/New_York'), Date.parse('2026-11-01T07:00:00.000Z'));
  });

  it('reads a time that never occurs (clocks set forward) with the offset before the change: 02:30 in the gap is 03:30 EDT', () => {
    assert.equal(wallClockToUtc(wall('2026-03-08T02:30:00.000'), 'America/New_York'), Date.parse('2026-03-08T07:30:00.000Z'));
    assert.equal(wallClockToUtc(wall('2026-03-08T01:59:00.000'), 'America/New_York'), Date.parse('2026-03-08T06:59:00.000Z'));
    assert.equal(wallClockToUtc(wall('2026-03-08T03:00:00.000'), 'America/New_York'), Date.parse('2026-03-08T07:00:00.000Z'));
  });

  it('handles half-hour transitions (Lord Howe moves by 30 minutes) and keeps milliseconds', () => {
    // Lord Howe: +11 in summer, +10:30 in winter; 2026-04-05 02:00 local becomes 01:30.
    assert.equal(wallClockToUtc(wall('2026-01-10T10:00:00.123'), 'Australia/Lord_Howe'), Date.parse('2026-01-09T23:00:00.123Z'));
    assert.equal(wallClockToUtc(wall('2026-06-10T10:00:00.123'), 'Australia/Lord_Howe'), Date.parse('2026-06-09T23:30:00.123Z'));
  });
});
