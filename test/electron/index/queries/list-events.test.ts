import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { encodeCursor } from '../../../../electron/index/queries/keyset-cursor';
import { EventList, type ListEventsRequest } from '../../../../electron/index/queries/list-events';
import { StatementCache } from '../../../../electron/index/queries/statement-cache';
import { openIndex } from '../../../../electron/index/open-index';
import { API } from '../../../../shared/api/contract';
import { tempFolder } from '../../../support/temp-folder';
import { packRawBlocks, type RawPlacement } from '../../../../electron/index/raw-blocks';
import { SEARCH_READERS } from '../../../../electron/ingest/search-readers';

/** Remembers every SQL text the list asks for, so the test can EXPLAIN exactly what runs. */
class RecordingCache extends StatementCache {
  readonly seen: string[] = [];

  override get(sql: string): Database.Statement {
    this.seen.push(sql);
    return super.get(sql);
  }
}

describe('listEvents', () => {
  const db = openIndex(join(tempFolder('list-events'), 'index.sqlite'), tempFolder('list-events-folder')).db;
  after(() => db.close());
  const astral = `{"msg":"${'𝒳é'.repeat(200)}"}`;
  const stored: { id: number; ts: number | null; execution: number | null }[] = [];
  db.transaction(() => {
    db.prepare("INSERT INTO sources (id, path, dir, kind, state) VALUES (1, 'logs/a.jsonl', 'logs', 'lines', 'active'), (2, 'logs/b.jsonl (gone #2)', 'logs', 'lines', 'gone')").run();
    db.prepare("INSERT INTO executions (id, family, key) VALUES (1, 'record', 'exec-1'), (2, 'benson', 'PAC-1')").run();
    const insert = db.prepare(
      'INSERT INTO events (id, source_id, line, byte_offset, byte_length, ts, family, kind, execution_id, failed, raw_block, raw_at, raw_len) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertBlock = db.prepare('INSERT INTO raw_blocks (source_id, data) VALUES (?, ?)');
    for (let id = 1; id <= 60; id++) {
      const ts = id % 6 === 0 ? null : 1_000 + (id % 7) * 10;
      const execution = id % 3 === 0 ? null : (id % 3);
      const sourceId = 1 + (id % 2);
      const packed = packRawBlocks([{ sourceId, raw: id === 7 ? astral : `{"n":${id}}` }]);
      const block = Number(insertBlock.run(sourceId, packed.blocks[0]?.data).lastInsertRowid);
      const at = packed.placements[0] as RawPlacement;
      insert.run(id, sourceId, id, id * 100, 90, ts, execution === 1 ? 'record' : execution === 2 ? 'benson' : 'generic', 'k', execution, id % 5 === 0 ? 1 : 0, block, at.at, at.length);
      stored.push({ id, ts, execution });
    }
  })();
  const inOrder = (rows: typeof stored): number[] =>
    [...rows].sort((a, b) => (a.ts === b.ts ? a.id - b.id : a.ts === null ? -1 : b.ts === null ? 1 : a.ts - b.ts)).map((row) => row.id);

  function pageAll(list: EventList, request: ListEventsRequest): number[] {
    const ids: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 1_000; pages++) {
      const page = API.listEvents.response.parse(list.list({ ...request, ...(cursor === undefined ? {} : { cursor }) }));
      ids.push(...page.items.map((e) => e.id));
      if (page.nextCursor === null) return ids;
      cursor = page.nextCursor;
    }
    return assert.fail('paging did not end');
  }

  it('pages undated events first, then by time, ties by id', () => {
    const list = new EventList(new StatementCache(db), SEARCH_READERS);
    for (const limit of [1, 2, 7, 100]) assert.deepEqual(pageAll(list, { limit }), inOrder(stored), `limit ${limit}`);
    assert.deepEqual(pageAll(list, { executionRowId: 2, limit: 3 }), inOrder(stored.filter((e) => e.execution === 2)));
  });

  it('previews the first 300 UTF-16 units of the raw line and marks events of vanished files', () => {
    const [row] = new EventList(new StatementCache(db), SEARCH_READERS).list({ from: 1_000, to: 1_000 }).items.filter((e) => e.id === 7);
    assert.ok(row);
    assert.equal(row.preview, astral.slice(0, 300));
    const gone = new EventList(new StatementCache(db), SEARCH_READERS).list({ limit: 100 }).items.find((e) => e.id % 2 === 1);
    assert.deepEqual(gone?.source.path, 'logs/b.jsonl');
    assert.equal(gone?.source.gone, true);
  });

  it("carries the line's secret flags (and only those) so every list can mask the values they name", () => {
    db.prepare(
      `INSERT INTO problems (source_id, line, code, message, event_id, origin) VALUES
        (1, 8, 'cycle.secret_like_value', 'payload.password looks like a credential; it should be redacted', 8, 'line'),
        (1, 8, 'cycle.unredacted_value', 'payload.args is listed in redacted_fields but is not "REDACTED" or a hash', 8, 'line'),
        (1, 8, 'time.no_zone', 'payload.at has no zone', 8, 'line'),
        (1, 10, 'cycle.secret_like_value', 'payload.token looks like a bearer token; it should be redacted', 99, 'line')`,
    ).run();
    const rows = API.listEvents.response.parse(new EventList(new StatementCache(db), SEARCH_READERS).list({ limit: 100 })).items;
    const flagged = rows.find((e) => e.id === 8);
    assert.deepEqual(flagged?.secretFlags, [
      { code: 'cycle.secret_like_value', message: 'payload.password looks like a credential; it should be redacted' },
      { code: 'cycle.unredacted_value', message: 'payload.args is listed in redacted_fields but is not "REDACTED" or a hash' },
    ]);
    assert.deepEqual(rows.find((e) => e.id === 10)?.secretFlags, [], "another event's problem on the same file line flags nothing here");
    assert.equal(rows.filter((e) => e.secretFlags.length > 0).length, 1);
  });

  it('reads each range from an index, in index order', () => {
    const cases: [ListEventsRequest, RegExp][] = [
      [{}, /events_ts/],
      [{ cursor: encodeCursor({ value: 1_010, id: 4 }) }, /events_ts/],
      [{ executionRowId: 1 }, /events_execution/],
      [{ executionRowId: 1, cursor: encodeCursor({ value: 1_010, id: 4 }) }, /events_execution/],
      [{ from: 1_000, to: 1_030 }, /events_ts/],
    ];
    for (const [request, index] of cases) {
      const cache = new RecordingCache(db);
      new EventList(cache, SEARCH_READERS).list(request);
      for (const sql of cache.seen) {
        const params = (sql.match(/\?/g) ?? []).map(() => null);
        const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
        assert.match(plan, index, JSON.stringify(request));
        assert.doesNotMatch(plan, /TEMP B-TREE/, `${JSON.stringify(request)}: ${plan}`);
      }
    }
  });
});
