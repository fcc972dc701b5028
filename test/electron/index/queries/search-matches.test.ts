import { strict as assert } from 'node:assert';
import { appendFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { openIndexReadOnly } from '../../../../electron/index/open-index';
import { EventList, type ListEventsRequest, type SearchLimits } from '../../../../electron/index/queries/list-events';
import { StatementCache } from '../../../../electron/index/queries/statement-cache';
import { rawTextSql } from '../../../../electron/index/raw-blocks';
import { API } from '../../../../shared/api/contract';
import { scanWithoutEnrichment } from '../../../support/deferred-scan';
import { indexOnce } from '../../../support/index-folder';
import { writeFixtureFolder } from '../../../fixtures/fixture-folder';
import { SeededRandom } from '../../../fixtures/seeded-random';
import { tempFolder } from '../../../support/temp-folder';
import { SEARCH_READERS } from '../../../../electron/ingest/search-readers';

/** Adapters by how often they occur: `common` in most lines, `rare` in a few, every line has `smtp` or `http`. */
function adapterFor(random: SeededRandom): string {
  const roll = random.int(0, 99);
  return roll < 2 ? 'rare smtp' : roll < 70 ? 'common smtp' : 'plain http';
}

describe('full-text search pages: sorted matches, a walk in time order, and the walk giving way', () => {
  const folder = tempFolder('search-strategies');
  let db: Database.Database;
  let dbPath: string;
  let all: { id: number; ts: number | null; family: string; words: Set<string> }[] = [];
  const random = new SeededRandom(41);

  function readAll(): void {
    all = (db.prepare(`SELECT e.id, e.ts, e.family, ${rawTextSql('e')} AS raw FROM events e`).all() as { id: number; ts: number | null; family: string; raw: string }[]).map((row) => ({
      id: row.id, ts: row.ts, family: row.family,
      words: new Set(String((JSON.parse(row.raw) as { adapter: string }).adapter).split(' ')),
    }));
  }

  function lines(file: string, n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) {
      const ts = random.int(0, 9) === 0 ? '' : `,"timestamp":"2026-03-02T10:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}Z"`;
      out += `{"trace_id":"${file}-${i}-${random.int(0, 1e9)}","action_type":"send","adapter":"${adapterFor(random)}","status":"success","product":"crm"${ts}}\n`;
    }
    return out;
  }

  before(async () => {
    // Three files whose times interleave, so ingest order (event ids) is not time order; some lines have no time.
    for (const file of ['a', 'b', 'c']) writeFileSync(join(folder, `${file}.jsonl`), lines(file, 700));
    dbPath = await indexOnce(folder);
    db = openIndexReadOnly(dbPath);
    readAll();
  });
  after(() => db.close());

  /** What a search must answer: the events holding every word, undated first, then by time, ties by id. */
  function expected(words: string[], keep: (e: (typeof all)[number]) => boolean = () => true): number[] {
    return all
      .filter((e) => words.every((w) => e.words.has(w)) && keep(e))
      .sort((a, b) => (a.ts === b.ts ? a.id - b.id : a.ts === null ? -1 : b.ts === null ? 1 : a.ts - b.ts))
      .map((e) => e.id);
  }

  /** Every SQL text asked for, so a test can tell which way a page was read. */
  const asked = new Set<string>();
  class RecordingCache extends StatementCache {
    override get(sql: string): Database.Statement {
      asked.add(sql);
      return super.get(sql);
    }
  }

  function pageAll(limits: SearchLimits | EventList, request: ListEventsRequest): number[] {
    const list = limits instanceof EventList ? limits : new EventList(new RecordingCache(db), SEARCH_READERS, limits);
    const ids: number[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10_000; pages++) {
      const page = API.listEvents.response.parse(list.list({ ...request, ...(cursor === undefined ? {} : { cursor }) }));
      ids.push(...page.items.map((e) => e.id));
      if (page.nextCursor === null) return ids;
      cursor = page.nextCursor;
    }
    return assert.fail('paging did not end');
  }

  const strategies: [string, SearchLimits, { walks: boolean; sorts: boolean }][] = [
    ['sorted matches', { sortedMatches: 1_000_000, walk: 1_000_000 }, { walks: false, sorts: true }],
    ['a walk over a match set', { sortedMatches: 10, walk: 1_000_000 }, { walks: true, sorts: true }],
    ['a walk that gives way to sorting', { sortedMatches: 10, walk: 40 }, { walks: true, sorts: true }],
    // Every word's events checked one by one as the walk meets them, as a word many full-text rows match is.
    ['a walk that checks each event', { sortedMatches: 10, walk: 1_000_000, exactRows: 0 }, { walks: true, sorts: false }],
    ['a walk that checks each event, then gives way to sorting', { sortedMatches: 10, walk: 40, exactRows: 0 }, { walks: true, sorts: true }],
    ['a walk that checks each event until its checks run out, then gives way to sorting', { sortedMatches: 10, walk: 1_000_000, exactRows: 0, checks: 30 }, { walks: true, sorts: true }],
    ['a walk that gives way where it meets no match', { sortedMatches: 10, walk: 1_000_000, barren: 5 }, { walks: true, sorts: true }],
    ['a walk that checks each event and gives way where it meets none to check', { sortedMatches: 10, walk: 1_000_000, exactRows: 0, barren: 5 }, { walks: true, sorts: true }],
  ];

  for (const [name, limits, ways] of strategies) {
    it(`answers every search exactly through ${name}`, () => {
      asked.clear();
      assert.ok(expected(['common']).length > 1_000 && expected(['rare']).length > 10, 'the folder has common and rare words');
      for (const [query, words] of [['common', ['common']], ['rare', ['rare']], ['smtp common', ['smtp', 'common']], ['http common', ['http', 'common']]] as const) {
        for (const limit of [1, 7, 100]) {
          assert.deepEqual(pageAll(limits, { query, limit }), expected([...words]), `${query} by ${limit}`);
        }
        assert.deepEqual(pageAll(limits, { query, limit: 50, families: ['exec-event'] }), expected([...words], (e) => e.family === 'exec-event'), `${query} in one family`);
        const from = Date.parse('2026-03-02T10:20:00Z');
        const to = Date.parse('2026-03-02T10:40:00Z');
        assert.deepEqual(
          pageAll(limits, { query, limit: 13, from, to }),
          expected([...words], (e) => e.ts !== null && e.ts >= from && e.ts <= to),
          `${query} in a time window`,
        );
      }
      const sql = [...asked];
      assert.equal(sql.some((text) => text.startsWith('SELECT e.id, e.ts FROM events e WHERE')), ways.walks, 'walked in time order');
      // Rare words are sorted under every strategy; the walk that gives way sorts common ones too.
      assert.equal(sql.some((text) => text.includes('CROSS JOIN')), ways.sorts, 'sorted the matches');
    });
  }

  it('a walk checks no more events than its budget, and fills a page from the events it could afford', () => {
    asked.clear();
    const budget = 60;
    const list = new EventList(new RecordingCache(db), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000, exactRows: 0, checks: budget });
    const searches = (list as unknown as { searches: { check(...args: unknown[]): number } }).searches;
    const check = searches.check.bind(searches);
    let checks = 0;
    searches.check = (...args) => {
      const n = check(...args);
      checks += n;
      return n;
    };
    // Most events match: a page of 20 lies within the first 60 checked, though the walk's first read holds 128.
    const page = list.list({ query: 'common', limit: 20 });
    assert.deepEqual(page.items.map((e) => e.id), expected(['common']).slice(0, 20));
    assert.ok(checks > 20 && checks <= budget, `checked ${checks}, at most ${budget}`);
    assert.equal([...asked].some((text) => text.includes('CROSS JOIN')), false, 'the walk filled the page: nothing sorted');
    // A word in 2 % of the lines cannot fill a page of 20 within 60 checks: the walk gives way, and the page is the same.
    checks = 0;
    assert.deepEqual(list.list({ query: 'rare smtp', limit: 20 }).items.map((e) => e.id), expected(['rare', 'smtp']).slice(0, 20));
    assert.ok(checks <= budget, `checked ${checks}, at most ${budget}`);
  });

  it('a walk that meets no match in a long stretch gives way to sorting, with the same page', () => {
    // The first dated events in time order from which the next 60 hold no rare word, and a rare one follows.
    const dated = all.filter((e) => e.ts !== null).sort((a, b) => (a.ts === b.ts ? a.id - b.id : (a.ts as number) - (b.ts as number)));
    const start = dated.findIndex(
      (e, i) => (i === 0 || (dated[i - 1]?.ts as number) < (e.ts as number)) && dated.slice(i, i + 60).every((d) => !d.words.has('rare')) && dated.slice(i + 60).some((d) => d.words.has('rare')),
    );
    assert.ok(start >= 0, 'the folder has a stretch of 60 events without the rare word');
    const from = dated[start]?.ts as number;
    const request = { query: 'rare', limit: 1, from };
    const want = expected(['rare'], (e) => e.ts !== null && e.ts >= from).slice(0, 1);
    assert.equal(want.length, 1);
    for (const [barren, sorts] of [[1_000_000, false], [50, true]] as const) {
      asked.clear();
      const list = new EventList(new RecordingCache(db), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000, barren });
      assert.deepEqual(list.list(request).items.map((e) => e.id), want, `barren ${barren}`);
      assert.equal([...asked].some((text) => text.startsWith('SELECT e.id, e.ts FROM events e WHERE')), true, 'walked first');
      assert.equal([...asked].some((text) => text.includes('CROSS JOIN')), sorts, sorts ? 'gave way after 50 events without a match' : 'the walk found the match itself');
    }
  });

  it('keeps a common word\'s match set right while the folder changes: appended events in, taken-back ones out', async () => {
    // Read column by column, and checked event by event.
    const lists = [
      new EventList(new StatementCache(db), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000 }),
      new EventList(new StatementCache(db), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000, exactRows: 0 }),
    ];
    for (const list of lists) assert.deepEqual(pageAll(list, { query: 'common', limit: 100 }), expected(['common']));
    appendFileSync(join(folder, 'a.jsonl'), lines('a-more', 300));
    writeFileSync(join(folder, 'c.jsonl'), lines('c-again', 50));
    await indexOnce(folder, dbPath);
    readAll();
    for (const list of lists) {
      assert.deepEqual(pageAll(list, { query: 'common', limit: 100 }), expected(['common']), 'after an append and a replaced file');
      assert.deepEqual(pageAll(list, { query: 'common', limit: 100, from: Date.parse('2026-03-02T10:30:00Z') }), expected(['common'], (e) => e.ts !== null && e.ts >= Date.parse('2026-03-02T10:30:00Z')));
    }
  });
});

