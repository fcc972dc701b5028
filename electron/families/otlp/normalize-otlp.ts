import { OTLP_ERROR_SEVERITY, OTLP_SPAN_KINDS, OTLP_STATUS_CODES, type OtlpLog, type OtlpSpan } from '../../../shared/formats/otlp';
import type { NormalizedEvent } from '../../../shared/model/normalized-event';
import type { LineProblem, ProblemCode } from '../../../shared/model/problem-code';
import type { LinePart } from '../family-module';
import { describeType } from '../reading/describe-value';
import { isJsonObject, readField } from '../reading/read-field';
import { readAnyValue, readAttributes, type OtlpAttribute } from './otlp-attributes';
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

/** The three levels of one OTLP signal's request: resources, their scopes, and the items (spans, log records). */
interface SignalLevels {
  readonly resources: 'resourceSpans' | 'resourceLogs';
  readonly scopes: 'scopeSpans' | 'scopeLogs';
  readonly items: 'spans' | 'logRecords';
  readonly read: (item: Readonly<Record<string, unknown>>, path: string, container: Container, inherited: readonly LineProblem[]) => LinePart;
}

const SIGNALS: readonly SignalLevels[] = [
  { resources: 'resourceSpans', scopes: 'scopeSpans', items: 'spans', read: spanPart },
  { resources: 'resourceLogs', scopes: 'scopeLogs', items: 'logRecords', read: logPart },
];

/**
 * Normalizes one OTLP/JSON request (a line of the Collector's file exporter, or
 * a whole pretty-printed document): `ExportTraceServiceRequest` into one event
 * per span, `ExportLogsServiceRequest` into one per log record, in the order
 * written. A malformed container (a resourceSpans entry that is no object, say)
 * is a problem on the event read after it (else the line's first); a request
 * with nothing readable is one event of no execution that says so.
 */
export function normalizeOtlpParts(obj: Record<string, unknown>): readonly [LinePart, ...LinePart[]] {
  const parts: LinePart[] = [];
  const lineFaults = new Faults();
  for (const signal of SIGNALS) {
    const resources = readField(obj, signal.resources);
    if (resources === undefined) continue;
    if (!Array.isArray(resources)) {
      lineFaults.add('otlp.invalid_shape', `${signal.resources} is ${describeType(resources)}, not an array`);
      continue;
    }
    resources.forEach((resourceEntry, r) => readResource(signal, resourceEntry, `${signal.resources}[${r}]`, lineFaults, parts));
  }
  const leftOver = lineFaults.take();
  const first = parts[0];
  if (first === undefined) {
    const problems: LineProblem[] = [...leftOver, { code: 'otlp.no_spans', message: 'The OTLP/JSON request holds no readable span or log record.' }];
    return [{ event: requestEvent(problems), searched: obj }];
  }
  if (leftOver.length > 0) parts[0] = { ...first, event: { ...first.event, problems: [...first.event.problems, ...leftOver] } };
  return parts as [LinePart, ...LinePart[]];
}

function readResource(signal: SignalLevels, resourceEntry: unknown, resourcePath: string, lineFaults: Faults, parts: LinePart[]): void {
  if (!isJsonObject(resourceEntry)) return lineFaults.add('otlp.invalid_shape', `${resourcePath} is ${describeType(resourceEntry)}, not an object`);
  const resourceObject = readField(resourceEntry, 'resource');
  if (resourceObject !== undefined && !isJsonObject(resourceObject)) lineFaults.add('otlp.invalid_shape', `${resourcePath}.resource is ${describeType(resourceObject)}, not an object`);
  const resource = readAttributes(isJsonObject(resourceObject) ? readField(resourceObject, 'attributes') : undefined, `${resourcePath}.resource.attributes`);
  lineFaults.addAll('otlp.invalid_attribute', resource.faults);
  const scopes = readField(resourceEntry, signal.scopes);
  if (!Array.isArray(scopes)) {
    if (scopes !== undefined) lineFaults.add('otlp.invalid_shape', `${resourcePath}.${signal.scopes} is ${describeType(scopes)}, not an array`);
    return;
  }
  scopes.forEach((scopeEntry, s) => {
    const scopePath = `${resourcePath}.${signal.scopes}[${s}]`;
    if (!isJsonObject(scopeEntry)) return lineFaults.add('otlp.invalid_shape', `${scopePath} is ${describeType(scopeEntry)}, not an object`);
    const container = readContainer(resource.attributes, scopeEntry, scopePath, lineFaults, isJsonObject(resourceObject) ? resourceObject : {});
    const items = readField(scopeEntry, signal.items);
    if (items !== undefined && !Array.isArray(items)) return lineFaults.add('otlp.invalid_shape', `${scopePath}.${signal.items} is ${describeType(items)}, not an array`);
    (items ?? []).forEach((item: unknown, index: number) => {
      const itemPath = `${scopePath}.${signal.items}[${index}]`;
      if (!isJsonObject(item)) return lineFaults.add('otlp.invalid_shape', `${itemPath} is ${describeType(item)}, not an object`);
      // The problems of the containers so far go with the first item read after them.
      parts.push(signal.read(item, itemPath, container, lineFaults.take()));
    });
  });
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
    facts: { family: 'otlp', span: fact, log: null },
  };
  return { event, searched: { ...container.searched, span } };
}

