import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { normalizeOtlp, normalizeOtlpParts } from '../../../../electron/families/otlp/normalize-otlp';
import { detectFamily } from '../../../../electron/families/family-registry';
import { agentTrace, exampleTraceDocument, otlpRequest, spanJson, spanIdOf, traceIdOf } from '../../../fixtures/write-otlp';

const SERVICE = { 'service.name': 'agent-svc' };
const SCOPE = { name: 'lib', version: '1.0' };

function codes(problems: readonly { readonly code: string }[]): string[] {
  return problems.map((problem) => problem.code);
}

describe('normalizeOtlpParts', () => {
  it('reads the opentelemetry-proto example trace: its one span, lower-cased ids, times, kind, resource and scope', () => {
    const document = exampleTraceDocument();
    assert.equal(detectFamily(document), 'otlp');
    const parts = normalizeOtlpParts(document);
    assert.equal(parts.length, 1);
    const [{ event }] = parts;
    assert.equal(event.family, 'otlp');
    assert.equal(event.executionKey, '5b8efff798038103d269b633813fc60c');
    assert.equal(event.kind, "I'm a server span");
    assert.equal(event.timestampMs, 1544712660000);
    assert.equal(event.endTimestampMs, 1544712661000);
    assert.equal(event.actor, 'my.service');
    assert.equal(event.failed, false);
    assert.deepEqual(event.problems, []);
    assert.ok(event.facts.family === 'otlp' && event.facts.span !== null);
    const span = event.facts.span;
    assert.equal(span.spanId, 'eee19b7ec3c1b174');
    assert.equal(span.parentSpanId, 'eee19b7ec3c1b173');
    assert.equal(span.kind, 2);
    assert.equal(span.startNs, '1544712660000000000');
    assert.deepEqual(span.attributes, [{ key: 'my.span.attr', value: 'some value' }]);
    assert.deepEqual(span.resource, [{ key: 'service.name', value: 'my.service' }]);
    assert.deepEqual(span.scope, { name: 'my.library', version: '1.0.0', attributes: [{ key: 'my.scope.attribute', value: 'some scope attribute' }] });
  });

  it('gives one event per span in the order written, across resources and scopes, each searched by its own span', () => {
    const trace = traceIdOf(1);
    const { root, children } = agentTrace(trace, 1_700_000_000_000_000_000n);
    const request = {
      resourceSpans: [
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }] }, scopeSpans: [{ scope: SCOPE, spans: [spanJson(root)] }, { scope: { name: 'other' }, spans: children.slice(0, 2).map(spanJson) }] },
        { resource: { attributes: [{ key: 'service.name', value: { stringValue: 'b' } }] }, scopeSpans: [{ spans: children.slice(2).map(spanJson) }] },
      ],
    };
    const parts = normalizeOtlpParts(request);
    assert.deepEqual(parts.map((part) => part.event.facts.family === 'otlp' && part.event.facts.span?.spanId), [root, ...children].map((spec) => spec.spanId));
    assert.deepEqual(parts.map((part) => part.event.actor), ['a', 'a', 'a', 'b']);
    assert.deepEqual(parts.map((part) => part.event.failed), [true, false, true, false]);
    assert.equal(parts[2]?.event.errorCode, 'upstream 503 from weather.example.com');
    // Each part's searched text holds its own span, not its siblings.
    assert.ok(JSON.stringify(parts[2]?.searched).includes('get_weather'));
    assert.ok(!JSON.stringify(parts[1]?.searched).includes('get_weather'));
    const tool = parts[2]?.event.facts;
    assert.ok(tool?.family === 'otlp' && tool.span !== null);
    assert.deepEqual(tool.span.events.map((event) => event.name), ['exception']);
    const second = parts[3]?.event.facts;
    assert.ok(second?.family === 'otlp' && second.span !== null);
    assert.deepEqual(second.span.links, [{ traceId: traceIdOf(0xb), spanId: spanIdOf(0xb1), attributes: [{ key: 'reason', value: 'retry of' }] }]);
  });

  it('keeps nanoseconds exact from strings and reads JSON numbers, enum names with a problem', () => {
    const span = { ...spanJson({ traceId: traceIdOf(2), spanId: spanIdOf(1), name: 'n', startNs: 1n, endNs: 2n }), startTimeUnixNano: '1767225600123456789', endTimeUnixNano: 1767225601000000000, kind: 'SPAN_KIND_CLIENT', status: { code: 'STATUS_CODE_ERROR' } };
    const [{ event }] = normalizeOtlpParts(otlpRequest(SERVICE, SCOPE, [span]));
    assert.ok(event.facts.family === 'otlp' && event.facts.span !== null);
    assert.equal(event.facts.span.startNs, '1767225600123456789');
    assert.equal(event.facts.span.startMs, 1767225600123.456);
    assert.equal(event.facts.span.endMs, 1767225601000);
    assert.equal(event.facts.span.kind, 3);
    assert.equal(event.failed, true);
    assert.deepEqual(codes(event.problems), ['otlp.invalid_shape']);
    assert.match(event.problems[0]?.message ?? '', /kind is the name "SPAN_KIND_CLIENT".*status\.code is the name "STATUS_CODE_ERROR"/);
  });

  it('makes every malformed piece a problem of its line and never throws', () => {
    const good = spanJson({ traceId: traceIdOf(3), spanId: spanIdOf(1), name: 'ok', startNs: 10n, endNs: 20n });
    const cases: [unknown, string[]][] = [
      [{ resourceSpans: 'x' }, ['otlp.invalid_shape', 'otlp.no_spans']],
      [{ resourceSpans: [] }, ['otlp.no_spans']],
      [{ resourceSpans: [null, { scopeSpans: 3 }, { scopeSpans: [{ spans: [7] }] }] }, ['otlp.invalid_shape', 'otlp.no_spans']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, traceId: 'zz' }]), ['otlp.invalid_id']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, traceId: '0'.repeat(32) }]), ['otlp.invalid_id']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, parentSpanId: 'short' }]), ['otlp.invalid_id']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, startTimeUnixNano: '-5' }]), ['otlp.invalid_time']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, startTimeUnixNano: undefined }]), ['otlp.invalid_time']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, endTimeUnixNano: '5' }]), ['otlp.invalid_time']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, name: 5, kind: 9, status: 'bad', events: {}, links: [1] }]), ['otlp.invalid_shape']],
      [otlpRequest(SERVICE, SCOPE, [{ ...good, attributes: [{ key: 'a', value: { intValue: 'x' } }] }]), ['otlp.invalid_attribute']],
      [{ resourceSpans: [{ resource: { attributes: 'x' }, scopeSpans: [{ scope: { name: 1 }, spans: [good] }] }] }, ['otlp.invalid_attribute', 'otlp.invalid_shape']],
    ];
    for (const [request, expected] of cases) {
      const parts = normalizeOtlpParts(request as Record<string, unknown>);
      assert.deepEqual([...new Set(parts.flatMap((part) => codes(part.event.problems)))].sort(), expected.sort(), JSON.stringify(request));
    }
  });

  it('joins no trace when a span has no readable ids, and keeps the span as an event', () => {
    const [{ event }] = normalizeOtlpParts(otlpRequest(SERVICE, SCOPE, [{ traceId: traceIdOf(4), spanId: 'nope', name: 'x', startTimeUnixNano: '1' }]));
    assert.equal(event.executionKey, null);
    assert.equal(event.kind, 'x');
    assert.deepEqual(codes(event.problems), ['otlp.invalid_id']);
  });

  it('names the first faults of one code and counts the rest, so one broken exporter does not flood the problems', () => {
    const attributes = Array.from({ length: 40 }, (_, index) => ({ key: `k${index}`, value: { boolValue: 'yes' } }));
    const [{ event }] = normalizeOtlpParts(otlpRequest(SERVICE, SCOPE, [{ ...spanJson({ traceId: traceIdOf(5), spanId: spanIdOf(1), name: 'x', startNs: 1n, endNs: 2n }), attributes }]));
    assert.equal(event.problems.length, 1);
    assert.match(event.problems[0]?.message ?? '', /k0.*k4.*and 35 more$/);
  });

  it('reads OTLP log records as events of the trace they name, an error severity a failure', () => {
    const request = {
      resourceLogs: [{
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
        scopeLogs: [{ scope: { name: 'log' }, logRecords: [
          { timeUnixNano: '1767225600000000000', severityNumber: 17, severityText: 'ERROR', body: { stringValue: 'boom' }, traceId: traceIdOf(7).toUpperCase(), spanId: spanIdOf(3) },
          { observedTimeUnixNano: '1767225601000000000', severityNumber: 9, body: { kvlistValue: { values: [{ key: 'msg', value: { stringValue: 'hi' } }] } }, traceId: '', spanId: '' },
          { severityNumber: 30, spanId: 'bad', traceId: traceIdOf(7), eventName: 5 },
        ] }],
      }],
    };
    assert.equal(detectFamily(request), 'otlp');
    const parts = normalizeOtlpParts(request);
    assert.deepEqual(parts.map((part) => [part.event.kind, part.event.executionKey, part.event.timestampMs, part.event.failed, part.event.actor]), [
      ['log', traceIdOf(7), 1767225600000, true, 'svc'],
      ['log', null, 1767225601000, false, 'svc'],
      ['log', traceIdOf(7), null, false, 'svc'],
    ]);
    const first = parts[0]?.event.facts;
    assert.ok(first?.family === 'otlp' && first.log !== null);
    assert.deepEqual({ spanId: first.log.spanId, body: first.log.body, severityText: first.log.severityText }, { spanId: spanIdOf(3), body: 'boom', severityText: 'ERROR' });
    assert.deepEqual(codes(parts[2]?.event.problems ?? []).sort(), ['otlp.invalid_id', 'otlp.invalid_shape', 'otlp.invalid_time']);
  });

  it('normalize gives the first span, as the registry asks of every family', () => {
    const { root, children } = agentTrace(traceIdOf(6), 1n);
    assert.equal(normalizeOtlp(otlpRequest(SERVICE, SCOPE, [root, ...children].map(spanJson))).kind, root.name);
  });
});
