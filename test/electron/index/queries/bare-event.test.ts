import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { BARE_EVENT_COLUMNS, toBareEvent, type StoredBareEvent } from '../../../../electron/index/queries/bare-event';

describe('bare events', () => {
  it('reads the listed columns of a stored event, its failure flag as a boolean', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE events (id INTEGER PRIMARY KEY, ts INTEGER, kind TEXT, status TEXT, error_code TEXT, failed INTEGER, cycle INTEGER, raw TEXT)');
    db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(7, 1000, 'terminal', 'failed', 'E_TIMEOUT', 1, null, '{"x":1}');
    db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(8, null, 'plan.generated', null, null, 0, 2, '{}');
    const rows = db.prepare(`SELECT ${BARE_EVENT_COLUMNS} FROM events ORDER BY id`).all() as StoredBareEvent[];
    assert.deepEqual(rows.map(toBareEvent), [
      { id: 7, ts: 1000, kind: 'terminal', status: 'failed', errorCode: 'E_TIMEOUT', failed: true, cycle: null },
      { id: 8, ts: null, kind: 'plan.generated', status: null, errorCode: null, failed: false, cycle: 2 },
    ]);
    db.close();
  });
});