/**
 * One log record (logs.proto) as an event of the trace it names; a record that
 * names none (most logs) belongs to no execution and stays searchable.
 */
function logPart(record: Readonly<Record<string, unknown>>, path: string, container: Container, inherited: readonly LineProblem[]): LinePart {
  const faults = new Faults();
  const optionalId = (key: 'traceId' | 'spanId', bytes: 16 | 8): string | null => {
    const value = readField(record, key);
    // proto3 JSON omits an empty id, and writers also emit "" for none.
    if (value === undefined || value === null || value === '') return null;
    const read = readId(value, bytes, `${path}.${key}`);
    if ('fault' in read) {
      faults.add('otlp.invalid_id', read.fault);
      return null;
    }
    return read.id;
  };
  const traceId = optionalId('traceId', 16);
  const spanId = optionalId('spanId', 8);
  const time = readUnixNano(readField(record, 'timeUnixNano'), `${path}.timeUnixNano`);
  const observed = readUnixNano(readField(record, 'observedTimeUnixNano'), `${path}.observedTimeUnixNano`);
  for (const read of [time, observed]) if (read !== null && 'fault' in read) faults.add('otlp.invalid_time', read.fault);
  // The time of the event, else the time the collector saw it (logs.proto).
  const timeMs = time !== null && 'time' in time ? time.time.ms : observed !== null && 'time' in observed ? observed.time.ms : null;
  if (timeMs === null && time === null && observed === null) faults.add('otlp.invalid_time', `${path} has neither timeUnixNano nor observedTimeUnixNano`);
  const rawSeverity = readField(record, 'severityNumber');
  const severityNumber = typeof rawSeverity === 'number' && Number.isInteger(rawSeverity) && rawSeverity >= 0 && rawSeverity <= 24 ? rawSeverity : null;
  if (rawSeverity !== undefined && severityNumber === null) faults.add('otlp.invalid_shape', `${path}.severityNumber is ${typeof rawSeverity === 'number' ? String(rawSeverity) : describeType(rawSeverity)}, not a SeverityNumber 0..24`);
  const severityText = readField(record, 'severityText');
  const eventName = readField(record, 'eventName');
  for (const [key, value] of [['severityText', severityText], ['eventName', eventName]] as const) {
    if (value !== undefined && typeof value !== 'string') faults.add('otlp.invalid_shape', `${path}.${key} is ${describeType(value)}, not a string`);
  }
  const bodyFaults: string[] = [];
  const body = readAnyValue(readField(record, 'body'), `${path}.body`, bodyFaults);
  faults.addAll('otlp.invalid_attribute', bodyFaults);
  const attributes = readAttributes(readField(record, 'attributes'), `${path}.attributes`);
  faults.addAll('otlp.invalid_attribute', attributes.faults);
  const log: OtlpLog = {
    traceId, spanId, timeMs, severityNumber,
    severityText: typeof severityText === 'string' && severityText !== '' ? severityText : null,
    eventName: typeof eventName === 'string' && eventName !== '' ? eventName : null,
    body, attributes: attributes.attributes,
  };
  const event: NormalizedEvent = {
    family: 'otlp',
    kind: log.eventName ?? 'log',
    executionKey: traceId,
    timestampMs: timeMs,
    status: log.severityText,
    errorCode: null,
    actor: serviceName(container.resource),
    failed: severityNumber !== null && severityNumber >= OTLP_ERROR_SEVERITY,
    problems: [...inherited, ...faults.take()],
    facts: { family: 'otlp', span: null, log },
  };
  return { event, searched: { ...container.searched, log: record } };
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
  return { family: 'otlp', kind: 'request', executionKey: null, timestampMs: null, status: null, errorCode: null, actor: null, failed: false, problems, facts: { family: 'otlp', span: null, log: null } };
}

/** The resource's `service.name`, which names who wrote the span. */
export function serviceName(resource: readonly OtlpAttribute[]): string | null {
  const value = resource.find((attribute) => attribute.key === 'service.name')?.value;
  return typeof value === 'string' ? value : null;
}
