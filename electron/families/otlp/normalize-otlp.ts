import { OTLP_SPAN_KINDS, OTLP_STATUS_CODES, type OtlpSpan } from '../../../shared/formats/otlp';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem, ProblemCode } from '../../../shared/model/problem-code';
import type { LinePart } from '../family-module';
import { describeType } from '../reading/describe-value';
import { isJsonObject, readField } from '../reading/read-field';
import { readAttributes, type OtlpAttribute } from './otlp-attributes';
import { readEnum, readId, readUnixNano } from './otlp-scalars';

/** A span's faults are named in one problem per code, the first few of them: one bad exporter must not flood the table. */
const FAULTS_NAMED = 5;

/** The resource and scope a span was exported under, read once for all its spans. */
interface Container {
  readonly resource: readonly OtlpAttribute[];
  readonly scope: OtlpSpan['scope'];
  readonly searched: Readonly<Record<string, unknown>>;
}

/** Faults gathered by problem code, turned into problems at the end. */
class Faults {
  private readonly byCode = new Map<ProblemCode, string[]>();

  add(code: ProblemCode, fault: string): void {
    const list = this.byCode.get(code);
    if (list === undefined) this.byCode.set(code, [fault]);
    else list.push(fault);
  }

  addAll(code: ProblemCode, faults: readonly string[]): void {
    for (const fault of faults) this.add(code, fault);
  }

  take(): LineProblem[] {
    const problems = [...this.byCode].map(([code, faults]) => ({
      code,
      message: `${faults.slice(0, FAULTS_NAMED).join('; ')}${faults.length > FAULTS_NAMED ? `; and ${faults.length - FAULTS_NAMED} more` : ''}`,
    }));
    this.byCode.clear();
    return problems;
  }
}

/**
 * Normalizes one OTLP/JSON `ExportTraceServiceRequest` (a line of the
 * Collector's file exporter, or a whole pretty-printed document) into one event
 * per span, in the order written. A malformed container (a resourceSpans entry
 * that is no object, say) is a problem on the line's first event; a request
 * with no span at all is one event of no execution that says so.
 */
export function normalizeOtlpParts(obj: Record<string, unknown>): readonly [LinePart, ...LinePart[]] {
  const parts: LinePart[] = [];
  const lineFaults = new Faults();
  const resourceSpans = readField(obj, 'resourceSpans');
  if (!Array.isArray(resourceSpans)) lineFaults.add('otlp.invalid_shape', `resourceSpans is ${describeType(resourceSpans)}, not an array`);
  (Array.isArray(resourceSpans) ? resourceSpans : []).forEach((resourceEntry, r) => {
    const resourcePath = `resourceSpans[${r}]`;
    if (!isJsonObject(resourceEntry)) return lineFaults.add('otlp.invalid_shape', `${resourcePath} is ${describeType(resourceEntry)}, not an object`);
    const resourceObject = readField(resourceEntry, 'resource');
    if (resourceObject !== undefined && !isJsonObject(resourceObject)) lineFaults.add('otlp.invalid_shape', `${resourcePath}.resource is ${describeType(resourceObject)}, not an object`);
    const resource = readAttributes(isJsonObject(resourceObject) ? readField(resourceObject, 'attributes') : undefined, `${resourcePath}.resource.attributes`);
    lineFaults.addAll('otlp.invalid_attribute', resource.faults);
    const scopeSpans = readField(resourceEntry, 'scopeSpans');
    if (!Array.isArray(scopeSpans)) {
      if (scopeSpans !== undefined) lineFaults.add('otlp.invalid_shape', `${resourcePath}.scopeSpans is ${describeType(scopeSpans)}, not an array`);
      return;
    }
    scopeSpans.forEach((scopeEntry, s) => {
      const scopePath = `${resourcePath}.scopeSpans[${s}]`;
      if (!isJsonObject(scopeEntry)) return lineFaults.add('otlp.invalid_shape', `${scopePath} is ${describeType(scopeEntry)}, not an object`);
      const container = readContainer(resource.attributes, scopeEntry, scopePath, lineFaults, isJsonObject(resourceObject) ? resourceObject : {});
      const spans = readField(scopeEntry, 'spans');
      if (spans !== undefined && !Array.isArray(spans)) return lineFaults.add('otlp.invalid_shape', `${scopePath}.spans is ${describeType(spans)}, not an array`);
      (spans ?? []).forEach((span: unknown, index: number) => {
        const spanPath = `${scopePath}.spans[${index}]`;
        if (!isJsonObject(span)) return lineFaults.add('otlp.invalid_shape', `${spanPath} is ${describeType(span)}, not an object`);
        // The problems of the containers so far go with the first span read after them.
        parts.push(spanPart(span, spanPath, container, lineFaults.take()));
      });
    });
  });
  const leftOver = lineFaults.take();
  const first = parts[0];
  if (first === undefined) {
    const problems: LineProblem[] = [...leftOver, { code: 'otlp.no_spans', message: 'The OTLP/JSON trace request holds no readable span.' }];
    return [{ event: requestEvent(problems), searched: obj }];
  }
  if (leftOver.length > 0) parts[0] = { ...first, event: { ...first.event, problems: [...first.event.problems, ...leftOver] } };
  return parts as [LinePart, ...LinePart[]];
}

