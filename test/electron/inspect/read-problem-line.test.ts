import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import type { InspectorService } from '../../../electron/api/inspector-service';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { API, EVENTS_BEFORE_ANCHOR, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { indexOnce } from '../../support/index-folder';
import { indexedService } from '../../support/indexed-service';
import { tempFolder } from '../../support/temp-folder';

const folder = tempFolder('problem-line');
writeFixtureFolder(folder, { seed: 23 });
const dbFolder = tempFolder('problem-line-db');
const dataDir = tempFolder('problem-line-data');
let db: Database.Database;
let service: InspectorService;

before(async () => {
  db = openIndexReadOnly(await indexOnce(folder, join(dbFolder, 'index.sqlite')));
  service = indexedService(folder, db, dataDir);
});

after(() => db?.close());

async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await service.call(method, request);
  if (!result.ok) assert.fail(`${method} failed: ${result.error.code} ${result.error.message}`);
  return API[method].response.parse(result.value) as ApiResponse<M>;
}

/** The problems of one code in one file. */
async function problemsIn(code: string, pathEnd: string): Promise<ApiResponse<'listProblems'>['items']> {
  const page = await call('listProblems', { codes: [code as never], limit: 500 });
  return page.items.filter((row) => row.path?.endsWith(pathEnd));
}

/** The bytes a line's segments stand for. */
function bytesOf(segments: ApiResponse<'getProblemLine'>['lines'][number]['segments']): Buffer {
  return Buffer.concat(segments.map((segment) => ('text' in segment ? Buffer.from(segment.text, 'utf8') : Buffer.from(segment.bytes, 'hex'))));
}

/** The file's lines as bytes, split on \n, without a \r before it. */
function fileLines(path: string): Buffer[] {
  const bytes = readFileSync(join(folder, ...path.split('/')));
  const lines: Buffer[] = [];
  let start = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.subarray(start, at > start && bytes[at - 1] === 0x0d ? at - 1 : at));
    start = at + 1;
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

describe('getProblemLine: a malformed line and its neighbours, byte for byte, from the file', () => {
  it('gives the invalid JSON line of damaged.jsonl and three lines each side, exactly as in the file, linking the lines that are events', async () => {
    const [problem] = await problemsIn('line.invalid_json', 'damaged.jsonl');
    assert.ok(problem !== undefined && problem.line !== null && problem.path !== null && problem.eventId === null, 'the fixture has an invalid JSON line that is no event');
    const answer = await call('getProblemLine', { id: problem.id });
    assert.equal(answer.unavailable, null);
    assert.deepEqual(answer.problem, problem);
    const lines = fileLines(problem.path);
    assert.deepEqual(
      answer.lines.map((line) => line.line),
      Array.from({ length: 7 }, (_, i) => problem.line! - 3 + i).filter((n) => n >= 1 && n <= lines.length),
    );
    for (const line of answer.lines) {
      assert.deepEqual(bytesOf(line.segments), lines[line.line - 1], `line ${line.line} as in the file`);
      assert.equal(line.truncated, false);
    }
    const target = answer.lines.find((line) => line.line === problem.line) ?? assert.fail('the problem line is there');
    assert.equal(target.eventId, null, 'a malformed line is no event');
    assert.match(bytesOf(target.segments).toString('utf8'), /"status":success\}/);
    const events = await call('listEvents', { limit: 500 });
    for (const line of answer.lines.filter((l) => l.eventId !== null)) {
      const event = events.items.find((row) => row.id === line.eventId) ?? (await call('getEvent', { id: line.eventId! })).event;
      assert.equal(event.source.line, line.line);
      assert.equal(event.source.byteOffset, line.byteOffset);
    }
  });

  it('shows NUL bytes and invalid UTF-8 as hex, never as text, and control characters never reach a text segment', async () => {
    const [nul] = await problemsIn('line.nul_bytes', '');
    assert.ok(nul !== undefined);
    const answer = await call('getProblemLine', { id: nul.id });
    const line = answer.lines.find((l) => l.line === nul.line) ?? assert.fail('the NUL line is read');
    assert.deepEqual(line.segments, [{ bytes: '00'.repeat(64) }]);
    const invalid = answer.lines.find((l) => bytesOf(l.segments).includes(Buffer.from([0xc3, 0x28])));
    assert.ok(invalid !== undefined, 'the invalid UTF-8 neighbour is among the lines');
    assert.ok(invalid.segments.some((segment) => 'bytes' in segment && segment.bytes === 'c3'));
    assert.ok(invalid.segments.some((segment) => 'bytes' in segment && segment.bytes === 'ff'));
    const hidden = (c: number): boolean => (c < 0x20 && c !== 0x09) || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfffd;
    for (const l of answer.lines) for (const segment of l.segments) if ('text' in segment) assert.ok(![...segment.text].some((ch) => hidden(ch.codePointAt(0) ?? 0)), JSON.stringify(segment.text));
  });

  it('cuts an over-long line and says so, and reads a truncated final line to the end of the file', async () => {
    const [long] = await problemsIn('line.too_long', 'debug-dump.jsonl');
    assert.ok(long !== undefined);
    const answer = await call('getProblemLine', { id: long.id });
    const line = answer.lines.find((l) => l.line === long.line) ?? assert.fail('the long line is read');
    assert.equal(line.truncated, true);
    assert.ok(line.byteLength > 1_000_000);
    assert.equal(bytesOf(line.segments).length, 64 * 1024);
    const [truncated] = await problemsIn('line.truncated', '');
    assert.ok(truncated !== undefined && truncated.path !== null);
    const cut = await call('getProblemLine', { id: truncated.id });
    assert.equal(cut.unavailable, null);
    const last = cut.lines.at(-1) ?? assert.fail('lines');
    assert.equal(last.line, truncated.line);
    assert.deepEqual(bytesOf(last.segments), fileLines(truncated.path).at(-1));
  });

  it('shows a JSON document, which the index reads as one line, whole, with its line breaks, and checks it against its event', async () => {
    const all = await call('listProblems', { limit: 500 });
    const documents = db.prepare("SELECT p.id FROM problems p JOIN sources s ON s.id = p.source_id WHERE s.kind = 'json' AND p.line IS NOT NULL").pluck().all() as number[];
    assert.ok(documents.length > 0, 'the fixture has problems in JSON documents');
    for (const id of documents) {
      const problem = all.items.find((row) => row.id === id) ?? assert.fail(`problem ${id}`);
      const answer = await call('getProblemLine', { id });
      assert.equal(answer.unavailable, null, problem.path ?? '');
      assert.equal(answer.lines.length, 1);
      const line = answer.lines[0] ?? assert.fail('line 1');
      const bytes = readFileSync(join(folder, ...(problem.path ?? '').split('/')));
      const bom = bytes[0] === 0xef ? 3 : 0;
      assert.equal(line.byteLength, bytes.length - bom);
      assert.deepEqual(bytesOf(line.segments), bytes.subarray(bom, bom + Math.min(bytes.length - bom, 64 * 1024)));
      assert.equal(line.eventId, problem.eventId);
    }
  });

  it('answers not_found for a problem the index does not have, and refuses a request that is not by id', async () => {
    const missing = await service.call('getProblemLine', { id: 987_654_321 });
    assert.ok(!missing.ok && missing.error.code === 'not_found');
    for (const request of [{ path: 'logs/executor/damaged.jsonl' }, { id: 1, path: '/etc/passwd' }, { id: -1 }, {}]) {
      const refused = await service.call('getProblemLine', request);
      assert.ok(!refused.ok && refused.error.code === 'invalid_request', JSON.stringify(request));
    }
  });

  it('shows nothing but why when the file changed under the index', async () => {
    const [problem] = await problemsIn('line.not_object', 'damaged.jsonl');
    assert.ok(problem !== undefined && problem.path !== null);
    const path = join(folder, ...problem.path.split('/'));
    const original = readFileSync(path);
    try {
      writeFileSync(path, Buffer.concat([Buffer.from('{"inserted":"a line that moves every byte after it"}\n'), original]));
      const changed = await call('getProblemLine', { id: problem.id });
      assert.deepEqual(changed.lines, []);
      assert.match(changed.unavailable ?? '', /changed since it was indexed/);
    } finally {
      writeFileSync(path, original);
    }
    assert.equal((await call('getProblemLine', { id: problem.id })).unavailable, null, 'as indexed again, it is shown');
  });
});

