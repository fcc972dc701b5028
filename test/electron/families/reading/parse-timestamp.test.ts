import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTimestamp } from '../../../../electron/families/reading/parse-timestamp';
import { withNaiveTimeZone } from '../../../../electron/families/reading/naive-time-zone';

describe('parseTimestamp', () => {
  it('reads a UTC timestamp with milliseconds and Z without a problem', () => {
    assert.deepEqual(parseTimestamp('2026-03-02T10:15:04.120Z'), { ms: Date.UTC(2026, 2, 2, 10, 15, 4, 120), problem: null });
  });

  it('reads Python isoformat microseconds with +00:00 as UTC, keeping milliseconds', () => {
    assert.deepEqual(parseTimestamp('2025-12-26T01:00:04.600000+00:00'), { ms: Date.UTC(2025, 11, 26, 1, 0, 4, 600), problem: null });
    assert.equal(parseTimestamp('2025-12-26T01:00:04.123999+00:00').ms, Date.UTC(2025, 11, 26, 1, 0, 4, 123));
  });

  it('reads whole seconds with Z', () => {
    assert.deepEqual(parseTimestamp('2026-01-09T08:00:00Z'), { ms: Date.UTC(2026, 0, 9, 8), problem: null });
  });

  it('accepts a space instead of T, and -00:00, +0000 and +00 as UTC', () => {
    const expected = Date.UTC(2026, 0, 9, 8);
    for (const value of ['2026-01-09 08:00:00Z', '2026-01-09T08:00:00-00:00', '2026-01-09T08:00:00+0000', '2026-01-09T08:00:00+00']) {
      assert.deepEqual(parseTimestamp(value), { ms: expected, problem: null }, value);
    }
  });

  it('accepts lowercase t and z, a comma fraction, nanoseconds and a time without seconds', () => {
    assert.equal(parseTimestamp('2026-01-09t08:00:00.123456789z').ms, Date.UTC(2026, 0, 9, 8, 0, 0, 123));
    assert.equal(parseTimestamp('2026-01-09T08:00:00,5Z').ms, Date.UTC(2026, 0, 9, 8, 0, 0, 500));
    assert.deepEqual(parseTimestamp('2026-01-09T08:00Z'), { ms: Date.UTC(2026, 0, 9, 8), problem: null });
  });

  it('reads a timestamp without zone as UTC and reports time.no_zone naming the value', () => {
    const { ms, problem } = parseTimestamp('2026-01-09T08:00:00');
    assert.equal(ms, Date.UTC(2026, 0, 9, 8));
    assert.equal(problem?.code, 'time.no_zone');
    assert.equal(problem?.message, "timestamp \"2026-01-09T08:00:00\" has no time zone; this file's times without zone are read as UTC (first one shown)");
  });

  it('converts a non-zero offset to UTC and reports time.not_utc with the offset', () => {
    const { ms, problem } = parseTimestamp('2026-01-09T08:00:00+02:00');
    assert.equal(ms, Date.UTC(2026, 0, 9, 6));
    assert.deepEqual(problem, { code: 'time.not_utc', message: 'timestamp "2026-01-09T08:00:00+02:00" has offset +02:00; converted to UTC' });
    assert.equal(parseTimestamp('2026-01-09T08:00:00.5-0530').ms, Date.UTC(2026, 0, 9, 13, 30, 0, 500));
  });

  it('names the field it was given in messages', () => {
    assert.equal(parseTimestamp('2026-01-09T08:00:00', 'timestamp_start').problem?.message, `timestamp_start "2026-01-09T08:00:00" has no time zone; this file's times without zone are read as UTC (first one shown)`);
    assert.equal(parseTimestamp(undefined, 'ts').problem?.message, 'ts is missing');
  });

  it('reports time.missing for undefined and null', () => {
    for (const value of [undefined, null]) {
      const { ms, problem } = parseTimestamp(value);
      assert.equal(ms, null);
      assert.equal(problem?.code, 'time.missing');
    }
  });

  it('rejects strings Date.parse would accept or that are not ISO-8601 date-times, with time.invalid', () => {
    const garbage = [
      '',
      '1',
      'yesterday',
      '2026-01-09',
      'Fri, 09 Jan 2026 08:00:00 GMT',
      '2026-1-9T08:00:00Z',
      ' 2026-01-09T08:00:00Z',
      '2026-01-09T08:00:00Z trailing',
      '2026-01-09T08:00:00.Z',
      '+002026-01-09T08:00:00Z',
      '2026-01-09T08:00:00+02:00x',
      '2026-01-09T08:00:00+02:',
      '2026-01-09T08:00:00+2',
      '２０２６-01-09T08:00:00Z',
    ];
    for (const value of garbage) {
      const { ms, problem } = parseTimestamp(value);
      assert.equal(ms, null, value);
      assert.equal(problem?.code, 'time.invalid', value);
    }
  });

  it('rejects out-of-range fields: month 13, February 30, hour 24, second 60, offset +25:00', () => {
    for (const value of ['2026-13-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-01-09T24:00:00Z', '2026-01-09T08:00:60Z', '2026-01-09T08:00:00+25:00', '2026-00-10T00:00:00Z']) {
      const { ms, problem } = parseTimestamp(value);
      assert.equal(ms, null, value);
      assert.equal(problem?.code, 'time.invalid', value);
    }
  });

  it('knows leap years: 2024-02-29 exists, 2100-02-29 does not', () => {
    assert.equal(parseTimestamp('2024-02-29T00:00:00Z').ms, Date.UTC(2024, 1, 29));
    assert.equal(parseTimestamp('2000-02-29T00:00:00Z').ms, Date.UTC(2000, 1, 29));
    assert.equal(parseTimestamp('2100-02-29T00:00:00Z').problem?.code, 'time.invalid');
  });

  it('keeps years below 100 literal instead of mapping them to 19xx', () => {
    assert.equal(new Date(parseTimestamp('0050-06-01T00:00:00Z').ms ?? Number.NaN).getUTCFullYear(), 50);
  });

  it('reports non-string values as time.invalid, naming the type', () => {
    assert.deepEqual(parseTimestamp(1767945600000), { ms: null, problem: { code: 'time.invalid', message: 'timestamp is a number, not an ISO-8601 date-time string' } });
    assert.equal(parseTimestamp(['2026-01-09T08:00:00Z']).problem?.message, 'timestamp is an array, not an ISO-8601 date-time string');
    assert.equal(parseTimestamp({}).problem?.code, 'time.invalid');
    assert.equal(parseTimestamp(true).problem?.code, 'time.invalid');
  });

  it('cuts a huge value in the message', () => {
    const { problem } = parseTimestamp('x'.repeat(1_000_000));
    assert.equal(problem?.code, 'time.invalid');
    assert.ok((problem?.message.length ?? 0) < 200);
  });
});

