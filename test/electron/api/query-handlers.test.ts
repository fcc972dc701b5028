import { strict as assert } from 'node:assert';
import { readFileSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import type { InspectorService } from '../../../electron/api/inspector-service';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { API, EXECUTION_SORTS, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/api-result';
import { formatExecutionId } from '../../../shared/model/execution-id';
import { EXECUTION_FAMILIES, FAMILIES, type ExecutionFamily } from '../../../shared/model/family';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import type { FixtureManifest } from '../../fixtures/fixture-manifest';
import { indexOnce } from '../../support/index-folder';
import { indexedService } from '../../support/indexed-service';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';

/** Execution-level verdicts the manifest lists per record, not per line. */
const RECORD_VERDICTS = new Set(['record.chain_broken', 'record.execution_hash_mismatch', 'record.stream_document_mismatch']);

const PROGRESS = { phase: 'done', filesTotal: 1, filesDone: 1, bytesTotal: 1, bytesDone: 1, events: 1, message: null, enrichment: null } as const;

interface StoredExecution {
  readonly id: number;
  readonly family: ExecutionFamily;
  readonly key: string;
  readonly label: string | null;
  readonly actor: string | null;
  readonly product: string | null;
  readonly status: string | null;
  readonly outcome: string;
  readonly first_ts: number | null;
  readonly last_ts: number | null;
  readonly event_count: number;
  readonly failure_count: number;
  readonly problem_count: number;
}

const folder = tempFolder('query-handlers');
const manifest: FixtureManifest = writeFixtureFolder(folder, { seed: 17, scale: 2 });
const dbFolder = tempFolder('query-handlers-db');
const dataDir = tempFolder('query-handlers-data');
let db: Database.Database;
let service: InspectorService;
let executions: readonly StoredExecution[] = [];

before(async () => {
  db = openIndexReadOnly(await indexOnce(folder, join(dbFolder, 'index.sqlite')));
  service = indexedService(folder, db, dataDir);
  executions = db.prepare('SELECT * FROM executions').all() as StoredExecution[];
});

after(() => db?.close());

/** Calls a method through the service and parses the answer with the contract's response schema. */
async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await service.call(method, request);
  if (!result.ok) assert.fail(`${method} failed: ${result.error.code} ${result.error.message}`);
  return API[method].response.parse(result.value) as ApiResponse<M>;
}

/** Calls a method that must fail, and returns its error. */
async function failure(method: ApiMethod, request: unknown): Promise<ApiError> {
  const result = await service.call(method, request);
  if (result.ok) assert.fail(`${method} was expected to fail`);
  return result.error;
}

/** Follows nextCursor to the end, with a guard against a cursor that never ends. */
async function everyPage<T>(page: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10_000; pages++) {
    const answer = await page(cursor);
    items.push(...answer.items);
    if (answer.nextCursor === null) return items;
    assert.ok(answer.items.length > 0, 'a page with a next cursor is never empty');
    cursor = answer.nextCursor;
  }
  return assert.fail('paging did not end');
}

function idOf(row: StoredExecution): string {
  return formatExecutionId(row.family, row.key);
}

function manifestExecutionIds(families: readonly ExecutionFamily[] = EXECUTION_FAMILIES): string[] {
  return families.flatMap((family) => manifest.expected.executionKeys[family].map((key) => formatExecutionId(family, key))).sort();
}

/** SQLite's BINARY collation compares UTF-8 bytes; JavaScript's `<` compares UTF-16 units. */
function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** The documented order of a sort: by the value then id, times NULL last in both directions. */
function expectedOrder(rows: readonly StoredExecution[], sort: (typeof EXECUTION_SORTS)[number], descending: boolean): string[] {
  const value = (row: StoredExecution): number | string | null =>
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
    .map(idOf);
}

