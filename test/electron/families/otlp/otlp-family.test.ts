import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { rawTextSql } from '../../../../electron/index/raw-blocks';
import { writeOtlpFolder, type OtlpFolder } from '../../../fixtures/write-otlp';
import { indexOnce, query } from '../../../support/index-folder';
import { indexedApi } from '../../../support/indexed-service';
import { tempFolder } from '../../../support/temp-folder';
import { fullTextMatchesIn } from '../../../support/full-text-matches';

const folder = tempFolder('otlp');
const written: OtlpFolder = writeOtlpFolder(folder);
const api = indexedApi(folder);
const { call } = api;

interface EventRow {
  readonly id: number;
  readonly path: string;
  readonly line: number;
  readonly part: number;
  readonly byte_offset: number;
  readonly byte_length: number;
  readonly raw: string;
  readonly kind: string;
  readonly key: string | null;
}

function events(): EventRow[] {
  return api
    .db()
    .prepare(
      `SELECT e.id, s.path, e.line, e.part, e.byte_offset, e.byte_length, ${rawTextSql('e')} AS raw, e.kind, x.key FROM events e
       JOIN sources s ON s.id = e.source_id LEFT JOIN executions x ON x.id = e.execution_id ORDER BY e.id`,
    )
    .all() as EventRow[];
}

/** The file's line `line` (1-based) as its bytes are, without its newline. */
function fileLine(path: string, line: number): string {
  return readFileSync(join(folder, path), 'utf8').split('\n')[line - 1] ?? '';
}