/** Normalizes an OTLP/JSON request line as its first event (the registry asks every family for one; the reader uses the parts). */
export function normalizeOtlp(obj: Record<string, unknown>): NormalizedEvent {
  return normalizeOtlpParts(obj)[0].event;
}

function readContainer(resource: readonly OtlpAttribute[], scopeEntry: Readonly<Record<string, unknown>>, scopePath: string, faults: Faults, resourceObject: Readonly<Record<string, unknown>>): Container {
  const scopeObject = readField(scopeEntry, 'scope');
  if (scopeObject !== undefined && !isJsonObject(scopeObject)) faults.add('otlp.invalid_shape', `${scopePath}.scope is ${describeType(scopeObject)}, not an object`);
  const scope = isJsonObject(scopeObject) ? scopeObject : {};
  const attributes = readAttributes(readField(scope, 'attributes'), `${scopePath}.scope.attributes`);
  faults.addAll('otlp.invalid_attribute', attributes.faults);
  const name = readField(scope, 'name');
  const version = readField(scope, 'version');
  if (name !== undefined && typeof name !== 'string') faults.add('otlp.invalid_shape', `${scopePath}.scope.name is ${describeType(name)}, not a string`);
  if (version !== undefined && typeof version !== 'string') faults.add('otlp.invalid_shape', `${scopePath}.scope.version is ${describeType(version)}, not a string`);
  return {
    resource,
    scope: { name: typeof name === 'string' ? name : null, version: typeof version === 'string' ? version : null, attributes: attributes.attributes },
    searched: { resource: resourceObject, scope },
  };
}