function containsText(row: StoredExecution, text: string): boolean {
  const needle = text.toLowerCase();
  return [row.key, row.label, row.actor, row.product].some((field) => field !== null && field.toLowerCase().includes(needle));
}

describe('summary', () => {
  it('counts files, events and executions exactly as the generator wrote them', async () => {
    const summary = await call('summary', {});
    assert.equal(summary.folder, realpathSync(folder));
    assert.deepEqual(summary.files, { indexed: manifest.expected.indexedFiles, skipped: manifest.expected.skippedFiles, gone: 0 });
    assert.deepEqual(summary.events, manifest.expected.events);
    assert.deepEqual(summary.executions, manifest.expected.executions);
    assert.deepEqual(summary.progress, PROGRESS);
    assert.equal(summary.indexRebuiltBecause, null);
  });

  it('counts problems per code as the generator booked them, record verdicts aside', async () => {
    const summary = await call('summary', {});
    const booked = new Map<string, number>();
    for (const problem of manifest.expected.problems) booked.set(problem.code, (booked.get(problem.code) ?? 0) + 1);
    const counted = Object.entries(summary.problemsByCode).filter(([code]) => !RECORD_VERDICTS.has(code));
    assert.deepEqual(new Map(counted), booked);
    assert.equal(summary.problems, Object.values(summary.problemsByCode).reduce((a, b) => a + b, 0));
    assert.ok(manifest.expected.records.some((r) => r.chain === 'broken'));
    assert.ok((summary.problemsByCode['record.chain_broken'] ?? 0) >= 1);
  });

  it('breaks executions down by outcome and spans the executions in time', async () => {
    const summary = await call('summary', {});
    const total = Object.values(manifest.expected.executions).reduce((a, b) => a + b, 0);
    assert.equal(Object.values(summary.executionsByOutcome).reduce((a, b) => a + b, 0), total);
    for (const outcome of ['ok', 'failed', 'running', 'unknown']) {
      assert.equal(summary.executionsByOutcome[outcome], executions.filter((x) => x.outcome === outcome).length, outcome);
    }
    const starts = executions.flatMap((x) => (x.first_ts === null ? [] : [x.first_ts]));
    const ends = executions.flatMap((x) => (x.last_ts === null ? [] : [x.last_ts]));
    assert.deepEqual(summary.timeRange, { from: Math.min(...starts), to: Math.max(...ends) });
  });
});

