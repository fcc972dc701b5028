import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { encodeCursor } from '../../../../electron/index/queries/keyset-cursor';
import { ExecutionList, type ListExecutionsRequest } from '../../../../electron/index/queries/list-executions';
import { SummaryReader } from '../../../../electron/index/queries/read-summary';
import { StatementCache } from '../../../../electron/index/queries/statement-cache';
import { openIndex, openIndexReadOnly } from '../../../../electron/index/open-index';
import { API, EXECUTION_SORTS } from '../../../../shared/api/contract';
import { EXECUTION_FAMILIES } from '../../../../shared/model/family';
import { tempFolder } from '../../../support/temp-folder';

type Sort = (typeof EXECUTION_SORTS)[number];

interface Synthetic {
  readonly id: number;
  readonly family: string;
  readonly key: string;
  readonly first_ts: number | null;
  readonly last_ts: number | null;
  readonly event_count: number;
  readonly failure_count: number;
  readonly problem_count: number;
}

/** Remembers every SQL text the list asks for, so the test can EXPLAIN exactly what runs. */
class RecordingCache extends StatementCache {
  readonly seen: string[] = [];

  override get(sql: string): Database.Statement {
    this.seen.push(sql);
    return super.get(sql);
  }
}

/** A migrated, empty index of our own schema (001 + 002), writable. */
function freshIndex(name: string): { db: Database.Database; dbPath: string } {
  const dbPath = join(tempFolder(name), 'index.sqlite');
  return { db: openIndex(dbPath, tempFolder(`${name}-folder`)).db, dbPath };
}

/** SQLite's BINARY collation compares UTF-8 bytes; JavaScript's `<` compares UTF-16 units. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The documented order: by the value then id in the asked direction, NULL times last either way. */
function expectedOrder(rows: readonly Synthetic[], sort: Sort, descending: boolean): number[] {
  const value = (row: Synthetic): number | string | null =>
    ({ start: row.first_ts, end: row.last_ts, events: row.event_count, failures: row.failure_count, problems: row.problem_count, key: row.key })[sort];
  const direction = descending ? -1 : 1;
  return [...rows]
    .sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      if (va === null || vb === null) {
        if (va !== vb) return va === null ? 1 : -1;
      } else {
        const byValue = typeof va === 'string' ? compareBytes(va, vb as string) : va - (vb as number);
        if (byValue !== 0) return byValue * direction;
      }
      return (a.id - b.id) * direction;
    })
    .map((row) => row.id);
}

function pageAll(list: ExecutionList, request: ListExecutionsRequest): number[] {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const page = API.listExecutions.response.parse(list.list({ ...request, ...(cursor === undefined ? {} : { cursor }) }));
    for (const item of page.items) ids.push(Number(idByApiId.get(item.id)));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  return assert.fail('paging did not end');
}

/** Maps the API's `<family>:<key>` back to the synthetic row id. */
const idByApiId = new Map<string, number>();

/** The query plan of a recorded statement (parameters bound as NULL: without STAT4 the plan does not depend on them). */
function planOf(db: Database.Database, sql: string): string {
  const params = (sql.match(/\?/g) ?? []).map(() => null);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join(' | ');
}