describe('listEvents anchored at an event, and the kinds it suggests', () => {
  it('starts the first page a few events before the anchor, which it holds, and pages on from there in order', async () => {
    const all: ApiResponse<'listEvents'>['items'] = [];
    for (let cursor: string | null | undefined; cursor !== null; ) {
      const page: ApiResponse<'listEvents'> = await call('listEvents', { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      all.push(...page.items);
      cursor = page.nextCursor;
    }
    for (const at of [0, 2, EVENTS_BEFORE_ANCHOR, Math.floor(all.length / 2), all.length - 1]) {
      const anchor = all[at] ?? assert.fail('event');
      const page = await call('listEvents', { anchor: anchor.id, limit: 20 });
      const start = Math.max(0, at - EVENTS_BEFORE_ANCHOR);
      assert.deepEqual(page.items.map((row) => row.id), all.slice(start, start + 20).map((row) => row.id), `anchored at #${at}`);
      if (page.nextCursor !== null) {
        const next = await call('listEvents', { anchor: anchor.id, cursor: page.nextCursor, limit: 5 });
        assert.deepEqual(next.items.map((row) => row.id), all.slice(start + 20, start + 25).map((row) => row.id), 'a cursor wins over the anchor');
      }
    }
    const filtered = await call('listEvents', { families: ['stream'], limit: 500 });
    const mid = filtered.items[10] ?? assert.fail('stream events');
    const anchored = await call('listEvents', { families: ['stream'], anchor: mid.id, limit: 3 });
    assert.deepEqual(anchored.items.map((row) => row.id), filtered.items.slice(10 - EVENTS_BEFORE_ANCHOR, 10 - EVENTS_BEFORE_ANCHOR + 3).map((row) => row.id), 'neighbours under the same filters');
    assert.deepEqual((await call('listEvents', { anchor: 987_654_321, limit: 3 })).items.map((row) => row.id), all.slice(0, 3).map((row) => row.id), 'an unknown anchor starts at the beginning');
  });

  it('matches kinds without regard to case and lists the kinds with their counts, most frequent first', async () => {
    const kinds = await call('listEventKinds', {});
    assert.ok(kinds.items.length > 3);
    const counts = kinds.items.map((item) => item.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a));
    const upper = kinds.items.find((item) => /[A-Z]/.test(item.kind) && item.kind.toLowerCase() !== item.kind) ?? assert.fail('an upper-case kind');
    const exact = await call('listEvents', { kinds: [upper.kind], limit: 500 });
    const lower = await call('listEvents', { kinds: [upper.kind.toLowerCase()], limit: 500 });
    assert.deepEqual(lower.items.map((row) => row.id), exact.items.map((row) => row.id));
    const total = db.prepare('SELECT count(*) AS n FROM events WHERE kind = ? COLLATE NOCASE').get(upper.kind) as { n: number };
    assert.equal(exact.items.length, Math.min(500, total.n));
  });
});