describe('listExecutions', () => {
  it('lists every execution of the manifest once, with its total', async () => {
    const answer = await call('listExecutions', { limit: 500 });
    assert.equal(answer.total, manifestExecutionIds().length);
    assert.deepEqual(answer.items.map((x) => x.id).sort(), manifestExecutionIds());
    for (const row of answer.items) {
      // A single event at one instant spans nothing: its duration is unknown, not 0 ms.
      assert.equal(row.durationMs, row.startMs === null || row.endMs === null || (row.eventCount < 2 && row.startMs === row.endMs) ? null : row.endMs - row.startMs);
    }
  });

  for (const sort of EXECUTION_SORTS) {
    for (const descending of [false, true]) {
      it(`pages by cursor through every execution once, sorted by ${sort}${descending ? ' descending' : ''}`, async () => {
        const rows = await everyPage((cursor) => call('listExecutions', { sort, descending, limit: 7, ...(cursor ? { cursor } : {}) }));
        assert.deepEqual(rows.map((x) => x.id), expectedOrder(executions, sort, descending));
        assert.deepEqual(rows.map((x) => x.id).sort(), manifestExecutionIds());
      });
    }
  }

  it('sorts by start ascending by default, undated executions last', async () => {
    const rows = await everyPage((cursor) => call('listExecutions', { limit: 11, ...(cursor ? { cursor } : {}) }));
    assert.deepEqual(rows.map((x) => x.id), expectedOrder(executions, 'start', false));
  });

  it('filters by family, alone or several, through every page', async () => {
    for (const families of [['record'], ['benson', 'cycle'], ['exec-event', 'stream', 'record']] as ExecutionFamily[][]) {
      for (const sort of ['start', 'failures', 'key'] as const) {
        const pages: { total: number }[] = [];
        const rows = await everyPage(async (cursor) => {
          const page = await call('listExecutions', { families, sort, descending: true, limit: 3, ...(cursor ? { cursor } : {}) });
          pages.push(page);
          return page;
        });
        const expected = executions.filter((x) => families.includes(x.family));
        assert.deepEqual(rows.map((x) => x.id), expectedOrder(expected, sort, true), `${families.join(',')} by ${sort}`);
        assert.deepEqual(rows.map((x) => x.id).sort(), manifestExecutionIds(families));
        for (const page of pages) assert.equal(page.total, expected.length);
      }
    }
  });

  it('filters by status, outcome and problems', async () => {
    const status = executions.find((x) => x.status !== null)?.status;
    assert.ok(status !== undefined && status !== null);
    const cases: [ApiRequest<'listExecutions'>, (x: StoredExecution) => boolean][] = [
      [{ statuses: [status] }, (x) => x.status === status],
      [{ outcomes: ['failed'] }, (x) => x.outcome === 'failed'],
      [{ outcomes: ['ok', 'running'] }, (x) => x.outcome === 'ok' || x.outcome === 'running'],
      [{ hasProblems: true }, (x) => x.problem_count > 0],
      [{ hasProblems: false }, (x) => x.problem_count === 0],
      [{ hasProblems: true, families: ['record'], sort: 'problems' }, (x) => x.problem_count > 0 && x.family === 'record'],
    ];
    for (const [request, keep] of cases) {
      const expected = executions.filter(keep);
      assert.ok(expected.length > 0, JSON.stringify(request));
      const rows = await everyPage((cursor) => call('listExecutions', { ...request, limit: 4, ...(cursor ? { cursor } : {}) }));
      assert.deepEqual(rows.map((x) => x.id), expectedOrder(expected, request.sort ?? 'start', false), JSON.stringify(request));
      assert.equal((await call('listExecutions', request)).total, expected.length);
    }
  });

  it('finds text anywhere in key, label, actor or product, case-insensitively, wildcards taken literally', async () => {
    const sample = executions.find((x) => x.family === 'exec-event' && x.key.length > 6) ?? executions[0];
    assert.ok(sample);
    const middle = sample.key.slice(2, -2).toUpperCase();
    const actor = executions.find((x) => x.actor !== null)?.actor ?? 'nobody';
    for (const text of [middle, actor.slice(1), '%', '_', '\\', '%%', 'a%', '_-', "'", '"']) {
      const expected = executions.filter((x) => containsText(x, text));
      const rows = await everyPage((cursor) => call('listExecutions', { text, limit: 50, ...(cursor ? { cursor } : {}) }));
      assert.deepEqual(rows.map((x) => x.id), expectedOrder(expected, 'start', false), `text ${JSON.stringify(text)}`);
    }
    assert.ok(executions.filter((x) => containsText(x, middle)).length >= 1);
    assert.ok(executions.filter((x) => containsText(x, '%')).length < executions.length, 'an escaped % is no wildcard');
  });

  it('keeps the executions that overlap a time range', async () => {
    const dated = executions.filter((x) => x.first_ts !== null && x.last_ts !== null);
    const starts = dated.map((x) => x.first_ts as number).sort((a, b) => a - b);
    const from = starts[Math.floor(starts.length / 3)] as number;
    const to = starts[Math.floor((2 * starts.length) / 3)] as number;
    const overlaps = (x: StoredExecution, lo?: number, hi?: number): boolean =>
      x.first_ts !== null && x.last_ts !== null && (lo === undefined || x.last_ts >= lo) && (hi === undefined || x.first_ts <= hi);
    for (const [lo, hi] of [[from, to], [from, undefined], [undefined, to], [to, to]] as [number | undefined, number | undefined][]) {
      for (const sort of ['start', 'end'] as const) {
        const request = { sort, ...(lo === undefined ? {} : { from: lo }), ...(hi === undefined ? {} : { to: hi }) };
        const rows = await everyPage((cursor) => call('listExecutions', { ...request, limit: 5, ...(cursor ? { cursor } : {}) }));
        const expected = executions.filter((x) => overlaps(x, lo, hi));
        assert.deepEqual(rows.map((x) => x.id), expectedOrder(expected, sort, false), JSON.stringify(request));
        assert.equal((await call('listExecutions', request)).total, expected.length);
      }
    }
  });

  it('refuses a cursor it did not write', async () => {
    for (const cursor of ['not-a-cursor', Buffer.from('[1,2,3]').toString('base64url'), Buffer.from('["x",1.5]').toString('base64url'), Buffer.from('[null,1]').toString('base64url')]) {
      const error = await failure('listExecutions', { sort: 'events', cursor });
      assert.equal(error.code, 'invalid_request', cursor);
    }
  });
});