describe('listExecutions over ties, NULL times, zero counts and non-ASCII keys', () => {
  const { db } = freshIndex('list-executions-small');
  const rows: Synthetic[] = [];
  const keys = ['alpha', 'Beta', 'ключ', 'é', '𝒳', 'zz_top', '100%', 'a\\b'];
  db.transaction(() => {
    const insert = db.prepare(
      'INSERT INTO executions (family, key, first_ts, last_ts, event_count, failure_count, problem_count, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
    );
    for (let i = 0; i < 240; i++) {
      const family = EXECUTION_FAMILIES[i % EXECUTION_FAMILIES.length] as string;
      const key = `${keys[i % keys.length]}-${(i * 37) % 240}`;
      const first = i % 9 === 0 ? null : 1_000 + ((i * 7) % 13) * 100;
      const last = first === null ? null : first + ((i * 11) % 5) * 50;
      const counts = { events: 1 + (i % 4), failures: i % 5 === 0 ? 1 + (i % 3) : 0, problems: i % 7 === 0 ? 2 : 0 };
      const { id } = insert.get(family, key, first, last, counts.events, counts.failures, counts.problems, i % 3 === 0 ? 'failed' : 'ok') as { id: number };
      rows.push({ id, family, key, first_ts: first, last_ts: last, event_count: counts.events, failure_count: counts.failures, problem_count: counts.problems });
      idByApiId.set(`${family}:${key}`, id);
    }
  })();
  const list = new ExecutionList(db, new StatementCache(db));
  after(() => db.close());

  for (const sort of EXECUTION_SORTS) {
    for (const descending of [false, true]) {
      it(`visits every row once in (${sort}, id) order${descending ? ', descending' : ''}, NULL times last`, () => {
        for (const limit of [1, 4, 500]) {
          assert.deepEqual(pageAll(list, { sort, descending, limit }), expectedOrder(rows, sort, descending), `limit ${limit}`);
        }
        const families = ['benson', 'record'] as const;
        assert.deepEqual(
          pageAll(list, { sort, descending, limit: 3, families: [...families] }),
          expectedOrder(rows.filter((r) => (families as readonly string[]).includes(r.family)), sort, descending),
        );
      });
    }
  }

  it('counts the total over the filters on every page', () => {
    const page = list.list({ families: ['cycle'], limit: 2 });
    assert.equal(page.total, rows.filter((r) => r.family === 'cycle').length);
    assert.ok(page.nextCursor !== null);
    assert.equal(list.list({ families: ['cycle'], limit: 2, cursor: page.nextCursor }).total, page.total);
  });

  it('takes %, _ and \\ in the text literally', () => {
    for (const text of ['%', '_', '\\', '100%', 'A\\B']) {
      const expected = rows.filter((r) => r.key.toLowerCase().includes(text.toLowerCase()));
      assert.deepEqual(pageAll(list, { text, limit: 7 }), expectedOrder(expected, 'start', false), text);
    }
  });
});

describe('listExecutions totals', () => {
  it('counts again once the writer has committed, and not before', () => {
    const { db: writer, dbPath } = freshIndex('list-executions-totals');
    const reader = openIndexReadOnly(dbPath);
    try {
      const insert = writer.prepare("INSERT INTO executions (family, key, first_ts) VALUES ('record', ?, 1)");
      insert.run('one');
      const list = new ExecutionList(reader, new StatementCache(reader));
      assert.equal(list.list({}).total, 1);
      insert.run('two');
      const page = list.list({ limit: 1 });
      assert.equal(page.total, 2);
      assert.equal(list.list({ limit: 1, cursor: page.nextCursor ?? undefined }).total, 2);
    } finally {
      reader.close();
      writer.close();
    }
  });
});

describe('listExecutions query plans', () => {
  const { db } = freshIndex('list-executions-plans');
  after(() => db.close());

  /** The plans of the page statements one request runs (one per keyset range; the count aside). */
  function plans(request: ListExecutionsRequest): string[] {
    const cache = new RecordingCache(db);
    new ExecutionList(db, cache).list(request);
    return cache.seen.filter((sql) => sql.includes('ORDER BY')).map((sql) => planOf(db, sql));
  }

  it('serves the default sort from executions_first_ts, first page and deep, with no sort step', () => {
    for (const request of [{}, { cursor: encodeCursor({ value: 5, id: 9 }) }, { cursor: encodeCursor({ value: null, id: 9 }) }, { descending: true }]) {
      for (const plan of plans(request)) {
        assert.match(plan, /executions_first_ts/, plan);
        assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
      }
    }
  });

  it('serves a family filter from executions_family_first_ts, with no sort step', () => {
    for (const plan of plans({ families: ['record'], cursor: encodeCursor({ value: 5, id: 9 }) })) {
      assert.match(plan, /executions_family_first_ts/, plan);
      assert.doesNotMatch(plan, /TEMP B-TREE/, plan);
    }
  });

  it('serves one family under every sort from a per-family index, in both directions, with no sort step', () => {
    const expected: Record<Sort, RegExp> = {
      start: /executions_family_first_ts/,
      end: /executions_family_last_ts/,
      events: /executions_family_event_count/,
      failures: /executions_family_failure_count/,
      problems: /executions_family_problem_count/,
      key: /sqlite_autoindex_executions_1/,
    };
    for (const [sort, index] of Object.entries(expected) as [Sort, RegExp][]) {
      for (const descending of [false, true]) {
        const all = plans({ families: ['benson'], sort, descending, cursor: encodeCursor({ value: sort === 'key' ? 'k' : 5, id: 9 }) });
        assert.ok(all.some((plan) => index.test(plan)), `${sort}: ${all.join(' || ')}`);
        for (const plan of all) assert.doesNotMatch(plan, /TEMP B-TREE/, `${sort}: ${plan}`);
      }
    }
  });

  it('serves exec-event, left out of the per-family indexes, from the all-family ones with no sort step', () => {
    for (const sort of ['end', 'events', 'failures', 'problems'] as const) {
      for (const descending of [false, true]) {
        const all = plans({ families: ['exec-event'], sort, descending });
        for (const plan of all) {
          assert.doesNotMatch(plan, /TEMP B-TREE/, `${sort}: ${plan}`);
          assert.doesNotMatch(plan, /executions_family_(last_ts|event_count|failure_count|problem_count)/, `${sort}: ${plan}`);
        }
      }
    }
  });

  it('serves every other sort from an index, in both directions', () => {
    const expected: Record<Exclude<Sort, 'start'>, RegExp> = {
      end: /executions_last_ts/,
      events: /executions_event_count/,
      failures: /executions_failure_count|INTEGER PRIMARY KEY/,
      problems: /executions_problem_count|INTEGER PRIMARY KEY/,
      key: /executions_key/,
    };
    for (const [sort, index] of Object.entries(expected) as [Sort, RegExp][]) {
      for (const descending of [false, true]) {
        const all = plans({ sort, descending });
        assert.ok(all.some((plan) => index.test(plan)), `${sort}: ${all.join(' || ')}`);
        // A zero-count stretch is read in rowid order ("SCAN x"), which needs no sort either.
        for (const plan of all) assert.doesNotMatch(plan, /TEMP B-TREE/, `${sort}: ${plan}`);
      }
    }
  });
});