/** Every event a search lists, page by page, in the list's order. */
function searchAll(list: EventList, query: string): number[] {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const answer = API.listEvents.response.parse(list.list({ query, limit: 200, ...(cursor === undefined ? {} : { cursor }) }));
    ids.push(...answer.items.map((e) => e.id));
    cursor = answer.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return ids;
}

describe('a common word searched while the enrichment adds full text', () => {
  it('finds, once the enrichment is done, every event its full text reached after the first search', async () => {
    const folder = realpathSync(tempFolder('search-during-enrichment'));
    const random = new SeededRandom(7);
    for (const file of ['a', 'b']) {
      let out = '';
      for (let i = 0; i < 1_500; i++) out += `{"trace_id":"${file}-${i}","action_type":"send","adapter":"${adapterFor(random)}","status":"success","timestamp":"2026-03-02T10:00:${String(i % 60).padStart(2, '0')}Z"}\n`;
      writeFileSync(join(folder, `${file}.jsonl`), out);
    }
    // The scan of a large folder: events stored, their full text left to the enrichment.
    const { dbPath, writer, db: writerDb } = await scanWithoutEnrichment(folder);
    writer.enrichment.step(1_000, 50);
    const reader = openIndexReadOnly(dbPath);
    try {
      const commonIds = (): number[] =>
        (reader.prepare(`SELECT e.id, ${rawTextSql('e')} AS raw FROM events e ORDER BY e.ts, e.id`).all() as { id: number; raw: string }[])
          .filter((row) => String((JSON.parse(row.raw) as { adapter: string }).adapter).includes('common'))
          .map((row) => row.id);
      const list = new EventList(new StatementCache(reader), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000 });
      const checked = new EventList(new StatementCache(reader), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000, exactRows: 0 });
      const page = (): number[] => {
        const ids = searchAll(list, 'common');
        assert.deepEqual(searchAll(checked, 'common'), ids, 'the same, each event checked');
        return ids;
      };
      const early = page();
      const enriched = writer.enrichment.marks().textThrough;
      assert.ok(enriched > 0 && enriched < writer.enrichment.marks().lastEventId, 'the enrichment is part way');
      assert.deepEqual(early, commonIds().filter((id) => id <= enriched), 'during the enrichment: the events with full text');
      while (!writer.enrichment.step(1_000, 50).finished);
      assert.ok(commonIds().length > early.length + 500);
      assert.deepEqual(page(), commonIds(), 'after it: every event, though the word was searched before');
    } finally {
      reader.close();
      writerDb.close();
    }
  });
});