describe('listEvents', () => {
  interface StoredEventRef {
    readonly id: number;
    readonly ts: number | null;
  }
  const eventsOf = (executionRowId: number): StoredEventRef[] =>
    db.prepare('SELECT id, ts FROM events WHERE execution_id = ? ORDER BY ts, id').all(executionRowId) as StoredEventRef[];

  it("returns one execution's events in time order, page by page", async () => {
    for (const family of EXECUTION_FAMILIES) {
      const execution = executions.filter((x) => x.family === family).sort((a, b) => b.event_count - a.event_count)[0];
      assert.ok(execution, family);
      const executionId = idOf(execution);
      const rows = await everyPage((cursor) => call('listEvents', { executionId, limit: 3, ...(cursor ? { cursor } : {}) }));
      assert.deepEqual(rows.map((e) => e.id), eventsOf(execution.id).map((e) => e.id), executionId);
      assert.equal(rows.length, execution.event_count);
      assert.ok(rows.every((e) => e.executionId === executionId && e.family === family));
    }
  });

  it('pages through every event once, undated first, then by time', async () => {
    const rows = await everyPage((cursor) => call('listEvents', { limit: 97, ...(cursor ? { cursor } : {}) }));
    const total = Object.values(manifest.expected.events).reduce((a, b) => a + b, 0);
    assert.equal(rows.length, total);
    assert.equal(new Set(rows.map((e) => e.id)).size, total);
    const expected = (db.prepare('SELECT id FROM events ORDER BY ts, id').all() as { id: number }[]).map((e) => e.id);
    assert.deepEqual(rows.map((e) => e.id), expected);
  });

  it('filters by family, failed, kind, status and time', async () => {
    for (const family of FAMILIES) {
      const rows = await everyPage((cursor) => call('listEvents', { families: [family], limit: 100, ...(cursor ? { cursor } : {}) }));
      assert.equal(rows.length, manifest.expected.events[family], family);
    }
    const failed = await everyPage((cursor) => call('listEvents', { failed: true, limit: 100, ...(cursor ? { cursor } : {}) }));
    assert.equal(failed.length, (db.prepare('SELECT count(*) AS n FROM events WHERE failed = 1').get() as { n: number }).n);
    assert.ok(failed.length > 0 && failed.every((e) => e.failed));
    const kind = (db.prepare("SELECT kind, count(*) AS n FROM events WHERE family = 'benson' GROUP BY kind ORDER BY n DESC").get() as { kind: string; n: number });
    const ofKind = await everyPage((cursor) => call('listEvents', { kinds: [kind.kind], families: ['benson'], limit: 100, ...(cursor ? { cursor } : {}) }));
    assert.equal(ofKind.length, kind.n);
    const status = db.prepare('SELECT status, count(*) AS n FROM events WHERE status IS NOT NULL GROUP BY status ORDER BY n DESC').get() as { status: string; n: number };
    const ofStatus = await everyPage((cursor) => call('listEvents', { statuses: [status.status], limit: 100, ...(cursor ? { cursor } : {}) }));
    assert.equal(ofStatus.length, status.n);
    const range = db.prepare('SELECT min(ts) AS lo, max(ts) AS hi FROM events').get() as { lo: number; hi: number };
    const mid = Math.floor((range.lo + range.hi) / 2);
    const later = await everyPage((cursor) => call('listEvents', { from: mid, limit: 100, ...(cursor ? { cursor } : {}) }));
    assert.equal(later.length, (db.prepare('SELECT count(*) AS n FROM events WHERE ts >= ?').get(mid) as { n: number }).n);
    assert.ok(later.every((e) => e.ts !== null && e.ts >= mid));
  });

  it('answers not_found for an execution the index does not have', async () => {
    const error = await failure('listEvents', { executionId: 'record:no-such-execution' });
    assert.equal(error.code, 'not_found');
  });

  it('finds an event by a value it contains, with the row as listed', async () => {
    const target = db.prepare(`SELECT e.id, ${rawTextSql('e')} AS raw FROM events e JOIN executions x ON x.id = e.execution_id WHERE e.family = 'exec-event' ORDER BY e.id LIMIT 1`).get() as { id: number; raw: string };
    const value = (JSON.parse(target.raw) as Record<string, unknown>)['trace_id'];
    assert.equal(typeof value, 'string');
    for (const query of [value as string, `  ${(value as string).toUpperCase()}  `, `${value as string} -`, `"${value as string}"`]) {
      const found = await everyPage((cursor) => call('listEvents', { query, limit: 50, ...(cursor ? { cursor } : {}) }));
      assert.ok(found.some((e) => e.id === target.id), `query ${JSON.stringify(query)}`);
    }
    const both = await call('listEvents', { query: `${value as string} no-such-word-anywhere`, limit: 50 });
    assert.deepEqual(both.items, [], 'terms are all required');
  });

  it('never fails on FTS5 syntax in the search text', async () => {
    const texts = ['"', '*', 'NEAR(', '-', "'", '%', ') OR (', 'a" OR "b', 'NOT', 'x AND', 'col:value', '^start', '(((', 'a NEAR(b c)', '""""', '\\', '\u0000'];
    for (const query of texts) {
      const answer = await call('listEvents', { query, limit: 5 });
      assert.ok(Array.isArray(answer.items), query);
    }
    for (const query of ['"', '*', '-', "'", '%', ')(', '(((', '") ("']) {
      assert.deepEqual((await call('listEvents', { query })).items, [], `punctuation ${JSON.stringify(query)} matches nothing`);
    }
    const all = await call('listEvents', { query: '   ', limit: 5 });
    assert.equal(all.items.length, 5, 'blank text filters nothing');
  });
});

