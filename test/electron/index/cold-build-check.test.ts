import { strict as assert } from 'node:assert';
import { closeSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { checkInterruptedColdBuild } from '../../../electron/index/cold-build-check';
import { openIndex, SCHEMA_VERSION } from '../../../electron/index/open-index';
import { indexWithColdMode, indexList, interruptedColdBuild, isMarked, writeColdBuildFolder } from '../../support/cold-build-folder';
import { indexOnce, query } from '../../support/index-folder';
import { snapshot } from '../../support/index-snapshot';
import { assertSameIndex } from '../../support/assert-same-index';
import { tempFolder } from '../../support/temp-folder';
import { join } from 'node:path';

/** Changes the index file by hand, outside SQLite, as a torn write would. */
function damageFile(dbPath: string, damage: (db: Database.Database) => { at: number; bytes: Buffer }): void {
  const db = new Database(dbPath);
  const { at, bytes } = damage(db);
  db.close();
  const fd = openSync(dbPath, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, at);
  } finally {
    closeSync(fd);
  }
}

/** Where a page of a table lies in the file: dbstat names the pages of each b-tree. */
function pageOf(db: Database.Database, table: string, nth: number): { at: number; size: number } {
  const page = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET ?").pluck().get(table, nth) as number;
  const size = db.pragma('page_size', { simple: true }) as number;
  return { at: (page - 1) * size, size };
}