describe('searches remembered through a whole enrichment', () => {
  it('answer at its end exactly as a reader that never searched before: every family, common and rare words', async () => {
    const folder = realpathSync(tempFolder('search-through-enrichment'));
    writeFixtureFolder(join(folder, 'mixed'), { seed: 11, scale: 2 });
    const { dbPath, writer, db: writerDb } = await scanWithoutEnrichment(folder);
    const reader = openIndexReadOnly(dbPath);
    try {
      const queries = ['success', 'exec', 'step', 'plan', 'trace', 'PAC', 'completed', 'error', 'send email'];
      // Match sets from ten matches on: nearly every word here is common.
      const remembered = new EventList(new StatementCache(reader), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000 });
      const rememberedChecked = new EventList(new StatementCache(reader), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000, exactRows: 0 });
      let steps = 0;
      for (;;) {
        for (const query of queries) {
          searchAll(remembered, query);
          searchAll(rememberedChecked, query);
        }
        steps++;
        if (writer.enrichment.step(300, 50).finished) break;
      }
      assert.ok(steps > 5, 'searched between many steps');
      const fresh = new EventList(new StatementCache(reader), SEARCH_READERS, { sortedMatches: 10, walk: 1_000_000 });
      const sorted = new EventList(new StatementCache(reader), SEARCH_READERS, { sortedMatches: 1_000_000, walk: 1_000_000 });
      for (const query of queries) {
        const expected = searchAll(sorted, query);
        assert.ok(expected.length > 0, `${query} matches`);
        assert.deepEqual(searchAll(remembered, query), expected, `${query}, remembered since the scan`);
        assert.deepEqual(searchAll(rememberedChecked, query), expected, `${query}, remembered since the scan, each event checked`);
        assert.deepEqual(searchAll(fresh, query), expected, `${query}, by a new reader`);
      }
    } finally {
      reader.close();
      writerDb.close();
    }
  });
});
