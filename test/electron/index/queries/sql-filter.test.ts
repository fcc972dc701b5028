import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqlFilter } from '../../../../electron/index/queries/sql-filter';

describe('SqlFilter', () => {
  it('puts a keyset range before the filters, its parameters first too', () => {
    const filter = new SqlFilter().add('e.ts >= ?', 100).oneOf('e.family', ['a']).oneOf('e.kind', ['x', 'y']);
    assert.equal(filter.sql(['(e.ts, e.id) > (?, ?)']), '(e.ts, e.id) > (?, ?) AND e.ts >= ? AND e.family = ? AND e.kind IN (SELECT value FROM json_each(?))');
    assert.deepEqual(filter.params([500, 7]), [500, 7, 100, 'a', '["x","y"]']);
    assert.equal(new SqlFilter().sql(), '1');
    assert.equal(new SqlFilter().sql(['e.id > ?']), 'e.id > ?');
  });

  it("lets SQLite seek on the range's bound, not the filter's: a deep page reads from the page on, not from the filter's time", () => {
    // What a deep page of a list filtered from a time on asks. Without statistics (the index has none), SQLite seeks
    // an index on the first of two bounds on a column it meets; the rows it reads, counted, show which.
    const db = new Database(':memory:');
    try {
      db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER, family TEXT); CREATE INDEX events_ts ON events (ts)');
      const insert = db.prepare('INSERT INTO events (id, ts, family) VALUES (?, ?, ?)');
      db.transaction(() => {
        for (let id = 1; id <= 20_000; id++) insert.run(id, id * 10, id % 2 === 1 ? 'a' : 'b');
      })();
      let read = 0;
      db.function('counted', (id: unknown) => {
        read++;
        return id;
      });
      // As the events list builds it: the family, the time from, then (a test's own) a count of the rows SQLite reads.
      const filter = new SqlFilter().oneOf('e.family', ['a']).add('e.ts >= ?', 10).add('counted(e.id) > 0');
      const sql = `SELECT e.id FROM events e WHERE ${filter.sql(['e.ts IS NOT NULL', '(e.ts, e.id) > (?, ?)'])} ORDER BY e.ts, e.id LIMIT 100`;
      const ids = db.prepare(sql).pluck().all(...filter.params([150_000, 15_000])) as number[];
      assert.equal(ids[0], 15_001);
      assert.ok(read < 1_000, `${read} rows read for a page 15,000 rows in (15,199 with the filters first)`);
    } finally {
      db.close();
    }
  });
});