describe('getEvent', () => {
  it('returns the raw line exactly as the file holds it at its offset, parsed and normalized', async () => {
    const sources = db.prepare("SELECT id, path FROM sources WHERE kind IN ('lines', 'json') AND state = 'active'").all() as { id: number; path: string }[];
    const ids = db.prepare('SELECT id FROM events WHERE source_id = ? ORDER BY id').pluck();
    let checked = 0;
    for (const source of sources) {
      const bytes = readFileSync(join(folder, source.path));
      for (const id of (ids.all(source.id) as number[]).slice(0, 4)) {
        const detail = await call('getEvent', { id });
        const { byteOffset, byteLength, path } = detail.event.source;
        assert.equal(path, source.path);
        assert.equal(detail.raw, bytes.subarray(byteOffset, byteOffset + byteLength).toString('utf8'), `${path}@${byteOffset}`);
        assert.equal(detail.event.preview, detail.raw.slice(0, 300));
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(detail.raw);
        } catch {
          parsed = null;
        }
        assert.deepEqual(detail.parsed, parsed);
        assert.equal(detail.normalized.family, detail.event.family);
        assert.equal(detail.normalized.kind, detail.event.kind);
        assert.equal(detail.normalized.timestampMs, detail.event.ts);
        checked++;
      }
    }
    assert.ok(checked > 50);
  });

  it('lists the problems of the event and the same row listEvents shows', async () => {
    const withProblem = db.prepare("SELECT event_id AS id, count(*) AS n FROM problems WHERE event_id IS NOT NULL GROUP BY event_id ORDER BY n DESC, event_id").all() as { id: number; n: number }[];
    assert.ok(withProblem.length > 0);
    for (const { id, n } of withProblem.slice(0, 20)) {
      const detail = await call('getEvent', { id });
      assert.equal(detail.problems.length, n, `event ${id}`);
      assert.ok(detail.problems.every((p) => p.eventId === id));
      const listed = await call('listEvents', { executionId: detail.event.executionId ?? undefined, from: detail.event.ts ?? undefined, to: detail.event.ts ?? undefined, limit: 500 });
      if (detail.event.executionId !== null && detail.event.ts !== null) assert.deepEqual(listed.items.find((e) => e.id === id), detail.event);
    }
  });

  it("keeps a Benson CHECKPOINT's own null execution key while the row names its PAC", async () => {
    const checkpoint = db.prepare("SELECT id FROM events WHERE family = 'benson' AND kind = 'CHECKPOINT' AND execution_id IS NOT NULL LIMIT 1").pluck().get() as number | undefined;
    assert.ok(checkpoint !== undefined);
    const detail = await call('getEvent', { id: checkpoint });
    assert.equal(detail.normalized.executionKey, null);
    assert.match(detail.event.executionId ?? '', /^benson:/);
  });

  it('answers not_found for an id the index does not have', async () => {
    assert.equal((await failure('getEvent', { id: 987_654_321 })).code, 'not_found');
  });
});

