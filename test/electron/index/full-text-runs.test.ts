import { strict as assert } from 'node:assert';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { FullTextRunBuilder, RUN_COLUMNS, RUN_EVENTS } from '../../../electron/index/full-text-runs';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { EventList, type SearchLimits } from '../../../electron/index/queries/list-events';
import { toFtsQuery } from '../../../electron/index/queries/fts-query';
import { StatementCache } from '../../../electron/index/queries/statement-cache';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { readForSearch } from '../../../electron/index/stored-search-text';
import { wholeLineSearchText } from '../../../electron/ingest/whole-line-search-text';
import { renormalizeIn, renormalizeRaw } from '../../../electron/ingest/renormalize-raw';
import { API } from '../../../shared/api/contract';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { SeededRandom } from '../../fixtures/seeded-random';
import { indexOnce } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';
import { SEARCH_READERS } from '../../../electron/ingest/search-readers';

describe('FullTextRunBuilder', () => {
  /** The runs a sequence of events is cut into: [first, last, source, the texts of its columns that are set]. */
  function cut(events: [number, number, string | null][]): [number, number, number, (string | null)[]][] {
    const runs: [number, number, number, (string | null)[]][] = [];
    const builder = new FullTextRunBuilder((first, last, sourceId, texts) => {
      assert.equal(texts.length, RUN_EVENTS, 'a text, or null, for every column');
      assert.ok(texts.slice(last - first + 1).every((text) => text === null), 'no text past the run');
      runs.push([first, last, sourceId, texts.slice(0, last - first + 1)]);
    });
    for (const [id, source, text] of events) builder.add(id, source, text);
    builder.end();
    return runs;
  }

  it('cuts a run where the source changes, where ids skip, and at RUN_EVENTS events; each event in the column of its place', () => {
    const many = Array.from({ length: RUN_EVENTS + 3 }, (_, i): [number, number, string] => [100 + i, 9, `e${i}`]);
    assert.deepEqual(cut([[1, 1, 'a'], [2, 1, 'b'], [3, 2, 'c'], [5, 2, 'd'], ...many]), [
      [1, 2, 1, ['a', 'b']],
      [3, 3, 2, ['c']],
      [5, 5, 2, ['d']],
      [100, 100 + RUN_EVENTS - 1, 9, many.slice(0, RUN_EVENTS).map(([, , text]) => text)],
      [100 + RUN_EVENTS, 100 + RUN_EVENTS + 2, 9, [`e${RUN_EVENTS}`, `e${RUN_EVENTS + 1}`, `e${RUN_EVENTS + 2}`]],
    ]);
  });

  it('keeps events without text in their place, so runs cover every event', () => {
    assert.deepEqual(cut([[1, 1, null], [2, 1, 'x'], [3, 1, ''], [4, 1, null]]), [[1, 4, 1, [null, 'x', null, null]]]);
    assert.deepEqual(cut([[1, 1, null]]), [[1, 1, 1, [null]]]);
  });

  it('writes nothing for no events', () => {
    assert.deepEqual(cut([]), []);
  });

  it('has a full-text column for every place of a run', async () => {
    const folder = tempFolder('runs-columns');
    writeFileSync(join(folder, 'a.jsonl'), '{"trace_id":"t","status":"success","action_type":"a","timestamp":"2026-03-02T10:00:00Z"}\n');
    const db = openIndexReadOnly(await indexOnce(folder));
    try {
      const columns = (db.prepare("SELECT name FROM pragma_table_info('text_runs_fts')").pluck().all() as string[]);
      assert.deepEqual(columns, [...RUN_COLUMNS]);
    } finally {
      db.close();
    }
  });
});

/**
 * A search answers exactly what one full-text row per event answered: an oracle
 * indexes each event's own search text in an FTS5 table of its own, row per
 * event, and every query's matches, in list order, must be the search's.
 */
