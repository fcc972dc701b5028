import { strict as assert } from 'node:assert';
import { appendFileSync, readFileSync, renameSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { indexOnce, query } from '../../support/index-folder';
import { tempFolder } from '../../support/temp-folder';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { fullTextMatchesIn } from '../../support/full-text-matches';

function execLine(trace: string, status: 'success' | 'failed' = 'success'): string {
  const error = status === 'failed' ? ',"error_code":"ADAPTER_EXCEPTION"' : '';
  return `{"trace_id":"${trace}","action_type":"send_email","adapter":"smtp","status":"${status}","product":"crm","timestamp":"2026-03-02T10:15:04.120Z"${error}}\n`;
}

function lines(prefix: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) out += execLine(`${prefix}-${i}`);
  return out;
}

interface EventRow {
  path: string;
  state: string;
  line: number;
  raw: string;
}

function events(dbPath: string): EventRow[] {
  return query<EventRow>(dbPath, `SELECT s.path, s.state, e.line, ${rawTextSql('e')} AS raw FROM events e JOIN sources s ON s.id = e.source_id ORDER BY s.path, e.line`);
}

function assertNoDuplicates(rows: readonly EventRow[]): void {
  const raws = rows.map((r) => r.raw);
  assert.equal(new Set(raws).size, raws.length, 'every event indexed exactly once');
}

function executionCount(dbPath: string): number {
  return query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM executions')[0]!.n;
}

