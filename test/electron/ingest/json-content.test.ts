import { strict as assert } from 'node:assert';
import { readFileSync, realpathSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { JsonLinesSniff, readJsonContent, type JsonContent } from '../../../electron/ingest/json-content';
import { ListedFile } from '../../../electron/ingest/listed-file';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { exampleTraceDocument, otlpRequest, spanIdOf, spanJson, traceIdOf } from '../../fixtures/write-otlp';
import { indexOnce, query } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';
import { versionBeforeMigration } from '../../support/version-before-migration';
import { openIndex } from '../../../electron/index/open-index';

const pretty = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const MS = 1_000_000n;

/** A request of one span per line, as the Collector's file exporter writes them. */
function otlpLines(count: number): string {
  return Array.from({ length: count }, (_, index) =>
    JSON.stringify(otlpRequest({ 'service.name': 'svc' }, { name: 'lib' }, [spanJson({ traceId: traceIdOf(0x70 + index), spanId: spanIdOf(0x71), name: `op ${index}`, startNs: 1_767_225_600_000n * MS, endNs: 1_767_225_601_000n * MS })])),
  )
    .map((line) => `${line}\n`)
    .join('');
}

async function contentOf(bytes: Buffer, maxBytes = 1 << 20): Promise<JsonContent> {
  const path = join(tempFolder('gz-content'), 'x.json.gz');
  writeFileSync(path, bytes);
  const st = statSync(path, { bigint: true });
  const file = ListedFile.open(path, `${st.dev}:${st.ino}`);
  assert.ok(file);
  try {
    return await readJsonContent(file, true, maxBytes);
  } finally {
    await file.close();
  }
}

/** The sniff's decision with the content fed one byte at a time: chunk boundaries must not matter. */
function sniffBytewise(text: string): 'lines' | 'document' {
  const sniff = new JsonLinesSniff();
  for (const byte of Buffer.from(text)) if (sniff.push(Buffer.from([byte])) !== null) break;
  return sniff.decided ?? sniff.end();
}

interface EventRow {
  readonly path: string;
  readonly kind: string;
  readonly line: number;
  readonly part: number;
  readonly family: string;
  readonly eventKind: string;
  readonly raw: string;
}

function eventRows(db: string): EventRow[] {
  return query<EventRow>(
    db,
    `SELECT s.path, s.kind, e.line, e.part, e.family, e.kind AS eventKind, ${rawTextSql('e')} AS raw FROM events e JOIN sources s ON s.id = e.source_id ORDER BY s.path, e.line, e.part`,
  );
}

function problemRows(db: string): string[] {
  return query<{ k: string }>(db, "SELECT coalesce(s.path, '-') || ':' || coalesce(p.line, '-') || ':' || p.code AS k FROM problems p LEFT JOIN sources s ON s.id = p.source_id ORDER BY k").map((row) => row.k);
}

describe('telling a .json.gz: one document or JSON lines', () => {
  it('reads a pretty-printed document whole, its decompressed bytes exactly', async () => {
    const text = pretty(exampleTraceDocument());
    const content = await contentOf(gzipSync(text));
    assert.equal(content.read, 'document');
    assert.equal(content.read === 'document' ? content.bytes.toString('utf8') : null, text);
  });

  it('leaves JSON lines to the line reader as soon as the second line starts, however large the file', async () => {
    assert.deepEqual(await contentOf(gzipSync(otlpLines(2_000)), 4096), { read: 'lines' });
  });

  it('takes content of one line, and a first line followed by blanks only, for a document (it parses whole)', async () => {
    assert.equal((await contentOf(gzipSync('{"a":1}'))).read, 'document');
    assert.equal((await contentOf(gzipSync('{"a":1}\n\n  \n'))).read, 'document');
    assert.equal((await contentOf(gzipSync(''))).read, 'document');
  });

  it('looks past a byte order mark and blank lines at the start', async () => {
    assert.equal((await contentOf(gzipSync(`\ufeff\n\n${pretty({ resourceSpans: [] })}`))).read, 'document');
    assert.deepEqual(await contentOf(gzipSync(`\ufeff\r\n${otlpLines(2)}`)), { read: 'lines' });
  });

  it('decides the same whatever the chunk boundaries', () => {
    assert.equal(sniffBytewise(pretty(exampleTraceDocument())), 'document');
    assert.equal(sniffBytewise(otlpLines(3)), 'lines');
    assert.equal(sniffBytewise('{"a":1}\r\n'), 'document');
    assert.equal(sniffBytewise('  {"a":1}\r\n{"b":2}'), 'lines');
  });

  it('stops at the cap: a document over it is too large, a first line over it is a line for the line cap', async () => {
    assert.deepEqual(await contentOf(gzipSync(pretty({ blob: 'x'.repeat(10_000), more: [1, 2, 3] })), 4096), { read: 'too-large' });
    assert.deepEqual(await contentOf(gzipSync(`${JSON.stringify({ blob: 'x'.repeat(10_000) })}\n{"b":2}\n`), 4096), { read: 'lines' });
  });

  it('reports damage before the document is whole, and leaves damage after a complete first line to the line reader', async () => {
    const damaged = await contentOf(Buffer.from('not gzip at all\n'));
    assert.equal(damaged.read, 'damaged');
    const document = gzipSync(pretty({ blob: 'y'.repeat(50_000), items: Array.from({ length: 500 }, (_, index) => index) }));
    const truncated = await contentOf(document.subarray(0, Math.floor(document.length / 2)));
    assert.equal(truncated.read, 'damaged');
    assert.match(truncated.read === 'damaged' ? String(truncated.error) : '', /unexpected end of file/);
    const lines = gzipSync(`{"a":1}\n${'{"b":2}\n'.repeat(20_000)}`);
    assert.deepEqual(await contentOf(lines.subarray(0, lines.length - 12)), { read: 'lines' });
  });
});

describe('indexing .json.gz files', () => {
  it('opens a gzipped pretty-printed OTLP trace as a plain .json document opens: same spans, same raw text, no line problems', async () => {
    const plain = tempFolder('gz-doc-plain');
    const zipped = tempFolder('gz-doc-zipped');
    const text = pretty(exampleTraceDocument());
    writeFileSync(join(plain, 'trace.json'), text);
    writeFileSync(join(zipped, 'trace.json.gz'), gzipSync(text));
    // Rotated and compressed, too.
    writeFileSync(join(zipped, 'trace.json.1.gz'), gzipSync(pretty(otlpRequest({ 'service.name': 'rotated' }, { name: 'lib' }, [spanJson({ traceId: traceIdOf(0x99), spanId: spanIdOf(0x91), name: 'rotated root', startNs: 1n * MS, endNs: 2n * MS })]))));
    const fromPlain = eventRows(await indexOnce(plain));
    const db = await indexOnce(zipped);
    const fromZipped = eventRows(db);
    const strip = (rows: EventRow[]): unknown[] => rows.map((row) => [row.line, row.part, row.family, row.eventKind, row.raw]);
    assert.deepEqual(strip(fromZipped.filter((row) => row.path === 'trace.json.gz')), strip(fromPlain));
    assert.deepEqual([...new Set(fromZipped.map((row) => `${row.path}:${row.kind}`))], ['trace.json.1.gz:gzip-json', 'trace.json.gz:gzip-json']);
    assert.deepEqual(fromZipped.filter((row) => row.path === 'trace.json.1.gz').map((row) => [row.line, row.eventKind]), [[1, 'rotated root']]);
    // The example's parent is never written: its orphan problem, on line 1, is the only one.
    assert.deepEqual(problemRows(db), ['trace.json.gz:1:otlp.orphan_span']);
  });

  it('opens gzipped pretty-printed documents of the other families as their plain files open: the hearth record and the BER report', async () => {
    const plain = tempFolder('gz-samples-plain');
    const zipped = tempFolder('gz-samples-zipped');
    for (const [name, sample] of [['exec-ok-1.json', join(PRODUCER_SAMPLES, 'executions', 'exec-ok-1.json')], ['ber_telemetry.json', join(PRODUCER_SAMPLES, 'ber_telemetry.json')]] as const) {
      const bytes = readFileSync(sample);
      writeFileSync(join(plain, name), bytes);
      writeFileSync(join(zipped, `${name}.gz`), gzipSync(bytes));
    }
    const plainDb = await indexOnce(plain);
    const zippedDb = await indexOnce(zipped);
    const strip = (rows: EventRow[]): unknown[] => rows.map((row) => [row.path.replace(/\.gz$/, ''), row.line, row.part, row.family, row.eventKind, row.raw]);
    const fromZipped = eventRows(zippedDb);
    assert.deepEqual(strip(fromZipped), strip(eventRows(plainDb)));
    assert.deepEqual(fromZipped.map((row) => [row.path, row.family, row.line]), [['ber_telemetry.json.gz', 'benson', 1], ['exec-ok-1.json.gz', 'record', 1]]);
    // The record's status and tamper verdict are the plain document's: compression changes nothing a reviewer sees.
    const executions = (db: string): unknown[] => query(db, 'SELECT family, key, status, event_count, problem_count, integrity FROM executions ORDER BY family, key');
    assert.deepEqual(executions(zippedDb), executions(plainDb));
    assert.deepEqual(problemRows(zippedDb), problemRows(plainDb).map((problem) => problem.replace(/^([^:]+\.json):/, '$1.gz:')));
  });

  it('keeps reading a .json.gz of JSON lines as lines: OTLP requests and executor events, one event per line', async () => {
    const folder = tempFolder('gz-lines');
    writeFileSync(join(folder, 'collector.json.gz'), gzipSync(otlpLines(3)));
    writeFileSync(join(folder, 'events.json.1.gz'), gzipSync('{"trace_id":"t-1","action_type":"send_email","adapter":"smtp","product":"crm","status":"success","timestamp":"2026-01-01T00:00:00Z"}\n{"trace_id":"t-2","action_type":"send_email","adapter":"smtp","product":"crm","status":"success","timestamp":"2026-01-01T00:00:01Z"}\n'));
    const db = await indexOnce(folder);
    const rows = eventRows(db);
    assert.deepEqual(rows.map((row) => [row.path, row.kind, row.line, row.family]), [
      ['collector.json.gz', 'gzip', 1, 'otlp'],
      ['collector.json.gz', 'gzip', 2, 'otlp'],
      ['collector.json.gz', 'gzip', 3, 'otlp'],
      ['events.json.1.gz', 'gzip', 1, 'exec-event'],
      ['events.json.1.gz', 'gzip', 2, 'exec-event'],
    ]);
    assert.deepEqual(problemRows(db), []);
  });

  it('reports a corrupt, a truncated and an invalid compressed document as problems, and indexes nothing of them', async () => {
    const folder = tempFolder('gz-bad');
    const document = gzipSync(pretty({ ...exampleTraceDocument(), padding: 'z'.repeat(40_000) }));
    writeFileSync(join(folder, 'corrupt.json.gz'), Buffer.concat([document.subarray(0, 10), Buffer.alloc(200, 0x55), document.subarray(210)]));
    writeFileSync(join(folder, 'truncated.json.gz'), document.subarray(0, Math.floor(document.length / 2)));
    writeFileSync(join(folder, 'not-gzip.json.gz'), 'plain text, not gzip\n');
    writeFileSync(join(folder, 'invalid.json.gz'), gzipSync('{\n  "resourceSpans": [\n    {"resource": }\n  ]\n}\n'));
    writeFileSync(join(folder, 'cut-document.json.gz'), gzipSync('{\n  "resourceSpans": [\n'));
    const db = await indexOnce(folder);
    assert.deepEqual(eventRows(db), []);
    assert.deepEqual(problemRows(db), [
      'corrupt.json.gz:-:file.gzip_corrupt',
      'cut-document.json.gz:1:line.truncated',
      'invalid.json.gz:1:line.invalid_json',
      'not-gzip.json.gz:-:file.gzip_corrupt',
      'truncated.json.gz:-:file.gzip_corrupt',
    ]);
    const [message] = query<{ message: string }>(db, "SELECT p.message FROM problems p JOIN sources s ON s.id = p.source_id WHERE s.path = 'truncated.json.gz'");
    assert.match(message?.message ?? '', /truncated\.json\.gz: unexpected end of file; the compressed JSON document could not be read whole/);
    // Indexed again, nothing changed: the problems are not reported twice.
    await indexOnce(folder, db);
    assert.equal(problemRows(db).length, 5);
  });

  it('reads a compressed document over the document cap as JSON lines, with the cap problem', async () => {
    const folder = tempFolder('gz-cap');
    writeFileSync(join(folder, 'big.json.gz'), gzipSync(pretty({ blob: 'q'.repeat(5_000), n: 1 })));
    writeFileSync(join(folder, 'lines.json.gz'), gzipSync(otlpLines(40)));
    const db = await indexOnce(folder, undefined, { maxDocumentBytes: 2_000 });
    const problems = problemRows(db);
    assert.ok(problems.includes('big.json.gz:-:file.document_too_large'), problems.join('\n'));
    assert.ok(problems.includes('big.json.gz:1:line.invalid_json'), 'its lines were read as JSON lines');
    assert.ok(!problems.some((problem) => problem.startsWith('lines.json.gz')), 'JSON lines are no document: the cap does not apply to them');
    assert.equal(eventRows(db).filter((row) => row.path === 'lines.json.gz').length, 40);
  });

  it('indexes a compressed document once: indexed again, renamed by a rotation, or replaced, its events are never doubled', async () => {
    const folder = tempFolder('gz-again');
    const db = join(tempFolder('gz-again-db'), 'index.sqlite');
    const trace = (name: string, spans: number): string =>
      pretty(otlpRequest({ 'service.name': name }, { name: 'lib' }, Array.from({ length: spans }, (_, index) => spanJson({ traceId: traceIdOf(0x51), spanId: spanIdOf(0x510 + index), ...(index > 0 ? { parentSpanId: spanIdOf(0x510) } : {}), name: `${name} ${index}`, startNs: 10n * MS, endNs: 20n * MS }))));
    writeFileSync(join(folder, 'trace.json.gz'), gzipSync(trace('first', 3)));
    await indexOnce(folder, db);
    const first = query<{ id: number; raw: string }>(db, `SELECT id, ${rawTextSql('events')} AS raw FROM events ORDER BY id`);
    assert.equal(first.length, 3);
    await indexOnce(folder, db);
    assert.deepEqual(query(db, `SELECT id, ${rawTextSql('events')} AS raw FROM events ORDER BY id`), first, 'indexed again: the same events, the same ids');
    // Rotated: the same file under the next name is the same source, not read again.
    renameSync(join(folder, 'trace.json.gz'), join(folder, 'trace.json.1.gz'));
    await indexOnce(folder, db);
    assert.deepEqual(query(db, `SELECT id, ${rawTextSql('events')} AS raw FROM events ORDER BY id`), first, 'renamed: the same events, the same ids');
    assert.deepEqual(query(db, 'SELECT path, state, kind FROM sources'), [{ path: 'trace.json.1.gz', state: 'active', kind: 'gzip-json' }]);
    // Replaced by another document: the old one's events go, the new one's come, once.
    writeFileSync(join(folder, 'trace.json.1.gz'), gzipSync(trace('second', 2)));
    await indexOnce(folder, db);
    const clean = await indexOnce(folder);
    assert.deepEqual(eventRows(db), eventRows(clean));
    assert.deepEqual(eventRows(db).map((row) => row.eventKind), ['second 0', 'second 1']);
    assert.deepEqual(problemRows(db), problemRows(clean));
    assert.equal(query<{ n: number }>(db, 'SELECT count(*) AS n FROM otlp_spans')[0]?.n, 2);
  });

  it('reads as a document a .json.gz an index of the schema before read as lines: that index is rebuilt (018 and older are)', async () => {
    const folder = tempFolder('gz-upgrade');
    const db = join(tempFolder('gz-upgrade-db'), 'index.sqlite');
    // The old reading, made for real: the document under a name read as gzip lines, then given the `.json.gz` name it had.
    writeFileSync(join(folder, 'trace.jsonl.gz'), gzipSync(pretty(exampleTraceDocument())));
    writeFileSync(join(folder, 'collector.json.gz'), gzipSync(otlpLines(2)));
    await indexOnce(folder, db);
    assert.ok(problemRows(db).includes('trace.jsonl.gz:1:line.invalid_json'));
    renameSync(join(folder, 'trace.jsonl.gz'), join(folder, 'trace.json.gz'));
    const raw = new Database(db);
    raw.prepare("UPDATE sources SET path = 'trace.json.gz' WHERE path = 'trace.jsonl.gz'").run();
    raw.pragma(`user_version = ${versionBeforeMigration('-json-gz-documents')}`);
    raw.close();
    const reopened = openIndex(db, realpathSync(folder));
    reopened.db.close();
    assert.match(reopened.rebuiltBecause ?? '', /older schema/);
    await indexOnce(folder, db);
    const clean = await indexOnce(folder);
    assert.deepEqual(eventRows(db), eventRows(clean));
    assert.deepEqual(problemRows(db), ['trace.json.gz:1:otlp.orphan_span']);
    assert.deepEqual(query(db, 'SELECT path, kind FROM sources ORDER BY path'), [{ path: 'collector.json.gz', kind: 'gzip' }, { path: 'trace.json.gz', kind: 'gzip-json' }]);
  });

  it('while watching: a compressed document cut short is a problem until it is whole, then read once; rotated, its events stay and the next one is added', async () => {
    const folder = realpathSync(tempFolder('gz-watch'));
    const db = join(tempFolder('gz-watch-db'), 'index.sqlite');
    const trace = (name: string, spanBase: number): Buffer =>
      gzipSync(pretty({ ...otlpRequest({ 'service.name': name }, { name: 'lib' }, [0, 1].map((index) => spanJson({ traceId: traceIdOf(spanBase), spanId: spanIdOf(spanBase * 16 + index), ...(index > 0 ? { parentSpanId: spanIdOf(spanBase * 16) } : {}), name: `${name} ${index}`, startNs: 10n * MS, endNs: 20n * MS }))), padding: 'p'.repeat(30_000) }));
    const waitFor = async (what: string, check: () => boolean): Promise<void> => {
      const started = Date.now();
      while (!check()) {
        if (Date.now() - started > 5000) assert.fail(`timed out waiting for ${what}: ${JSON.stringify([eventRows(db).map((row) => row.eventKind), problemRows(db)])}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const first = trace('first', 0x61);
    writeFileSync(join(folder, 'trace.json.gz'), first.subarray(0, Math.floor(first.length / 2)));
    const session = new IngestSession({ folder, dbPath: db });
    try {
      await session.watch();
      assert.deepEqual(problemRows(db), ['trace.json.gz:-:file.gzip_corrupt']);
      assert.deepEqual(eventRows(db), []);
      writeFileSync(join(folder, 'trace.json.gz'), first);
      await waitFor('the whole document', () => eventRows(db).length === 2);
      assert.deepEqual(problemRows(db), []);
      const ids = query<{ id: number }>(db, 'SELECT id FROM events ORDER BY id');
      renameSync(join(folder, 'trace.json.gz'), join(folder, 'trace.json.1.gz'));
      writeFileSync(join(folder, 'trace.json.gz'), trace('second', 0x62));
      await waitFor('the next document', () => eventRows(db).length === 4);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.deepEqual(eventRows(db).map((row) => [row.path, row.eventKind]), [
        ['trace.json.1.gz', 'first 0'],
        ['trace.json.1.gz', 'first 1'],
        ['trace.json.gz', 'second 0'],
        ['trace.json.gz', 'second 1'],
      ]);
      assert.deepEqual(query<{ id: number }>(db, "SELECT e.id FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = 'trace.json.1.gz' ORDER BY e.id"), ids);
      assert.deepEqual(problemRows(db), []);
    } finally {
      await session.close();
    }
  });
});