describe('listExecutions over a million executions', () => {
  const { db: writer, dbPath } = freshIndex('list-executions-million');
  let db: Database.Database;
  let list: ExecutionList;
  const timings: string[] = [];

  before(() => {
    // Loading speed only: the indexes are dropped and made again from their own
    // CREATE statements, so the schema queried is exactly the migrations'. Keys are
    // written in order (the unique index on them cannot be dropped); times are shuffled.
    writer.pragma('journal_mode = MEMORY');
    writer.pragma('cache_size = -400000');
    writer.transaction(() => {
      const indexes = writer.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'executions' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
      for (const index of indexes) writer.exec(`DROP INDEX ${index.name}`);
      writer.exec(`
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
        INSERT INTO executions (family, key, label, actor, first_ts, last_ts, status, outcome, event_count, failure_count, problem_count)
        SELECT
          CASE i % 5 WHEN 0 THEN 'exec-event' WHEN 1 THEN 'benson' WHEN 2 THEN 'cycle' WHEN 3 THEN 'stream' ELSE 'record' END,
          printf('k%07d', i), 'label ' || (i % 1000), 'actor' || (i % 100),
          CASE WHEN i % 97 = 0 THEN NULL ELSE 1700000000000 + ((i * 7919) % 1000003) * 1000 END,
          CASE WHEN i % 97 = 0 THEN NULL ELSE 1700000000000 + ((i * 7919) % 1000003) * 1000 + (i % 600) * 1000 END,
          'done', CASE WHEN i % 7 = 0 THEN 'failed' ELSE 'ok' END,
          1 + i % 37, CASE WHEN i % 7 = 0 THEN 1 + i % 3 ELSE 0 END, CASE WHEN i % 11 = 0 THEN 2 ELSE 0 END
        FROM n`);
      for (const index of indexes) writer.exec(index.sql);
    })();
    writer.close();
    db = openIndexReadOnly(dbPath);
    list = new ExecutionList(db, new StatementCache(db));
  });

  after(() => {
    db?.close();
  });

  /** Runs a request, records how long it took, and returns its answer. */
  function timed(name: string, request: ListExecutionsRequest): { ms: number; page: ReturnType<ExecutionList['list']> } {
    const started = performance.now();
    const page = list.list(request);
    const ms = performance.now() - started;
    timings.push(`${name}: ${ms.toFixed(1)} ms`);
    return { ms, page };
  }

  /** The row at a depth of the default order, read the slow way for the test only. */
  function rowAt(offset: number, nulls: boolean): { value: number | null; id: number } {
    const sql = nulls
      ? 'SELECT first_ts AS value, id FROM executions WHERE first_ts IS NULL ORDER BY id LIMIT 1 OFFSET ?'
      : 'SELECT first_ts AS value, id FROM executions WHERE first_ts IS NOT NULL ORDER BY first_ts, id LIMIT 1 OFFSET ?';
    return db.prepare(sql).get(offset) as { value: number | null; id: number };
  }

  it('answers page 1 and a page deep in by cursor in well under 50 ms', (t) => {
    const first = timed('page 1, default sort', { limit: 100 });
    assert.equal(first.page.total, 1_000_000);
    assert.equal(first.page.items.length, 100);
    const deep = rowAt(600_000, false);
    const next = rowAt(600_001, false);
    const deepPage = timed('page at 600,000 by cursor', { limit: 100, cursor: encodeCursor(deep) });
    assert.equal(deepPage.page.items[0]?.startMs, next.value);
    const undated = timed('page in the undated stretch by cursor', { limit: 100, cursor: encodeCursor(rowAt(5_000, true)) });
    assert.equal(undated.page.items.length, 100);
    assert.ok(undated.page.items.every((x) => x.startMs === null));
    const family = timed('page 1, family record', { limit: 100, families: ['record'] });
    assert.equal(family.page.total, 200_000);
    const familyDeep = timed('family record, by cursor', { limit: 100, families: ['record'], cursor: family.page.nextCursor ?? undefined });
    // Several families: SQLite walks each family's index range in order and stops each at the page size.
    const two = timed('page 1, families record + benson', { limit: 100, families: ['record', 'benson'] });
    const twoDeep = timed('families record + benson, deep by cursor', { limit: 100, families: ['record', 'benson'], cursor: encodeCursor(deep) });
    assert.ok(twoDeep.page.items.every((x) => x.family === 'record' || x.family === 'benson'));
    for (const { ms } of [first, deepPage, undated, family, familyDeep, two, twoDeep]) assert.ok(ms < 200, timings.join('; '));
    t.diagnostic(timings.splice(0).join('; '));
  });

  it('keeps every sort fast, first page and next, in both directions', (t) => {
    for (const sort of EXECUTION_SORTS) {
      for (const descending of [false, true]) {
        const first = timed(`${sort}${descending ? ' desc' : ''} page 1`, { sort, descending, limit: 100 });
        const second = timed(`${sort}${descending ? ' desc' : ''} page 2`, { sort, descending, limit: 100, cursor: first.page.nextCursor ?? undefined });
        assert.equal(second.page.items.length, 100);
        assert.ok(first.ms < 200 && second.ms < 200, timings.join('; '));
      }
    }
    t.diagnostic(timings.splice(0).join('; '));
  });

  it('bounds a time range by the longest execution, so it is an index range too', (t) => {
    const from = 1_700_000_000_000 + 400_000_000;
    const to = from + 3_600_000;
    const firstCall = timed('from/to, first call (measures the longest execution)', { from, to, limit: 100 });
    const again = timed('from/to, again', { from, to, limit: 100, cursor: firstCall.page.nextCursor ?? undefined });
    const expected = (db.prepare('SELECT count(*) AS n FROM executions WHERE last_ts >= ? AND first_ts <= ?').get(from, to) as { n: number }).n;
    assert.equal(firstCall.page.total, expected);
    assert.ok(again.ms < 200, timings.join('; '));
    t.diagnostic(timings.splice(0).join('; '));
  });

  it('counts a filter no index serves once per index state, so its next pages stay fast', (t) => {
    const cases: [string, ListExecutionsRequest][] = [['outcome failed', { outcomes: ['failed'] }], ['text "label 99"', { text: 'label 99' }], ['has problems', { hasProblems: true }]];
    for (const [name, request] of cases) {
      const first = timed(`${name}, page 1 (counts)`, { ...request, limit: 100 });
      const next = timed(`${name}, page 2`, { ...request, limit: 100, cursor: first.page.nextCursor ?? undefined });
      assert.equal(next.page.total, first.page.total);
      assert.ok(next.ms < 200, timings.join('; '));
    }
    t.diagnostic(timings.splice(0).join('; '));
  });

  it('counts the overview from the executions table and indexes, not from events', (t) => {
    const started = performance.now();
    const counts = new SummaryReader(db).read();
    const ms = performance.now() - started;
    assert.equal(Object.values(counts.executions).reduce((a, b) => a + b, 0), 1_000_000);
    assert.equal(counts.executions['record'], 200_000);
    assert.equal(counts.executionsByOutcome['failed'], Math.floor(1_000_000 / 7));
    assert.ok(counts.timeRange.from !== null && counts.timeRange.to !== null);
    t.diagnostic(`summary over 1,000,000 executions: ${ms.toFixed(1)} ms`);
  });
});