describe('OTLP/JSON trace files', () => {
  it('stores one event per readable span, each pointing at its line: same offset, length and raw line, numbered by part', () => {
    const rows = events();
    const traced = rows.filter((row) => row.key !== null);
    assert.equal(traced.length, written.spans.filter((span) => /^[0-9a-f]{32}$/.test(span.spec.traceId.toLowerCase())).length + written.logs.length);
    const byLine = new Map<string, EventRow[]>();
    for (const row of rows) byLine.set(`${row.path}:${row.line}`, [...(byLine.get(`${row.path}:${row.line}`) ?? []), row]);
    for (const [place, lineRows] of byLine) {
      assert.deepEqual(lineRows.map((row) => row.part), lineRows.map((_, index) => index), `${place}: parts 0..n in order`);
      assert.equal(new Set(lineRows.map((row) => `${row.byte_offset}:${row.byte_length}`)).size, 1, `${place}: one byte range`);
      assert.equal(new Set(lineRows.map((row) => row.raw)).size, 1, `${place}: one raw line`);
    }
    // Raw lines are evidence: exactly the file's bytes (the gzip file's decompressed line, the document whole).
    const collector = byLine.get('otel/collector.jsonl:1')?.[0];
    assert.equal(collector?.raw, fileLine('otel/collector.jsonl', 1));
    assert.equal(byLine.get('otel/example-trace.json:1')?.[0]?.raw, readFileSync(join(folder, 'otel/example-trace.json'), 'utf8'));
    const huge = byLine.get('otel/nasty.jsonl:7') ?? [];
    assert.equal(huge.length, written.hugeSpans);
    assert.equal(huge[0]?.raw, fileLine('otel/nasty.jsonl', 7));
  });

  it('stores the raw text of a line of many spans once, not once per span', () => {
    const [blocks] = query<{ bytes: number }>(api.dbPath, 'SELECT sum(length(data)) AS bytes FROM raw_blocks');
    const hugeLine = Buffer.byteLength(fileLine('otel/nasty.jsonl', 7));
    // Deflated, the whole folder's raw text is far below one copy of the huge line per span (2,000 copies).
    assert.ok((blocks?.bytes ?? 0) < hugeLine, `${blocks?.bytes} bytes of raw blocks for a ${hugeLine}-byte line of ${written.hugeSpans} spans`);
  });

  it('makes a trace one execution, with its spans from several lines and files, failed when a span is in error', async () => {
    const detail = await call('getExecution', { id: `otlp:${written.agentTraceId}` });
    const expected = written.spans.filter((span) => span.spec.traceId === written.agentTraceId);
    const logs = written.logs.filter((log) => log.traceId === written.agentTraceId);
    assert.equal(detail.execution.eventCount, expected.length + logs.length, 'its spans and the log records that name it');
    assert.equal(detail.execution.outcome, 'failed');
    assert.equal(detail.execution.failureCount, expected.filter((span) => span.spec.status?.code === 2).length + logs.filter((log) => log.error).length);
    assert.equal(detail.execution.label, 'agent-svc');
    assert.deepEqual(new Set(detail.events.map((event) => event.source.path)), new Set([...expected, ...logs].map((item) => item.file)));
    assert.equal(detail.execution.startMs, Number(expected.reduce((min, span) => (span.spec.startNs < min ? span.spec.startNs : min), expected[0]?.spec.startNs ?? 0n) / 1_000_000n));
    assert.equal(detail.execution.endMs, Number(expected.reduce((max, span) => (span.spec.endNs > max ? span.spec.endNs : max), 0n) / 1_000_000n));
    // The malformed log record's problems are the trace's too: it names the trace.
    assert.deepEqual(detail.problems.map((problem) => [problem.path, problem.line, problem.code]).sort(), [['otel/logs.jsonl', 2, 'otlp.invalid_id'], ['otel/logs.jsonl', 2, 'otlp.invalid_time']]);
  });

  it('shows each log record in the span it names, by trace and span id', async () => {
    const detail = await call('getExecution', { id: `otlp:${written.agentTraceId}` });
    for (const span of detail.spans) {
      const named = written.logs.filter((log) => log.spanId === span.spanId);
      assert.deepEqual(span.logs.map((log) => [log.spanId, log.severityNumber !== null && log.severityNumber >= 17]), named.map((log) => [log.spanId, log.error]), span.label);
    }
    const tool = detail.spans.find((span) => span.name === 'execute_tool get_weather');
    assert.deepEqual(tool?.logs.map((log) => [log.severityText, log.body]), [['ERROR', 'weather API returned 503']]);
    // A log record that names no trace is a searchable event of no execution.
    const heartbeat = await call('listEvents', { query: 'heartbeat' });
    assert.deepEqual(heartbeat.items.map((event) => [event.kind, event.executionId]), [['log', null]]);
  });

  it('shows the spans as a tree: the root first, its children one level deeper by start, with their events, links, resource and scope', async () => {
    const detail = await call('getExecution', { id: `otlp:${written.agentTraceId}` });
    const root = written.spans.find((span) => span.spec.traceId === written.agentTraceId && span.spec.parentSpanId === undefined)?.spec;
    assert.ok(root !== undefined);
    const children = written.spans.filter((span) => span.spec.parentSpanId === root.spanId).map((span) => span.spec).sort((a, b) => Number(a.startNs - b.startNs));
    assert.deepEqual(detail.spans.map((span) => [span.spanId, span.depth, span.orphan]), [[root.spanId, 0, false], ...children.map((child) => [child.spanId, 1, false])]);
    assert.deepEqual(detail.spans.map((span) => span.label), ['Agent travel-planner', 'Chat gpt-4o (812 in, 64 out tokens)', 'Tool call get_weather', 'Chat gpt-4o (901 in, 210 out tokens)']);
    const tool = detail.spans[2];
    assert.equal(tool?.statusCode, 2);
    assert.equal(tool?.statusMessage, 'upstream 503 from weather.example.com');
    assert.deepEqual(tool?.events.map((event) => [event.name, event.attributes.find((a) => a.key === 'exception.type')?.value]), [['exception', 'HTTPError']]);
    assert.equal(detail.spans[3]?.links.length, 1);
    assert.deepEqual(detail.spans[0]?.resource, [{ key: 'service.name', value: 'agent-svc' }, { key: 'service.version', value: '2.3.1' }]);
    assert.equal(detail.spans[0]?.scope.name, 'opentelemetry.instrumentation.openai');
    assert.equal(detail.spans[1]?.attributes.find((a) => a.key === 'gen_ai.usage.input_tokens')?.value, 812);
    // Each span's event is the span's part of its line.
    for (const span of detail.spans) {
      const event = await call('getEvent', { id: span.eventId });
      assert.equal(event.normalized.kind, span.name);
      assert.equal(event.normalized.failed, span.statusCode === 2);
    }
  });

  it('draws the waterfall as the tree: the trace, then each span under its parent, failures marked', async () => {
    const waterfall = await call('getWaterfall', { id: `otlp:${written.agentTraceId}` });
    assert.deepEqual(waterfall.bars.map((bar) => [bar.depth, bar.label, bar.failed]), [
      [0, `Trace ${written.agentTraceId}`, true],
      [1, 'Agent travel-planner', true],
      [2, 'Chat gpt-4o (812 in, 64 out tokens)', false],
      [2, 'Tool call get_weather', true],
      [2, 'Chat gpt-4o (901 in, 210 out tokens)', false],
    ]);
    const tool = waterfall.bars[3];
    assert.equal(tool?.endMs !== null && tool?.startMs !== null ? (tool?.endMs ?? 0) - (tool?.startMs ?? 0) : null, 1000);
    assert.equal(tool?.detail, 'upstream 503 from weather.example.com');
    const huge = await call('getWaterfall', { id: `otlp:${written.hugeTraceId}` });
    assert.equal(huge.bars.length, written.hugeSpans + 1);
    // A binary tree of 2,000 spans: span i sits at depth floor(log2(i + 1)) under the trace.
    assert.equal(Math.max(...huge.bars.map((bar) => bar.depth)), Math.floor(Math.log2(written.hugeSpans)) + 1);
  });

  it('opens the opentelemetry-proto example trace: its span, times and attributes, as a root with an orphan problem on its line', async () => {
    const detail = await call('getExecution', { id: 'otlp:5b8efff798038103d269b633813fc60c' });
    assert.equal(detail.spans.length, 1);
    const [span] = detail.spans;
    assert.equal(span?.name, "I'm a server span");
    assert.equal(span?.kind, 2);
    assert.equal(span?.startMs, 1544712660000);
    assert.equal(span?.endMs, 1544712661000);
    assert.equal(span?.orphan, true);
    assert.equal(span?.depth, 0);
    assert.deepEqual(span?.attributes, [{ key: 'my.span.attr', value: 'some value' }]);
    assert.deepEqual(detail.problems.map((problem) => [problem.code, problem.path, problem.line, problem.eventId]), [['otlp.orphan_span', 'otel/example-trace.json', 1, span?.eventId]]);
  });

  it('opens a trace pretty-printed as one document inside a .json.gz: one line of spans, its tree, its raw text decompressed, no problem', async () => {
    const path = 'otel/archive/nightly-trace.json.gz';
    const detail = await call('getExecution', { id: `otlp:${written.archivedTraceId}` });
    assert.deepEqual(detail.spans.map((span) => [span.name, span.depth, span.orphan, span.statusCode]), [
      ['nightly export', 0, false, 1],
      ['SELECT orders', 1, false, 0],
      ['PUT orders.csv', 1, false, 0],
    ]);
    assert.deepEqual(detail.problems, []);
    const rows = events().filter((row) => row.path === path);
    assert.deepEqual(rows.map((row) => [row.line, row.part]), [[1, 0], [1, 1], [1, 2]]);
    assert.equal(rows[0]?.raw, gunzipSync(readFileSync(join(folder, path))).toString('utf8'));
    const [source] = query<{ kind: string }>(api.dbPath, 'SELECT kind FROM sources WHERE path = ?', path);
    assert.equal(source?.kind, 'gzip-json');
    const fileProblems = (await call('listProblems', { limit: 500 })).items.filter((problem) => problem.path === path);
    assert.deepEqual(fileProblems, []);
  });

  it('reports every malformed piece as a problem with its file and line, and loses no line', async () => {
    const problems = (await call('listProblems', { limit: 500 })).items;
    for (const expected of written.problems) {
      assert.ok(
        problems.some((problem) => problem.code === expected.code && problem.path === expected.file && problem.line === expected.line),
        `${expected.code} at ${expected.file}:${expected.line}; got ${JSON.stringify(problems.map((p) => [p.code, p.path, p.line]))}`,
      );
    }
    assert.equal(problems.length, written.problems.length + 2, 'two bad-id spans and two bad-time spans are one problem each on their lines');
    // Every line of every file is an event (a request without spans too): nothing disappears.
    const lines = new Set(events().map((row) => `${row.path}:${row.line}`));
    const nastyLines = readFileSync(join(folder, 'otel/nasty.jsonl'), 'utf8').split('\n').length - 1;
    for (let line = 1; line <= nastyLines; line++) assert.ok(lines.has(`otel/nasty.jsonl:${line}`), `nasty line ${line}`);
    // A problem's line is shown from the file, and names the line's first event.
    const orphan = problems.find((problem) => problem.code === 'otlp.orphan_span' && problem.path === 'otel/nasty.jsonl');
    assert.ok(orphan !== undefined);
    const shown = await call('getProblemLine', { id: orphan.id });
    assert.equal(shown.unavailable, null);
    const target = shown.lines.find((line) => line.line === 1);
    assert.equal(target?.eventId, events().find((row) => row.path === 'otel/nasty.jsonl' && row.line === 1 && row.part === 0)?.id);
  });

  it('finds a span by a value of its own, not its siblings on the same line', async () => {
    const found = await call('listEvents', { query: 'huge-1234' });
    assert.deepEqual(found.items.map((event) => event.kind), ['step 1234']);
    const tool = await call('listEvents', { query: 'HTTPError' });
    assert.deepEqual(tool.items.map((event) => event.kind), ['execute_tool get_weather']);
  });

  it('takes a span line back whole when its file is replaced, and its full-text rows with it', async () => {
    const copy = tempFolder('otlp-reset');
    const again = writeOtlpFolder(copy, 50);
    const db2 = join(tempFolder('otlp-reset-db'), 'index.sqlite');
    await indexOnce(copy, db2);
    // The file shrinks to its first line: the source is read again from its start.
    writeFileSync(join(copy, 'otel/nasty.jsonl'), `${readFileSync(join(copy, 'otel/nasty.jsonl'), 'utf8').split('\n')[0]}\n`);
    await indexOnce(copy, db2);
    const [counts] = query<{ events: number; spans: number }>(db2, 'SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM otlp_spans) AS spans');
    const kept = again.spans.filter((span) => span.file !== 'otel/nasty.jsonl' || span.line === 1).length;
    assert.equal(counts?.spans, kept);
    assert.equal(counts?.events, kept + again.logRecords);
    // Every event's full-text row went with it (a wrong text in a contentless delete would leave one behind).
    const [hits] = query<{ n: number }>(db2, "SELECT count(*) AS n FROM text_runs_fts WHERE text_runs_fts MATCH '\"huge\"'");
    assert.equal(hits?.n, 0);
    // The span kept on the first line is still found, by its own name.
    assert.equal(fullTextMatchesIn(db2, '"orphan"').length, 1);
  });
});
