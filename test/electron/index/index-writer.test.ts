import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openIndex } from '../../../electron/index/open-index';
import { tempFolder } from '../../support/temp-folder';

describe('the statements run before every read of a tailed file', () => {
  it('find transient problems through their own small index, not by reading every problem of the file', () => {
    const db = openIndex(join(tempFolder('writer-plans'), 'index.sqlite'), tempFolder('writer-plans-folder')).db;
    try {
      const insert = db.prepare("INSERT INTO problems (source_id, line, code, message, origin, transient) VALUES (1, ?, 'exec.duplicate_terminal_event', 'm', 'line', ?)");
      db.transaction(() => {
        for (let line = 1; line <= 5_000; line++) insert.run(line, line === 5_000 ? 1 : 0);
      })();
      db.exec('ANALYZE');
      const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT 1 FROM problems WHERE source_id = ? AND transient = 1 LIMIT 1').all(1) as { detail: string }[]).map((row) => row.detail).join(' | ');
      assert.match(plan, /problems_transient/, plan);
    } finally {
      db.close();
    }
  });
});