/** One span as an event of the execution its trace id names. */
function spanPart(span: Readonly<Record<string, unknown>>, path: string, container: Container, inherited: readonly LineProblem[]): LinePart {
  const faults = new Faults();
  const trace = readId(readField(span, 'traceId'), 16, `${path}.traceId`);
  const spanId = readId(readField(span, 'spanId'), 8, `${path}.spanId`);
  if ('fault' in trace) faults.add('otlp.invalid_id', trace.fault);
  if ('fault' in spanId) faults.add('otlp.invalid_id', spanId.fault);
  const rawParent = readField(span, 'parentSpanId');
  let parentSpanId: string | null = null;
  // proto3 JSON omits an empty parent, and writers also emit "" for a root.
  if (rawParent !== undefined && rawParent !== '' && rawParent !== null) {
    const parent = readId(rawParent, 8, `${path}.parentSpanId`);
    if ('fault' in parent) faults.add('otlp.invalid_id', parent.fault);
    else parentSpanId = parent.id;
  }
  const rawName = readField(span, 'name');
  if (rawName !== undefined && typeof rawName !== 'string') faults.add('otlp.invalid_shape', `${path}.name is ${describeType(rawName)}, not a string`);
  const name = typeof rawName === 'string' ? rawName : '';
  const kind = readEnum(readField(span, 'kind'), OTLP_SPAN_KINDS.map((k) => k.toUpperCase()), 'SPAN_KIND_', `${path}.kind`);
  if (kind.fault !== null) faults.add('otlp.invalid_shape', kind.fault);

  const start = readUnixNano(readField(span, 'startTimeUnixNano'), `${path}.startTimeUnixNano`);
  const end = readUnixNano(readField(span, 'endTimeUnixNano'), `${path}.endTimeUnixNano`);
  if (start === null) faults.add('otlp.invalid_time', `${path}.startTimeUnixNano is missing or zero`);
  else if ('fault' in start) faults.add('otlp.invalid_time', start.fault);
  if (end !== null && 'fault' in end) faults.add('otlp.invalid_time', end.fault);
  const startTime = start !== null && 'time' in start ? start.time : null;
  const endTime = end !== null && 'time' in end ? end.time : null;
  if (startTime !== null && endTime !== null && BigInt(endTime.ns) < BigInt(startTime.ns)) {
    faults.add('otlp.invalid_time', `${path} ends (${endTime.ns}) before it starts (${startTime.ns})`);
  }

  const statusObject = readField(span, 'status');
  if (statusObject !== undefined && !isJsonObject(statusObject)) faults.add('otlp.invalid_shape', `${path}.status is ${describeType(statusObject)}, not an object`);
  const status = isJsonObject(statusObject) ? statusObject : {};
  const code = readEnum(readField(status, 'code'), OTLP_STATUS_CODES, 'STATUS_CODE_', `${path}.status.code`);
  if (code.fault !== null) faults.add('otlp.invalid_shape', code.fault);
  const rawMessage = readField(status, 'message');
  if (rawMessage !== undefined && typeof rawMessage !== 'string') faults.add('otlp.invalid_shape', `${path}.status.message is ${describeType(rawMessage)}, not a string`);
  const statusCode = code.value ?? 0;

  const attributes = readAttributes(readField(span, 'attributes'), `${path}.attributes`);
  faults.addAll('otlp.invalid_attribute', attributes.faults);
  const events = readList(span, 'events', path, faults, (event, at) => {
    const eventAttributes = readAttributes(readField(event, 'attributes'), `${at}.attributes`);
    faults.addAll('otlp.invalid_attribute', eventAttributes.faults);
    const time = readUnixNano(readField(event, 'timeUnixNano'), `${at}.timeUnixNano`);
    if (time !== null && 'fault' in time) faults.add('otlp.invalid_time', time.fault);
    const eventName = readField(event, 'name');
    return { name: typeof eventName === 'string' ? eventName : '', timeMs: time !== null && 'time' in time ? time.time.ms : null, attributes: eventAttributes.attributes };
  });
  const links = readList(span, 'links', path, faults, (link, at) => {
    const linkAttributes = readAttributes(readField(link, 'attributes'), `${at}.attributes`);
    faults.addAll('otlp.invalid_attribute', linkAttributes.faults);
    const linkTrace = readId(readField(link, 'traceId'), 16, `${at}.traceId`);
    const linkSpan = readId(readField(link, 'spanId'), 8, `${at}.spanId`);
    if ('fault' in linkTrace) faults.add('otlp.invalid_id', linkTrace.fault);
    if ('fault' in linkSpan) faults.add('otlp.invalid_id', linkSpan.fault);
    return { traceId: 'id' in linkTrace ? linkTrace.id : '', spanId: 'id' in linkSpan ? linkSpan.id : '', attributes: linkAttributes.attributes };
  });

  const fact: OtlpSpan = {
    traceId: 'id' in trace ? trace.id : '',
    spanId: 'id' in spanId ? spanId.id : '',
    parentSpanId,
    name,
    kind: kind.value,
    startNs: startTime?.ns ?? null,
    endNs: endTime?.ns ?? null,
    startMs: startTime?.ms ?? null,
    endMs: endTime?.ms ?? null,
    statusCode,
    statusMessage: typeof rawMessage === 'string' && rawMessage !== '' ? rawMessage : null,
    attributes: attributes.attributes,
    events,
    links,
    resource: [...container.resource],
    scope: container.scope,
  };
  const event: NormalizedEvent = {
    family: 'otlp',
    kind: name === '' ? '(unnamed span)' : name,
    // A span without a readable trace id joins no trace: its problem says so.
    executionKey: 'id' in trace && 'id' in spanId ? trace.id : null,
    timestampMs: fact.startMs,
    endTimestampMs: fact.endMs,
    status: OTLP_STATUS_CODES[statusCode] ?? null,
    errorCode: statusCode === 2 ? fact.statusMessage : null,
    actor: serviceName(container.resource),
    failed: statusCode === 2,
    problems: [...inherited, ...faults.take()],
    facts: { family: 'otlp', span: fact },
  };
  return { event, searched: { ...container.searched, span } };
}

/** Reads a list of objects (span events, links); an entry that is no object is a fault and skipped, the rest read. */
function readList<T>(span: Readonly<Record<string, unknown>>, key: string, path: string, faults: Faults, read: (entry: Readonly<Record<string, unknown>>, at: string) => T): T[] {
  const list = readField(span, key);
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    faults.add('otlp.invalid_shape', `${path}.${key} is ${describeType(list)}, not an array`);
    return [];
  }
  const read_: T[] = [];
  list.forEach((entry, index) => {
    const at = `${path}.${key}[${index}]`;
    if (isJsonObject(entry)) read_.push(read(entry, at));
    else faults.add('otlp.invalid_shape', `${at} is ${describeType(entry)}, not an object`);
  });
  return read_;
}

/** The event of a request line that gave no span. */
function requestEvent(problems: readonly LineProblem[]): NormalizedEvent {
  return { family: 'otlp', kind: 'request', executionKey: null, timestampMs: null, status: null, errorCode: null, actor: null, failed: false, problems, facts: { family: 'otlp', span: null } };
}

/** The resource's `service.name`, which names who wrote the span. */
export function serviceName(resource: readonly OtlpAttribute[]): string | null {
  const value = resource.find((attribute) => attribute.key === 'service.name')?.value;
  return typeof value === 'string' ? value : null;
}
