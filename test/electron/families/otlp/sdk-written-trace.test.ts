import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider, type ReadableSpan } from '@opentelemetry/sdk-trace';
import { indexedApi } from '../../../support/indexed-service';
import { tempFolder } from '../../../support/temp-folder';

/** An SDK time ([seconds, nanoseconds]) as the exact decimal nanoseconds OTLP writes. */
function nanos([seconds, ns]: readonly [number, number]): string {
  return (BigInt(seconds) * 1_000_000_000n + BigInt(ns)).toString();
}

/**
 * An agent run traced by the OpenTelemetry JS SDK itself and written by its
 * own OTLP/JSON serializer (@opentelemetry/otlp-transformer), batch by batch
 * as the spans end, the way an SDK file exporter writes them: children before
 * their parent, the last batch in a gzip file.
 */
async function sdkTrace(dir: string): Promise<readonly ReadableSpan[]> {
  const exporter = new InMemorySpanExporter();
  const provider = new TracerProvider({ resource: resourceFromAttributes({ 'service.name': 'sdk-agent', 'deployment.environment': 'test' }), spanProcessors: [new SimpleSpanProcessor({ exporter })] });
  const tracer = provider.getTracer('inspector.sdk-test', '1.2.3');
  const t0 = 1_767_225_600;
  const root = tracer.startSpan('invoke_agent planner', { kind: SpanKind.INTERNAL, attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'planner' }, startTime: [t0, 0] });
  const inRoot = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan('chat claude', { kind: SpanKind.CLIENT, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'claude-x', 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 80, 'gen_ai.request.temperature': 0.2 }, startTime: [t0, 1_000_123] }, inRoot);
  chat.addEvent('gen_ai.choice', { finish_reason: 'tool_calls', index: 0 }, [t0, 400_000_000]);
  chat.end([t0, 450_000_999]);
  const tool = tracer.startSpan('execute_tool search', { attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search', tags: ['a', 'b'] }, startTime: [t0, 500_000_000], links: [{ context: chat.spanContext(), attributes: { why: 'called by' } }] }, inRoot);
  tool.recordException({ name: 'TimeoutError', message: 'search timed out' }, [t0, 900_000_000]);
  tool.setStatus({ code: SpanStatusCode.ERROR, message: 'search timed out' });
  tool.end([t0, 950_000_000]);
  await provider.forceFlush();
  const firstBatch = exporter.getFinishedSpans().slice();
  exporter.reset();
  root.setStatus({ code: SpanStatusCode.OK });
  root.end([t0 + 1, 0]);
  await provider.forceFlush();
  const secondBatch = exporter.getFinishedSpans().slice();
  await provider.shutdown();
  const serialize = (spans: ReadableSpan[]): string => Buffer.from(JsonTraceSerializer.serializeRequest(spans) ?? new Uint8Array()).toString('utf8');
  mkdirSync(join(dir, 'sdk'), { recursive: true });
  // Each span as it ended, one request per line, then the root in a gzip file.
  writeFileSync(join(dir, 'sdk', 'spans.jsonl'), firstBatch.map((span) => `${serialize([span])}\n`).join(''));
  writeFileSync(join(dir, 'sdk', 'spans-2.jsonl.gz'), gzipSync(`${serialize(secondBatch)}\n`));
  return [...firstBatch, ...secondBatch];
}

const folder = tempFolder('otlp-sdk');
let spans: readonly ReadableSpan[] = [];
const { call } = indexedApi(folder, async () => {
  spans = await sdkTrace(folder);
});

describe('a trace written by the OpenTelemetry JS SDK and its OTLP/JSON serializer', () => {
  it('opens as one execution with the SDK spans as its tree, their exact times, statuses, attributes, events and links', async () => {
    assert.equal(spans.length, 3);
    const traceId = spans[0]?.spanContext().traceId ?? '';
    const detail = await call('getExecution', { id: `otlp:${traceId}` });
    assert.equal(detail.execution.eventCount, 3);
    assert.equal(detail.execution.outcome, 'failed');
    assert.equal(detail.execution.label, 'sdk-agent');
    assert.deepEqual(detail.problems, [], 'the SDK writes valid OTLP/JSON');
    const root = spans.find((span) => span.parentSpanContext === undefined);
    assert.ok(root !== undefined);
    const children = spans.filter((span) => span !== root).sort((a, b) => nanos(a.startTime).localeCompare(nanos(b.startTime)));
    assert.deepEqual(detail.spans.map((span) => [span.spanId, span.depth]), [[root.spanContext().spanId, 0], ...children.map((span) => [span.spanContext().spanId, 1])]);
    for (const shown of detail.spans) {
      const sdk = spans.find((span) => span.spanContext().spanId === shown.spanId);
      assert.ok(sdk !== undefined);
      assert.equal(shown.name, sdk.name);
      assert.equal(shown.kind, sdk.kind + 1, 'the API SpanKind counts from INTERNAL = 0, OTLP from UNSPECIFIED = 0');
      assert.equal(shown.parentSpanId, sdk.parentSpanContext?.spanId ?? null);
      assert.equal(shown.startNs, nanos(sdk.startTime));
      assert.equal(shown.endNs, nanos(sdk.endTime));
      assert.equal(shown.statusCode, sdk.status.code);
      assert.equal(shown.statusMessage, sdk.status.message ?? null);
      assert.deepEqual(Object.fromEntries(shown.attributes.map((a) => [a.key, a.value])), sdk.attributes);
      assert.deepEqual(shown.events.map((event) => [event.name, event.attributes.length]), sdk.events.map((event) => [event.name, Object.keys(event.attributes ?? {}).length]));
      assert.deepEqual(shown.links.map((link) => link.spanId), sdk.links.map((link) => link.context.spanId));
      assert.deepEqual(shown.scope, { name: 'inspector.sdk-test', version: '1.2.3', attributes: [] });
      assert.deepEqual(Object.fromEntries(shown.resource.map((a) => [a.key, a.value])), sdk.resource.attributes);
    }
    assert.deepEqual(detail.spans.map((span) => span.label), ['Agent planner', 'Chat claude-x (1200 in, 80 out tokens)', 'Tool call search']);
    const waterfall = await call('getWaterfall', { id: `otlp:${traceId}` });
    assert.deepEqual(waterfall.bars.map((bar) => [bar.depth, bar.failed]), [[0, true], [1, false], [2, false], [2, true]]);
  });
});