describe('parseTimestamp in a producer time zone', () => {
  it('reads a value without zone in the zone set around it, and says so in the problem', () => {
    const parsed = withNaiveTimeZone('Asia/Kolkata', () => parseTimestamp('2026-12-03T13:25:33.783146', 'timestamp_start'));
    assert.equal(parsed.ms, Date.UTC(2026, 11, 3, 7, 55, 33, 783));
    assert.equal(parsed.problem?.code, 'time.no_zone');
    assert.match(parsed.problem?.message ?? '', /read as Asia\/Kolkata \(set by the reviewer\)/);
  });

  it('never moves a zoned value: Z and offsets mean what they say whatever the producer zone', () => {
    assert.deepEqual(
      withNaiveTimeZone('Asia/Kolkata', () => parseTimestamp('2026-12-03T13:25:33.783Z')),
      { ms: Date.UTC(2026, 11, 3, 13, 25, 33, 783), problem: null },
    );
    assert.equal(withNaiveTimeZone('Asia/Kolkata', () => parseTimestamp('2026-12-03T13:25:33.783-05:00')).ms, Date.UTC(2026, 11, 3, 18, 25, 33, 783));
  });

  it('applies the zone only inside the call: afterwards values without zone are read as UTC again', () => {
    withNaiveTimeZone('Asia/Kolkata', () => undefined);
    assert.equal(parseTimestamp('2026-12-03T13:25:33.783').ms, Date.UTC(2026, 11, 3, 13, 25, 33, 783));
    assert.throws(() => withNaiveTimeZone('Asia/Kolkata', () => { throw new Error('normalizer bug'); }));
    assert.equal(parseTimestamp('2026-12-03T13:25:33.783').ms, Date.UTC(2026, 11, 3, 13, 25, 33, 783), 'restored after a throw too');
  });
});
