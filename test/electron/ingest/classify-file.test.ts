import { strict as assert } from 'node:assert';
import { appendFileSync, copyFileSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { classifyByName } from '../../../electron/ingest/classify-file';
import { assertSameIndex } from '../../support/assert-same-index';
import { indexOnce, query } from '../../support/index-folder';
import { snapshot, type IndexSnapshot } from '../../support/index-snapshot';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';
import { versionBeforeMigration } from '../../support/version-before-migration';
import { openIndex } from '../../../electron/index/open-index';

/** A pretty-printed record document, as the executor writes it (61 lines). */
const RECORD = join(PRODUCER_SAMPLES, 'executions', 'exec-fail-2.json');
/** JSON lines, as Benson writes them (34 lines, one event each). */
const JSON_LINES = join(PRODUCER_SAMPLES, 'logs', 'benson_telemetry.jsonl');

/** A snapshot's rows sorted, with one file's name replaced by another, so two folders differing only in that name compare equal. */
function renamed(of: IndexSnapshot, from: string, to: string): IndexSnapshot {
  const rename = (rows: string[]): string[] => rows.map((row) => row.split(from).join(to)).sort();
  return {
    events: rename(of.events), executions: rename(of.executions), problems: rename(of.problems), steps: rename(of.steps),
    counts: rename(of.counts), spans: rename(of.spans), derived: rename(of.derived), fullText: rename(of.fullText),
  };
}

/** Indexes a sample copied as `name` into one folder and as `name.1` into another: the plain file, and the same file rotated. */
async function indexPlainAndRotated(sample: string, name: string): Promise<{ plainDb: string; rotatedDb: string; rotated: string }> {
  const plain = tempFolder('rot-plain');
  const rotated = tempFolder('rot-rotated');
  copyFileSync(sample, join(plain, name));
  copyFileSync(sample, join(rotated, `${name}.1`));
  return { plainDb: await indexOnce(plain), rotatedDb: await indexOnce(rotated), rotated };
}

function sourceKinds(db: string): unknown[] {
  return query(db, 'SELECT path, kind FROM sources ORDER BY path');
}

function eventIds(db: string, path: string): number[] {
  return query<{ id: number }>(db, 'SELECT e.id FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = ? ORDER BY e.id', path).map((row) => row.id);
}

function problemRows(db: string): string[] {
  return query<{ k: string }>(db, "SELECT coalesce(s.path, '-') || ':' || coalesce(p.line, '-') || ':' || p.code AS k FROM problems p LEFT JOIN sources s ON s.id = p.source_id ORDER BY k").map((row) => row.k);
}

describe('classifying a file by its name', () => {
  it('tells every .json on read, rotated, compressed or both, and reads .jsonl as lines whatever its suffixes', () => {
    for (const name of ['x.json', 'x.json.1', 'X.JSON.12', 'x.json.gz', 'x.json.3.gz']) {
      assert.deepEqual(classifyByName(name), { read: 'json', gzip: name.toLowerCase().endsWith('.gz') }, name);
    }
    for (const name of ['x.jsonl', 'x.jsonl.1', 'x.jsonl.2.gz']) {
      assert.deepEqual(classifyByName(name), { read: 'lines', gzip: name.endsWith('.gz') }, name);
    }
    assert.deepEqual(classifyByName('x.log.1'), { read: 'sniff', gzip: false });
    assert.deepEqual(classifyByName('x.json.bak'), { skip: 'not a telemetry file type (.bak)' });
  });
});

describe('indexing a rotated .json (x.json.1)', () => {
  it('indexes a pretty-printed record rotated as x.json.1 exactly as the plain x.json: one document, the same events, executions and problems', async () => {
    const { plainDb, rotatedDb } = await indexPlainAndRotated(RECORD, 'exec-fail-2.json');
    assert.deepEqual(sourceKinds(rotatedDb), [{ path: 'exec-fail-2.json.1', kind: 'json' }]);
    assert.deepEqual(query(rotatedDb, 'SELECT line, family FROM events'), [{ line: 1, family: 'record' }]);
    assert.ok(!problemRows(rotatedDb).some((problem) => problem.endsWith('line.invalid_json')), problemRows(rotatedDb).join('\n'));
    assertSameIndex(renamed(snapshot(rotatedDb), 'exec-fail-2.json.1', 'exec-fail-2.json'), renamed(snapshot(plainDb), 'exec-fail-2.json', 'exec-fail-2.json'), 'the rotated record');
    // The record's tamper verdict is the plain document's: a rotation changes nothing a reviewer sees.
    const executions = (db: string): unknown[] => query(db, 'SELECT family, key, status, event_count, problem_count, integrity FROM executions ORDER BY family, key');
    assert.deepEqual(executions(rotatedDb), executions(plainDb));
    assert.equal(executions(rotatedDb).length, 1);
  });

  it('reads JSON lines rotated as x.json.1 as a plain .json of JSON lines is read: one event per line, and lines appended later are picked up', async () => {
    const { plainDb, rotatedDb, rotated } = await indexPlainAndRotated(JSON_LINES, 'benson.json');
    const lineCount = readFileSync(JSON_LINES, 'utf8').trimEnd().split('\n').length;
    assert.deepEqual(sourceKinds(rotatedDb), [{ path: 'benson.json.1', kind: 'lines' }]);
    assert.deepEqual(query<{ line: number }>(rotatedDb, 'SELECT line FROM events ORDER BY line').map((row) => row.line), Array.from({ length: lineCount }, (_, index) => index + 1));
    assertSameIndex(renamed(snapshot(rotatedDb), 'benson.json.1', 'benson.json'), renamed(snapshot(plainDb), 'benson.json', 'benson.json'), 'the rotated JSON lines');
    // Grown: the new line is read from where the last read stopped, the lines before keep their events.
    const before = eventIds(rotatedDb, 'benson.json.1');
    const lastLine = readFileSync(JSON_LINES, 'utf8').trimEnd().split('\n').at(-1) ?? '';
    appendFileSync(join(rotated, 'benson.json.1'), `${lastLine.replace('"event_type": "', '"event_type": "APPENDED_')}\n`);
    await indexOnce(rotated, rotatedDb);
    const after = eventIds(rotatedDb, 'benson.json.1');
    assert.equal(after.length, lineCount + 1);
    assert.deepEqual(after.slice(0, lineCount), before, 'the lines read before are not read again');
    const [appended] = query<{ line: number; raw: string }>(rotatedDb, `SELECT line, ${rawTextSql('events')} AS raw FROM events WHERE id = ?`, after.at(-1));
    assert.equal(appended?.line, lineCount + 1);
    assert.match(appended?.raw ?? '', /APPENDED_/);
  });

  it('keeps a pretty-printed record rotated from x.json to x.json.1 once, as a clean index of the result has it, with or without a next x.json', async () => {
    const folder = tempFolder('rot-rename');
    const db = join(tempFolder('rot-rename-db'), 'index.sqlite');
    copyFileSync(RECORD, join(folder, 'exec.json'));
    await indexOnce(folder, db);
    renameSync(join(folder, 'exec.json'), join(folder, 'exec.json.1'));
    await indexOnce(folder, db);
    assertSameIndex(snapshot(db), snapshot(await indexOnce(folder)), 'rotated away');
    assert.equal(query<{ n: number }>(db, 'SELECT count(*) AS n FROM events')[0]?.n, 1);
    copyFileSync(join(PRODUCER_SAMPLES, 'executions', 'exec-ok-1.json'), join(folder, 'exec.json'));
    renameSync(join(folder, 'exec.json.1'), join(folder, 'exec.json.2'));
    await indexOnce(folder, db);
    assertSameIndex(snapshot(db), snapshot(await indexOnce(folder)), 'rotated on, with the next document');
    assert.deepEqual(query(db, 'SELECT s.path, x.key FROM events e JOIN sources s ON s.id = e.source_id JOIN executions x ON x.id = e.execution_id ORDER BY s.path'), [
      { path: 'exec.json', key: 'exec-ok-1' },
      { path: 'exec.json.2', key: 'exec-fail-2' },
    ]);
  });

  it('reads JSON lines over the document cap as lines without the cap problem, plain or rotated; a document over it keeps the problem', async () => {
    const folder = tempFolder('rot-cap');
    copyFileSync(JSON_LINES, join(folder, 'benson.json'));
    copyFileSync(JSON_LINES, join(folder, 'benson.json.1'));
    copyFileSync(RECORD, join(folder, 'exec-fail-2.json.1'));
    const cap = 1_000;
    assert.ok(readFileSync(JSON_LINES).length > cap && readFileSync(RECORD).length > cap, 'both files are over the cap');
    const db = await indexOnce(folder, undefined, { maxDocumentBytes: cap });
    const lineCount = readFileSync(JSON_LINES, 'utf8').trimEnd().split('\n').length;
    assert.equal(eventIds(db, 'benson.json').length, lineCount);
    assert.equal(eventIds(db, 'benson.json.1').length, lineCount);
    const problems = problemRows(db);
    assert.ok(!problems.some((problem) => problem.startsWith('benson.')), problems.join('\n'));
    assert.ok(problems.includes('exec-fail-2.json.1:-:file.document_too_large'), problems.join('\n'));
    assert.ok(problems.includes('exec-fail-2.json.1:2:line.invalid_json'), 'the document over the cap was read as JSON lines');
    assert.deepEqual(sourceKinds(db), [
      { path: 'benson.json', kind: 'lines' },
      { path: 'benson.json.1', kind: 'lines' },
      { path: 'exec-fail-2.json.1', kind: 'lines' },
    ]);
  });

  it('reads as a document an x.json.1 an index of the schema before read as lines: that index is rebuilt (018 and older are)', async () => {
    const folder = tempFolder('rot-upgrade');
    const db = join(tempFolder('rot-upgrade-db'), 'index.sqlite');
    // The old reading, made for real: the record under a name read as lines, then given the `.json.1` name it had.
    copyFileSync(RECORD, join(folder, 'exec-fail-2.jsonl'));
    copyFileSync(JSON_LINES, join(folder, 'benson.json.1'));
    // A `.jsonl.1` with a line that is not JSON is JSON lines whatever it holds.
    writeFileSync(join(folder, 'bad.jsonl.1'), `${readFileSync(JSON_LINES, 'utf8').split('\n')[0]}\n{not json\n`);
    await indexOnce(folder, db);
    assert.ok(problemRows(db).includes('exec-fail-2.jsonl:2:line.invalid_json'), problemRows(db).join('\n'));
    assert.ok(problemRows(db).includes('bad.jsonl.1:2:line.invalid_json'));
    renameSync(join(folder, 'exec-fail-2.jsonl'), join(folder, 'exec-fail-2.json.1'));
    const raw = new Database(db);
    raw.prepare("UPDATE sources SET path = 'exec-fail-2.json.1' WHERE path = 'exec-fail-2.jsonl'").run();
    raw.pragma(`user_version = ${versionBeforeMigration('-rotated-json-documents')}`);
    raw.close();
    const reopened = openIndex(db, realpathSync(folder));
    reopened.db.close();
    assert.match(reopened.rebuiltBecause ?? '', /older schema/);
    await indexOnce(folder, db);
    const clean = await indexOnce(folder);
    assertSameIndex(snapshot(db), snapshot(clean), 'the upgraded index');
    assert.deepEqual(sourceKinds(db), [
      { path: 'bad.jsonl.1', kind: 'lines' },
      { path: 'benson.json.1', kind: 'lines' },
      { path: 'exec-fail-2.json.1', kind: 'json' },
    ]);
    assert.ok(!problemRows(db).some((problem) => problem.startsWith('exec-fail-2.json.1:') && problem.endsWith(':line.invalid_json')), problemRows(db).join('\n'));
  });
});