describe('full-text search over runs finds exactly the events a row per event found', () => {
  const folder = tempFolder('runs-oracle');
  let db: Database.Database;
  let oracle: Database.Database;
  let order: Map<number, number>;
  const queries: string[] = [];

  before(async () => {
    writeFixtureFolder(join(folder, 'fixtures'), { seed: 5, scale: 1 });
    cpSync(PRODUCER_SAMPLES, join(folder, 'producers'), { recursive: true });
    // Words that meet only across two events of one run, a phrase cut by the line between them, and case and accents folded.
    const lines = [
      { trace_id: 'x-1', note: 'alpha', action_type: 'send', status: 'success', timestamp: '2026-03-02T10:00:00Z' },
      { trace_id: 'x-2', note: 'bravo charlie', action_type: 'send', status: 'success', timestamp: '2026-03-02T10:00:01Z' },
      { trace_id: 'x-3', note: 'Résumé ÉCOLE', action_type: 'send', status: 'success', timestamp: '2026-03-02T10:00:02Z' },
      { trace_id: 'x-4', note: 'resume ecole naïve', action_type: 'send', status: 'success', timestamp: '2026-03-02T10:00:03Z' },
    ];
    writeFileSync(join(folder, 'crafted.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    db = openIndexReadOnly(await indexOnce(folder));
    oracle = new Database(':memory:');
    oracle.exec('CREATE VIRTUAL TABLE one_per_event USING fts5 (text)');
    const insert = oracle.prepare('INSERT INTO one_per_event (rowid, text) VALUES (?, ?)');
    const events = db.prepare(`SELECT e.id, e.ts, e.family, e.part, s.path, ${rawTextSql('e')} AS raw FROM events e JOIN sources s ON s.id = e.source_id`).all() as {
      id: number; ts: number | null; family: string; part: number; path: string; raw: string | null;
    }[];
    const texts: string[] = [];
    for (const event of events) {
      // The reader's own text, by the full path: the index and the checks take the whole line's shortcut where they can.
      const text = event.raw === null ? null : renormalizeRaw(event.raw, event.path, event.part)?.searchText;
      if (text === undefined || text === null) continue;
      insert.run(event.id, text);
      texts.push(text);
    }
    // List order: undated first, then by time, ties by id.
    order = new Map(
      [...events]
        .sort((a, b) => (a.ts === b.ts ? a.id - b.id : a.ts === null ? -1 : b.ts === null ? 1 : a.ts - b.ts))
        .map((event, i) => [event.id, i]),
    );
    // Queries from the events' own words: single words, two words of one event, two words of neighbouring events, adjacent pairs as typed.
    const random = new SeededRandom(99);
    const words = (text: string): string[] => text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w) && w.length < 40);
    for (let i = 0; i < 60; i++) {
      const at = random.int(0, texts.length - 2);
      const here = words(texts[at] as string);
      const next = words(texts[at + 1] as string);
      if (here.length === 0 || next.length === 0) continue;
      const w = (list: string[]): string => list[random.int(0, list.length - 1)] as string;
      queries.push(w(here), `${w(here)} ${w(here)}`, `${w(here)} ${w(next)}`, `${here[here.length - 1]} ${next[0]}`);
    }
    queries.push('alpha bravo', 'alpha', 'bravo charlie', 'resume', 'RÉSUMÉ ecole', 'naive', 'success send', 'x-3', 'charlie resume');
  });
  after(() => {
    db.close();
    oracle.close();
  });

  function expected(query: string): number[] {
    const search = toFtsQuery(query);
    if (search.kind !== 'match') return [];
    const ids = oracle.prepare('SELECT rowid FROM one_per_event WHERE one_per_event MATCH ?').pluck().all(search.expression) as number[];
    return ids.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  }

  function searched(limits: SearchLimits, query: string): number[] {
    const list = new EventList(new StatementCache(db), SEARCH_READERS, limits);
    const ids: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10_000; pages++) {
      const page = API.listEvents.response.parse(list.list({ query, limit: 37, ...(cursor === undefined ? {} : { cursor }) }));
      ids.push(...page.items.map((e) => e.id));
      if (page.nextCursor === null) return ids;
      cursor = page.nextCursor;
    }
    return assert.fail('paging did not end');
  }

  for (const [name, limits] of [
    ['read column by column and sorted', { sortedMatches: 1_000_000, walk: 1_000_000 }],
    ['read column by column and walked', { sortedMatches: 0, walk: 1_000_000 }],
    ['walked, each event checked on its own', { sortedMatches: 0, walk: 1_000_000, exactRows: 0 }],
    ['walked, each event checked, until the walk gives way to reading every column', { sortedMatches: 0, walk: 30, exactRows: 0 }],
  ] as const) {
    it(`for words, pairs and phrases of the fixtures, the real producers' files and crafted lines, ${name}`, () => {
      assert.ok(queries.length > 200);
      let differing = 0;
      for (const query of queries) {
        const want = expected(query);
        if (want.length > 0) differing++;
        assert.deepEqual(searched(limits, query), want, query);
      }
      assert.ok(differing > 150, 'most queries find something');
      // The crafted lines: words of two neighbouring events are no match, accents and case fold as FTS5 folds them.
      assert.deepEqual(expected('alpha bravo'), []);
      assert.equal(expected('resume').length, 2);
      assert.equal(expected('RÉSUMÉ ecole').length, 2);
      assert.deepEqual(expected('charlie resume'), []);
    });
  }

  it("derives an event's search text again whatever its source's time zone: the check reads as UTC", () => {
    const rows = db.prepare(`SELECT e.family, e.part, e.source_id, s.path, ${rawTextSql('e')} AS raw FROM events e JOIN sources s ON s.id = e.source_id`).all() as {
      family: string; part: number; source_id: number; path: string; raw: string | null;
    }[];
    let compared = 0;
    for (const zone of ['America/New_York', 'Asia/Kolkata']) {
      const zoned = { renormalize: renormalizeIn(() => zone), wholeLineSearchText };
      for (const row of rows) {
        if (row.raw === null) continue;
        // The full path, not the whole line's shortcut: the normalizers are what read times.
        const place = { part: row.part, family: 'not-a-family', source_id: row.source_id };
        const pathOf = (): string => row.path;
        assert.equal(readForSearch(zoned, row.raw, place, pathOf), readForSearch(SEARCH_READERS, row.raw, place, pathOf), `${row.path} in ${zone}`);
        compared++;
      }
    }
    assert.ok(compared > 400, `${compared} compared`);
    assert.equal(compared, 2 * rows.filter((row) => row.raw !== null).length);
  });

  it('keeps to the events of its runs: the runs are fewer than the events', () => {
    const runs = db.prepare('SELECT count(*) FROM text_runs').pluck().get() as number;
    const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
    assert.ok(runs > 0 && runs * 4 < events, `${runs} runs for ${events} events`);
  });
});
