import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeGeneric } from '../../../../electron/families/generic/normalize-generic';

describe('normalizeGeneric', () => {
  it('gives an object of no family no execution, no status and no problem', () => {
    assert.deepEqual(normalizeGeneric({ level: 'info', msg: 'server started' }), {
      family: 'generic',
      kind: 'generic',
      executionKey: null,
      timestampMs: null,
      status: null,
      errorCode: null,
      actor: null,
      failed: false,
      problems: [],
      facts: { family: 'generic' },
    });
  });

  it('reads the time from timestamp, ts or time, preferring timestamp', () => {
    assert.equal(normalizeGeneric({ ts: '2026-01-09T08:00:00Z' }).timestampMs, Date.UTC(2026, 0, 9, 8));
    assert.equal(normalizeGeneric({ time: '2026-01-09T08:00:00Z' }).timestampMs, Date.UTC(2026, 0, 9, 8));
    assert.equal(normalizeGeneric({ time: '2027-01-01T00:00:00Z', timestamp: '2026-01-09T08:00:00Z' }).timestampMs, Date.UTC(2026, 0, 9, 8));
  });

  it('reports a time that parses but is not UTC, naming its field', () => {
    const event = normalizeGeneric({ ts: '2026-01-09T08:00:00' });
    assert.equal(event.timestampMs, Date.UTC(2026, 0, 9, 8));
    assert.deepEqual(event.problems.map((problem) => problem.code), ['time.no_zone']);
    assert.match(event.problems[0]?.message ?? '', /^ts /);
  });

  it('ignores an unparseable or numeric time without a problem, since generic objects have no contract', () => {
    for (const obj of [{ ts: 1767945600 }, { time: 'noon' }, { timestamp: null }]) {
      const event = normalizeGeneric(obj);
      assert.equal(event.timestampMs, null);
      assert.deepEqual(event.problems, []);
    }
  });

  it('never throws on hostile input', () => {
    const proto = JSON.parse('{"__proto__":{"timestamp":"2026-01-09T08:00:00Z"}}') as Record<string, unknown>;
    assert.equal(normalizeGeneric(proto).timestampMs, null);
    assert.doesNotThrow(() => normalizeGeneric(Object.create(null) as Record<string, unknown>));
  });
});