describe('listProblems', () => {
  it('lists the problems of each code at the files and lines the generator booked', async () => {
    const codes = [...new Set(manifest.expected.problems.map((p) => p.code))];
    assert.ok(codes.length > 5);
    for (const code of codes) {
      const rows = await everyPage((cursor) => call('listProblems', { codes: [code], limit: 4, ...(cursor ? { cursor } : {}) }));
      const booked = manifest.expected.problems.filter((p) => p.code === code).map((p) => `${p.file}:${p.line}`).sort();
      assert.deepEqual(rows.map((p) => `${p.path}:${p.line}`).sort(), booked, code);
      assert.deepEqual(rows.map((p) => p.id), [...rows.map((p) => p.id)].sort((a, b) => a - b), 'ordered by id');
    }
  });

  it('counts per code over the other filters, whatever codes are asked for', async () => {
    const summary = await call('summary', {});
    const all = await call('listProblems', { limit: 1 });
    assert.deepEqual(all.countsByCode, summary.problemsByCode);
    const some = await call('listProblems', { codes: ['line.invalid_json'], limit: 1 });
    assert.deepEqual(some.countsByCode, summary.problemsByCode);
    const every = await everyPage((cursor) => call('listProblems', { limit: 13, ...(cursor ? { cursor } : {}) }));
    assert.equal(every.length, summary.problems);
  });

  it('filters by path text, wildcards taken literally', async () => {
    const file = manifest.expected.problems[0]?.file;
    assert.ok(file !== undefined);
    const part = file.slice(file.lastIndexOf('/') + 1, -3).toUpperCase();
    const rows = await everyPage((cursor) => call('listProblems', { path: part, limit: 50, ...(cursor ? { cursor } : {}) }));
    const booked = manifest.expected.problems.filter((p) => p.file.toLowerCase().includes(part.toLowerCase()));
    assert.ok(rows.length >= booked.length && booked.length > 0);
    assert.ok(rows.every((p) => p.path !== null && p.path.toLowerCase().includes(part.toLowerCase())));
    const counts = (await call('listProblems', { path: part })).countsByCode;
    assert.equal(Object.values(counts).reduce((a, b) => a + b, 0), rows.length);
    for (const text of ['%', '_']) {
      const literal = await everyPage((cursor) => call('listProblems', { path: text, limit: 100, ...(cursor ? { cursor } : {}) }));
      assert.ok(literal.every((p) => p.path !== null && p.path.includes(text)), text);
    }
  });

  it("lists an execution's problems, as many as its problem count", async () => {
    const noisy = executions.filter((x) => x.problem_count > 0);
    assert.ok(noisy.length > 0);
    for (const execution of noisy) {
      const rows = await everyPage((cursor) => call('listProblems', { executionId: idOf(execution), limit: 2, ...(cursor ? { cursor } : {}) }));
      assert.equal(rows.length, execution.problem_count, idOf(execution));
      assert.ok(rows.every((p) => p.executionId === idOf(execution)));
    }
    assert.equal((await failure('listProblems', { executionId: 'benson:PAC-NOPE' })).code, 'not_found');
  });
});