describe('an interrupted cold build is checked before it is trusted', async () => {
  const folder = writeColdBuildFolder('cold-check');
  const clean = snapshot(await indexWithColdMode(folder, join(tempFolder('cold-check-clean'), 'index.sqlite'), false));
  const cleanIndexes = indexList(await indexWithColdMode(folder, join(tempFolder('cold-check-clean2'), 'index.sqlite'), false));

  it('passes an undamaged one, completes it (every index back, marker cleared) and resumes it to the clean index', async () => {
    for (const recreated of [false, true]) {
      const dbPath = await interruptedColdBuild(folder, recreated);
      assert.ok(isMarked(dbPath), 'the interrupted build left its marker');
      if (!recreated) assert.ok(indexList(dbPath).length < cleanIndexes.length, 'and lacks the dropped indexes');
      const opened = openIndex(dbPath, folder);
      opened.db.close();
      assert.equal(opened.rebuiltBecause, null, `not rebuilt (indexes recreated before the interruption: ${recreated})`);
      assert.equal(isMarked(dbPath), false, 'the marker is cleared once the check passed');
      assert.deepEqual(indexList(dbPath), cleanIndexes, 'the same indexes, created by the same statements');
      await indexOnce(folder, dbPath);
      assertSameIndex(snapshot(dbPath), clean, 'the index');
    }
  });

  const damages: { name: string; reason: RegExp; damage: (dbPath: string) => void }[] = [
    {
      name: 'a page of the events table overwritten',
      reason: /\(pages: /,
      damage: (dbPath) =>
        damageFile(dbPath, (db) => {
          const { at, size } = pageOf(db, 'events', 3);
          return { at, bytes: Buffer.alloc(size, 0x5a) };
        }),
    },
    {
      name: 'a segment of the full-text index damaged',
      reason: /\(pages: .*fts5: corruption|\(full text: .*fts5: corruption/,
      damage: (dbPath) => {
        const db = new Database(dbPath, { readonly: true });
        const block = db.prepare('SELECT block FROM text_runs_fts_data WHERE id > 10 ORDER BY id LIMIT 1 OFFSET 3').pluck().get() as Buffer;
        db.close();
        const file = readFileSync(dbPath);
        const at = file.indexOf(block.subarray(0, 64));
        assert.ok(at > 0, 'the segment leaf is found in the file');
        // The leaf's header: where its first rowid and its page index start.
        for (let i = 0; i < 4; i++) file[at + i] = (file[at + i] as number) ^ 0x5a;
        writeFileSync(dbPath, file);
      },
    },
    {
      name: 'a source whose committed offset falls short of its stored events',
      reason: /offsets: event \d+ of \S+ lies past its committed line/,
      damage: (dbPath) => {
        const db = new Database(dbPath);
        db.prepare("UPDATE sources SET line = line / 2, offset = offset / 2 WHERE id = (SELECT id FROM sources WHERE kind = 'lines' ORDER BY event_count DESC LIMIT 1)").run();
        db.close();
      },
    },
    {
      name: 'a source that counts more events than it holds',
      reason: /offsets: \S+ holds \d+ events but committed \d+/,
      damage: (dbPath) => {
        const db = new Database(dbPath);
        db.prepare("UPDATE sources SET event_count = event_count + 1 WHERE id = (SELECT id FROM sources WHERE kind = 'lines' LIMIT 1)").run();
        db.close();
      },
    },
    {
      name: 'events whose ids no longer follow their lines',
      reason: /offsets: event \d+ of \S+ \(line \d+\) follows line \d+ out of order/,
      damage: (dbPath) => {
        const db = new Database(dbPath);
        db.prepare('UPDATE events SET line = line + 1000000 WHERE id = (SELECT min(id) FROM events WHERE part = 0)').run();
        db.prepare('UPDATE sources SET line = line + 1000000 WHERE id = (SELECT source_id FROM events WHERE id = (SELECT min(id) FROM events))').run();
        db.close();
      },
    },
    {
      name: 'a run of events missing from the full-text index',
      reason: /full text: the full-text index holds \d+ rows for \d+ runs of events/,
      damage: (dbPath) => {
        const db = new Database(dbPath);
        // Taken back from the full-text index only.
        db.prepare('DELETE FROM text_runs_fts WHERE rowid = (SELECT max(first_id) FROM text_runs)').run();
        db.close();
      },
    },
    {
      name: 'a run of events lost whole, its full-text row and its range',
      reason: /full text: the full-text runs hold \d+ events for \d+ events given their full text/,
      damage: (dbPath) => {
        const db = new Database(dbPath);
        const first = db.prepare('SELECT max(first_id) FROM text_runs').pluck().get() as number;
        db.prepare('DELETE FROM text_runs_fts WHERE rowid = ?').run(first);
        db.prepare('DELETE FROM text_runs WHERE first_id = ?').run(first);
        db.close();
      },
    },
    {
      name: 'a run of events stretched over the next source',
      reason: /full text: \d+ events lie in a full-text run of another source/,
      damage: (dbPath) => {
        const db = new Database(dbPath);
        const stretched = db
          .prepare('UPDATE text_runs SET last_id = last_id + 1 WHERE first_id = (SELECT r.first_id FROM text_runs r JOIN events e ON e.id = r.last_id + 1 WHERE e.source_id <> r.source_id LIMIT 1)')
          .run();
        assert.equal(stretched.changes, 1, 'a run ends where another source begins');
        db.close();
      },
    },
  ];

  for (const { name, reason, damage } of damages) {
    it(`rebuilds one with ${name}, saying why`, async () => {
      const dbPath = await interruptedColdBuild(folder);
      damage(dbPath);
      const opened = openIndex(dbPath, folder);
      const events = opened.db.prepare('SELECT count(*) FROM events').pluck().get();
      opened.db.close();
      assert.match(opened.rebuiltBecause ?? '', /^an interrupted first index failed its check \(/);
      assert.match(opened.rebuiltBecause ?? '', reason);
      assert.equal(events, 0, 'rebuilt empty, to be read again from the folder');
      await indexOnce(folder, dbPath);
      assertSameIndex(snapshot(dbPath), clean, 'the rebuilt index is the clean one');
    });
  }

  it('finds the same damage on a complete index that it passes when undamaged (the checks themselves)', async () => {
    const dbPath = await interruptedColdBuild(folder);
    const db = new Database(dbPath);
    assert.equal(checkInterruptedColdBuild(db), null);
    db.prepare("UPDATE sources SET event_count = 0 WHERE kind = 'lines'").run();
    assert.match(checkInterruptedColdBuild(db) ?? '', /holds \d+ events but committed 0/);
    db.close();
  });

  it('rebuilds an interrupted first index of another schema version rather than migrate it', async () => {
    const dbPath = await interruptedColdBuild(folder);
    const db = new Database(dbPath);
    db.pragma(`user_version = ${SCHEMA_VERSION - 1}`);
    db.close();
    const opened = openIndex(dbPath, folder);
    opened.db.close();
    // Schema 17 and older are rebuilt anyway (018 replaced the full text); an interrupted one of a migratable version says so.
    assert.match(opened.rebuiltBecause ?? '', new RegExp(`interrupted first index of schema ${SCHEMA_VERSION - 1} is rebuilt|older schema \\(${SCHEMA_VERSION - 1}\\) that this version rebuilds`));
  });

  it('lets the read-only connection read a marked index', async () => {
    const dbPath = await interruptedColdBuild(folder);
    const [row] = query<{ n: number; first: number }>(dbPath, 'SELECT count(*) AS n, (SELECT id FROM executions ORDER BY first_ts, id LIMIT 1) AS first FROM events');
    assert.equal(row?.n, clean.events.length);
    assert.ok(typeof row?.first === 'number');
    assert.ok(isMarked(dbPath), 'reading changes nothing');
  });
});