describe('incremental indexing', () => {
  it('reads only appended bytes, waits for an unfinished line, and never duplicates', async () => {
    const folder = tempFolder('incr');
    const db = join(tempFolder('incr-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    writeFileSync(file, lines('a', 0, 3));
    await indexOnce(folder, db);
    assert.equal(events(db).length, 3);

    appendFileSync(file, lines('a', 3, 5));
    await indexOnce(folder, db);
    const after = events(db);
    assert.equal(after.length, 5);
    assertNoDuplicates(after);
    assert.deepEqual(after.map((r) => r.line), [1, 2, 3, 4, 5]);

    // A one-shot index settles an unfinished final line as a problem, without indexing it.
    const half = execLine('a-5');
    appendFileSync(file, half.slice(0, 40));
    await indexOnce(folder, db);
    assert.equal(events(db).length, 5);
    assert.deepEqual(query(db, "SELECT line, code FROM problems WHERE code = 'line.truncated'"), [{ line: 6, code: 'line.truncated' }]);

    // When the rest of the line arrives, it is indexed once and the truncation problem is gone.
    appendFileSync(file, half.slice(40));
    await indexOnce(folder, db);
    const completed = events(db);
    assert.equal(completed.length, 6);
    assertNoDuplicates(completed);
    assert.equal(completed[5]?.raw, half.trimEnd());
    assert.deepEqual(query(db, "SELECT code FROM problems WHERE code = 'line.truncated'"), []);
  });

  it('re-reads a truncated file from the start and takes back its old events and executions', async () => {
    const folder = tempFolder('trunc');
    const db = join(tempFolder('trunc-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    writeFileSync(file, lines('t', 0, 6));
    await indexOnce(folder, db);
    assert.equal(executionCount(db), 6);

    truncateSync(file, 0);
    writeFileSync(file, lines('u', 0, 2));
    await indexOnce(folder, db);
    const rows = events(db);
    assert.deepEqual(rows.map((r) => JSON.parse(r.raw).trace_id), ['u-0', 'u-1']);
    assert.equal(executionCount(db), 2, 'executions of removed events are removed');
    assert.deepEqual(query(db, "SELECT family, events FROM family_counts WHERE family = 'exec-event'"), [{ family: 'exec-event', events: 2 }]);
  });

  it('takes back the full text of re-read events exactly, and never gives their ids out again', async () => {
    const folder = tempFolder('trunc-fts');
    const db = join(tempFolder('trunc-fts-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    // Many full-text runs, and a line the normalizer keeps as too deep (its text is indexed too).
    writeFileSync(file, lines('old', 0, 4_500) + `{"trace_id":"deep","note":"olddeep","x":${'['.repeat(300)}1${']'.repeat(300)}}\n`);
    await indexOnce(folder, db);
    const matches = (word: string): number => fullTextMatchesIn(db, word).length;
    // The full-text rows themselves, not only the events they lead to: a row left behind would match and lead to nothing.
    const rowsMatching = (word: string): number => (query<{ n: number }>(db, 'SELECT count(*) AS n FROM text_runs_fts WHERE text_runs_fts MATCH ?', word)[0] as { n: number }).n;
    assert.equal(matches('old'), 4_500);
    assert.equal(matches('olddeep'), 1);
    const highest = (query<{ id: number }>(db, 'SELECT max(id) AS id FROM events')[0] as { id: number }).id;

    truncateSync(file, 0);
    writeFileSync(file, lines('new', 0, 3));
    await indexOnce(folder, db);
    assert.equal(matches('old'), 0, 'no taken-back event is found');
    assert.equal(matches('olddeep'), 0);
    assert.equal(rowsMatching('old') + rowsMatching('olddeep'), 0, 'no full-text row of a taken-back event is left');
    assert.deepEqual(query(db, 'SELECT count(*) AS n FROM text_runs'), [{ n: 1 }], 'one run for the three new events');
    assert.equal(matches('new'), 3);
    const ids = query<{ id: number }>(db, 'SELECT id FROM events ORDER BY id').map((r) => r.id);
    assert.ok(ids.every((id) => id > highest), `ids ${ids.join(', ')} come after ${highest}`);
  });

  it('identifies a truncated and rewritten file by its new beginning, so appends to it are read once, not all over again', async () => {
    const folder = tempFolder('trunc-head');
    const db = join(tempFolder('trunc-head-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    // Over the 4 KB head on both sides of the truncation (copytruncate, then the producer writes on).
    writeFileSync(file, lines('before', 0, 60));
    await indexOnce(folder, db);
    truncateSync(file, 0);
    writeFileSync(file, lines('after', 0, 60));
    await indexOnce(folder, db);
    const idsOf = (): number[] => query<{ id: number }>(db, 'SELECT id FROM events ORDER BY id').map((r) => r.id);
    const rewritten = idsOf();
    assert.equal(rewritten.length, 60);

    appendFileSync(file, lines('after', 60, 61));
    await indexOnce(folder, db);
    const ids = idsOf();
    assert.deepEqual(ids.slice(0, 60), rewritten, 'the rewritten lines were not taken back and read again');
    assert.equal(ids.length, 61);
    assert.deepEqual(events(db).map((r) => JSON.parse(r.raw).trace_id).slice(-2), ['after-59', 'after-60']);
  });

  it('notices a same-size rewrite by the head hash', async () => {
    const folder = tempFolder('rewrite');
    const db = join(tempFolder('rewrite-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    writeFileSync(file, lines('p', 0, 2));
    await indexOnce(folder, db);
    const replacement = lines('q', 0, 2);
    writeFileSync(file, replacement);
    appendFileSync(file, lines('q', 2, 3));
    await indexOnce(folder, db);
    assert.deepEqual(events(db).map((r) => JSON.parse(r.raw).trace_id), ['q-0', 'q-1', 'q-2']);
  });

  it('follows logrotate renames, compression and deletion without losing or duplicating events', async () => {
    const folder = tempFolder('rotate');
    const db = join(tempFolder('rotate-db'), 'index.sqlite');
    const live = join(folder, 'exec.jsonl');
    writeFileSync(live, lines('r1', 0, 4));
    await indexOnce(folder, db);

    // Rotation 1: rename + create; lines appended to the old file just before rotating are not lost.
    appendFileSync(live, lines('r1', 4, 5));
    renameSync(live, `${live}.1`);
    writeFileSync(live, lines('r2', 0, 2));
    await indexOnce(folder, db);
    let rows = events(db);
    assertNoDuplicates(rows);
    assert.equal(rows.length, 7);
    assert.deepEqual(
      rows.filter((r) => r.path === 'exec.jsonl.1').map((r) => r.line),
      [1, 2, 3, 4, 5],
      'the rotated file keeps its events and line numbers under its new name',
    );

    // Rotation 2: .1 -> .2 compressed, live -> .1, new live.
    writeFileSync(`${live}.2.gz`, gzipSync(readFileSync(`${live}.1`)));
    unlinkSync(`${live}.1`);
    renameSync(live, `${live}.1`);
    writeFileSync(live, lines('r3', 0, 1));
    await indexOnce(folder, db);
    rows = events(db);
    assertNoDuplicates(rows);
    assert.equal(rows.length, 8);
    assert.deepEqual([...new Set(rows.map((r) => r.path))].sort(), ['exec.jsonl', 'exec.jsonl.1', 'exec.jsonl.2.gz']);

    // Deletion: the events stay, flagged by their source's state.
    rmSync(`${live}.2.gz`);
    await indexOnce(folder, db);
    rows = events(db);
    assert.equal(rows.length, 8);
    assert.equal(rows.filter((r) => r.state === 'gone').length, 5);
    assert.ok(rows.filter((r) => r.state === 'gone').every((r) => r.path.startsWith('exec.jsonl.2.gz (gone #')));

    // A clean index of the folder as it is now has exactly the events of the live sources.
    const clean = events(await indexOnce(folder));
    assert.deepEqual(
      clean.map((r) => [r.path, r.line, r.raw]),
      rows.filter((r) => r.state !== 'gone').map((r) => [r.path, r.line, r.raw]),
    );
  });

  it('treats a different file under the same name as a replacement', async () => {
    const folder = tempFolder('replace');
    const db = join(tempFolder('replace-db'), 'index.sqlite');
    const file = join(folder, 'exec.jsonl');
    writeFileSync(file, lines('old', 0, 3));
    await indexOnce(folder, db);
    const other = join(folder, 'incoming.tmp');
    writeFileSync(other, lines('new', 0, 2));
    renameSync(other, file);
    await indexOnce(folder, db);
    assert.deepEqual(events(db).map((r) => JSON.parse(r.raw).trace_id), ['new-0', 'new-1']);
  });

  it('reopens an unchanged folder without reading or writing anything', async () => {
    const folder = tempFolder('same');
    const db = join(tempFolder('same-db'), 'index.sqlite');
    writeFileSync(join(folder, 'exec.jsonl'), lines('s', 0, 50));
    await indexOnce(folder, db);
    const before = query<{ updated_ms: number }>(db, 'SELECT updated_ms FROM sources');
    await indexOnce(folder, db);
    assert.deepEqual(query(db, 'SELECT updated_ms FROM sources'), before);
    assert.equal(events(db).length, 50);
  });
});