describe('histogram', () => {
  const dated = (): { n: number; failed: number } => db.prepare('SELECT count(*) AS n, sum(failed) AS failed FROM events WHERE ts IS NOT NULL').get() as { n: number; failed: number };

  it('counts every event with a timestamp once, split failed and ok', async () => {
    const expected = dated();
    for (const buckets of [undefined, 1, 7, 500]) {
      const answer = await call('histogram', buckets === undefined ? {} : { buckets });
      const asked = buckets ?? 60;
      assert.ok(answer.from !== null && answer.to !== null);
      assert.equal(answer.bucketMs, Math.ceil((answer.to - answer.from + 1) / asked));
      assert.ok(answer.buckets.length <= asked && answer.buckets.length > 0);
      assert.equal(answer.buckets.reduce((sum, b) => sum + b.ok + b.failed, 0), expected.n, `buckets ${asked}`);
      assert.equal(answer.buckets.reduce((sum, b) => sum + b.failed, 0), expected.failed);
      answer.buckets.forEach((b, i) => assert.equal(b.start, (answer.from as number) + i * answer.bucketMs));
    }
  });

  it('counts a family within an explicit range, and refuses a range that ends before it starts', async () => {
    const range = db.prepare("SELECT min(ts) AS lo, max(ts) AS hi, count(*) AS n FROM events WHERE family = 'exec-event' AND ts IS NOT NULL").get() as { lo: number; hi: number; n: number };
    const answer = await call('histogram', { from: range.lo, to: range.hi, buckets: 10, families: ['exec-event'] });
    assert.equal(answer.buckets.reduce((sum, b) => sum + b.ok + b.failed, 0), range.n);
    assert.equal((await failure('histogram', { from: 10, to: 5 })).code, 'invalid_request');
  });
});

describe('listSources', () => {
  it('pages through every file in path order, and filters by state', async () => {
    const rows = await everyPage((cursor) => call('listSources', { limit: 3, ...(cursor ? { cursor } : {}) }));
    assert.deepEqual(rows.map((s) => s.path), manifest.files.map((f) => f.path).sort(compareBytes));
    const skipped = await everyPage((cursor) => call('listSources', { states: ['skipped'], limit: 2, ...(cursor ? { cursor } : {}) }));
    assert.equal(skipped.length, manifest.expected.skippedFiles);
    assert.ok(skipped.every((s) => s.state === 'skipped'));
    const events = rows.reduce((sum, s) => sum + s.eventCount, 0);
    assert.equal(events, Object.values(manifest.expected.events).reduce((a, b) => a + b, 0));
  });
});
