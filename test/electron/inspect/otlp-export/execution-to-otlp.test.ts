import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { writeDemoFolder } from '../../../fixtures/demo-folder';
import { query } from '../../../support/index-folder';
import { attributeOf, otlpTraceRequestSchema, type OtlpSpan, type OtlpTraceRequest } from '../../../support/otlp-trace-schema';
import { tempFolder } from '../../../support/temp-folder';
import { allExecutionIds, openInspection } from '../open-inspection';

/** Every line of an export, each checked against the proto definitions' JSON shape. */
function parsedLines(content: string): OtlpTraceRequest[] {
  assert.ok(content.endsWith('\n'));
  return content
    .slice(0, -1)
    .split('\n')
    .map((line, at) => {
      const parsed = otlpTraceRequestSchema.safeParse(JSON.parse(line));
      assert.ok(parsed.success, `line ${at + 1}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
      return parsed.data;
    });
}

function spansOf(request: OtlpTraceRequest): OtlpSpan[] {
  return request.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans));
}

describe('exportOtlp on the demo folder (every family)', () => {
  const folder = tempFolder('otlp-demo');
  writeDemoFolder(folder);
  const opened = openInspection(folder);

  it('exports every execution as one trace a line that the OTLP/JSON definitions accept, each a tree under its run', async () => {
    const inspection = await opened;
    const ids = await allExecutionIds(inspection);
    assert.ok(ids.length >= 10);
    const answer = await inspection.call('exportOtlp', { ids });
    assert.equal(answer.exported + answer.skipped.length, ids.length);
    const lines = parsedLines(answer.content);
    assert.equal(lines.length, answer.exported);
    const traceIds = new Set<string>();
    for (const line of lines) {
      const spans = spansOf(line);
      const traceId = spans[0]!.traceId;
      assert.ok(spans.every((span) => span.traceId === traceId), 'one trace a line');
      assert.ok(!traceIds.has(traceId), 'one trace an execution');
      traceIds.add(traceId);
      const bySpanId = new Map(spans.map((span) => [span.spanId, span]));
      assert.equal(bySpanId.size, spans.length, 'span ids are unique');
      const roots = spans.filter((span) => span.parentSpanId === undefined);
      assert.equal(roots.length, 1, 'one root');
      assert.ok(ids.includes(roots[0]!.name), `the root is named by its execution id (${roots[0]!.name})`);
      for (const span of spans) if (span.parentSpanId !== undefined) assert.ok(bySpanId.has(span.parentSpanId), `${span.name}'s parent is in the trace`);
    }
  });

  it('cites every event of an execution with its file, line and the SHA-256 of its bytes as they are on disk', async () => {
    const inspection = await opened;
    for (const id of await allExecutionIds(inspection)) {
      const [family, ...rest] = id.split(':');
      const stored = query<{ path: string; line: number; byte_offset: number; byte_length: number }>(
        inspection.dbPath,
        'SELECT s.path, e.line, e.byte_offset, e.byte_length FROM events e JOIN sources s ON s.id = e.source_id JOIN executions x ON x.id = e.execution_id WHERE x.family = ? AND x.key = ?',
        family,
        rest.join(':'),
      );
      const answer = await inspection.call('exportOtlp', { ids: [id] });
      const cited = spansOf(parsedLines(answer.content)[0]!).flatMap((span) => span.events ?? []);
      const key = (path: unknown, line: unknown): string => `${String(path)}:${String(line)}`;
      assert.deepEqual(
        [...new Set(cited.map((event) => key(attributeOf(event.attributes, 'inspector.source.path'), attributeOf(event.attributes, 'inspector.source.line'))))].sort(),
        [...new Set(stored.map((event) => key(event.path, event.line)))].sort(),
        `${id}: every event cited, no other line`,
      );
      for (const event of stored) {
        const file = readFileSync(join(folder, event.path));
        const content = event.path.endsWith('.gz') ? gunzipSync(file) : file;
        const bytes = content.subarray(event.byte_offset, event.byte_offset + event.byte_length);
        const expected = createHash('sha256').update(bytes.toString('utf8').replace(/^\uFEFF/, ''), 'utf8').digest('hex');
        const span = cited.find((c) => key(attributeOf(c.attributes, 'inspector.source.path'), attributeOf(c.attributes, 'inspector.source.line')) === key(event.path, event.line));
        assert.equal(attributeOf(span?.attributes, 'inspector.raw.sha256'), expected, `${id} ${event.path}:${event.line}`);
      }
    }
  });

  it('marks a failed run and its failed step as errors with the message as written, on the times of its events', async () => {
    const inspection = await opened;
    const waterfall = await inspection.call('getWaterfall', { id: 'record:exec-drop-7' });
    const spans = spansOf(parsedLines((await inspection.call('exportOtlp', { ids: ['record:exec-drop-7'] })).content)[0]!);
    const root = spans.find((span) => span.parentSpanId === undefined)!;
    assert.equal(root.status?.code, 2);
    assert.equal(root.startTimeUnixNano, String(BigInt(waterfall.startMs!) * 1_000_000n));
    assert.equal(root.endTimeUnixNano, String(BigInt(waterfall.endMs!) * 1_000_000n));
    const failedBars = waterfall.bars.filter((bar) => bar.failed && bar.kind !== 'execution');
    assert.ok(failedBars.length > 0);
    for (const bar of failedBars) {
      const span = spans.find((s) => attributeOf(s.attributes, 'inspector.bar.key') === bar.key)!;
      assert.equal(span.status?.code, 2, bar.key);
      assert.equal(span.status?.message, bar.detail ?? bar.status ?? 'failed');
      assert.equal(span.name, bar.label);
      assert.equal(span.startTimeUnixNano, String(BigInt(bar.startMs!) * 1_000_000n));
    }
    const okSpans = spans.filter((span) => span.status?.code !== 2);
    assert.ok(okSpans.length > 0 && okSpans.every((span) => span.status?.code === 0), 'no outcome is claimed that the evidence does not give');
  });

  it('exports the same evidence with the same ids and content every time, and names unknown executions', async () => {
    const inspection = await opened;
    const ids = (await allExecutionIds(inspection)).slice(0, 5);
    const first = await inspection.call('exportOtlp', { ids });
    const second = await inspection.call('exportOtlp', { ids: [...ids].reverse() });
    assert.deepEqual(first.content.split('\n').sort(), second.content.split('\n').sort());
    assert.equal((await inspection.fail('exportOtlp', { ids: ['record:no-such-run'] })).code, 'not_found');
    assert.equal((await inspection.fail('exportOtlp', { ids: [] })).code, 'invalid_request');
  });
});
