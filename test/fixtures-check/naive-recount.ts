import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { canonicalJson } from '../../shared/model/canonical-json';
import { EXECUTION_FAMILIES, FAMILIES, type ExecutionFamily, type Family } from '../../shared/model/family';

/**
 * An independent recount of a written folder, deliberately simple-minded: split on
 * `\n`, JSON.parse, classify by a few keys. It shares no code with the generator,
 * so agreeing with the manifest means the manifest describes the bytes.
 */
export interface NaiveCount {
  readonly events: Record<Family, number>;
  readonly keys: Record<ExecutionFamily, Set<string>>;
  /** Lines per file, as the manifest counts them. */
  readonly lines: Map<string, number>;
  /** `file:line` of every non-blank line that is no JSON object (bad JSON, not an object, NUL, too long, truncated). */
  readonly nonEvents: Set<string>;
  /** `file:line` of every line whose bytes are not valid UTF-8. */
  readonly invalidUtf8: Set<string>;
  /** `file:line` of every event whose `timestamp` has a zone other than UTC (`Z` or `+00:00`). */
  readonly notUtc: Set<string>;
  /** `file:line` of the first event of each file whose `timestamp` has no zone at all (flagged once per file). */
  readonly noZone: Set<string>;
  /** `file:line` of the final line of each file that ends without a newline and parses as an object. */
  readonly missingNewline: Set<string>;
  /** `file:line` of every exec-event repeating a trace_id already seen. */
  readonly duplicateTraces: Set<string>;
  /** `file:line` of the START of every PAC without exactly one START and one END. */
  readonly unpairedPacs: Set<string>;
  /** Every object, in file order, with where it was found. */
  readonly objects: { readonly file: string; readonly line: number; readonly family: Family; readonly value: Record<string, unknown> }[];
}

const LINE_CAP = 1024 * 1024;

/** All files under `dir`, relative and `/`-separated, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((entry) => statSync(join(dir, entry)).isFile())
    .map((entry) => entry.split('\\').join('/'))
    .sort();
}

/** The family a JSON object's shape says it belongs to. */
export function shapeOf(value: Record<string, unknown>): Family {
  if ('resourceSpans' in value) return 'otlp';
  if ('trace_id' in value && 'action_type' in value) return 'exec-event';
  if ('authority' in value && 'event_type' in value && 'data' in value) return 'benson';
  if ('run_id' in value && 'event' in value) return 'cycle';
  if ('mission_id' in value && 'event_type' in value) return 'stream';
  if ('record_version' in value || 'execution_hash' in value || 'rollback_hints' in value) return 'record';
  return 'generic';
}

/** The execution key of an object of a family, null when it has none of its own. */
export function keyOf(family: Family, value: Record<string, unknown>): string | null {
  switch (family) {
    case 'exec-event':
      return typeof value['trace_id'] === 'string' && value['trace_id'] !== '' ? value['trace_id'] : `untraced/${String(value['product'])}`;
    case 'benson': {
      const pacId = (value['data'] as Record<string, unknown>)['pac_id'];
      return typeof pacId === 'string' ? pacId : null;
    }
    case 'cycle':
      return String(value['run_id']);
    case 'stream':
      return String(value['mission_id']);
    case 'record':
      return typeof value['execution_id'] === 'string' ? value['execution_id'] : null;
    // An OTLP line's keys are its spans' trace ids (otlpTraceIds), one line holding many.
    case 'otlp':
    case 'generic':
      return null;
  }
}

/** The trace id of every span of an OTLP request, in order: resourceSpans, scopeSpans, spans. */
function otlpTraceIds(value: Record<string, unknown>): string[] {
  const ids: string[] = [];
  for (const resource of (value['resourceSpans'] ?? []) as { scopeSpans?: { spans?: { traceId?: string }[] }[] }[]) {
    for (const scope of resource.scopeSpans ?? []) for (const span of scope.spans ?? []) ids.push(String(span.traceId));
  }
  return ids;
}

/** Recounts every file of `dir` except those in `skipped`. */
export function naiveRecount(dir: string, skipped: ReadonlySet<string>): NaiveCount {
  const count: NaiveCount = {
    events: Object.fromEntries(FAMILIES.map((family) => [family, 0])) as Record<Family, number>,
    keys: Object.fromEntries(EXECUTION_FAMILIES.map((family) => [family, new Set<string>()])) as Record<ExecutionFamily, Set<string>>,
    lines: new Map(),
    nonEvents: new Set(),
    invalidUtf8: new Set(),
    notUtc: new Set(),
    noZone: new Set(),
    missingNewline: new Set(),
    duplicateTraces: new Set(),
    unpairedPacs: new Set(),
    objects: [],
  };
  const strict = new TextDecoder('utf-8', { fatal: true });
  const traces = new Set<string>();
  const pacs = new Map<string, { start: string | null; starts: number; ends: number }>();
  const add = (file: string, line: number, value: Record<string, unknown>): void => {
    const family = shapeOf(value);
    if (family === 'otlp') {
      // One event per span; a request without spans is one event of no execution.
      const traceIds = otlpTraceIds(value);
      count.events.otlp += Math.max(1, traceIds.length);
      for (const traceId of traceIds) count.keys.otlp.add(traceId.toLowerCase());
      count.objects.push({ file, line, family, value });
      return;
    }
    count.events[family] += 1;
    count.objects.push({ file, line, family, value });
    const key = keyOf(family, value);
    if (key !== null && family !== 'generic') count.keys[family].add(key);
    // A record document's own time is timestamp_start.
    const timestamp = value['timestamp'] ?? (family === 'record' ? value['timestamp_start'] : undefined);
    if (typeof timestamp === 'string' && !/[Zz]$|[+-]\d\d:?\d\d$/.test(timestamp)) {
      if (![...count.noZone].some((entry) => entry.startsWith(`${file}:`))) count.noZone.add(`${file}:${line}`);
    } else if (typeof timestamp === 'string' && !/(Z|\+00:00)$/.test(timestamp)) {
      count.notUtc.add(`${file}:${line}`);
    }
    if (family === 'exec-event' && typeof value['trace_id'] === 'string' && value['trace_id'] !== '') {
      if (traces.has(value['trace_id'])) count.duplicateTraces.add(`${file}:${line}`);
      traces.add(value['trace_id']);
    }
    if (family === 'benson' && key !== null) {
      const pac = pacs.get(key) ?? { start: null, starts: 0, ends: 0 };
      if (value['event_type'] === 'PAC_DISPATCH_START') {
        pac.starts += 1;
        pac.start ??= `${file}:${line}`;
      }
      if (value['event_type'] === 'PAC_DISPATCH_END') pac.ends += 1;
      pacs.set(key, pac);
    }
  };
  for (const file of listFiles(dir)) {
    if (skipped.has(file)) continue;
    const stored = readFileSync(join(dir, file));
    const bytes = file.endsWith('.gz') ? gunzipSync(stored) : stored;
    // A `.json` holds one document; a `.json.gz` one document or JSON lines, told by whether it parses whole.
    if (file.endsWith('.json') || (file.endsWith('.json.gz') && parsesWhole(bytes))) {
      add(file, 1, JSON.parse(bytes.toString('utf8')) as Record<string, unknown>);
      const text = bytes.toString('utf8');
      // Physical lines: a last line without newline counts too.
      count.lines.set(file, text.split('\n').length - (text.endsWith('\n') || text === '' ? 1 : 0));
      continue;
    }
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const rawLines: Buffer[] = [];
    let start = 0;
    for (let i = 0; i < body.length; i += 1) {
      if (body[i] === 0x0a) {
        rawLines.push(body.subarray(start, i));
        start = i + 1;
      }
    }
    const unterminated = start < body.length;
    if (unterminated) rawLines.push(body.subarray(start));
    count.lines.set(file, rawLines.length);
    // A `.log`/`.txt` whose first non-blank line is no JSON object is a plain-text log: every non-blank line is a text event.
    const firstText = rawLines.map((raw) => raw.toString('utf8')).find((text) => text.trim() !== '');
    if (/\.(log|txt|out|err)$/.test(file) && firstText !== undefined && !firstText.trimStart().startsWith('{')) {
      rawLines.forEach((raw, index) => {
        const text = raw.toString('utf8');
        if (text.trim() === '') return;
        count.events.generic += 1;
        count.objects.push({ file, line: index + 1, family: 'generic', value: { text } });
      });
      continue;
    }
    rawLines.forEach((raw, index) => {
      const line = index + 1;
      const where = `${file}:${line}`;
      try {
        strict.decode(raw);
      } catch {
        count.invalidUtf8.add(where);
      }
      const text = raw.toString('utf8').replace(/\r$/, '');
      if (text.trim() === '') return;
      if (raw.length > LINE_CAP) {
        count.nonEvents.add(where);
        return;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        count.nonEvents.add(where);
        return;
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        count.nonEvents.add(where);
        return;
      }
      add(file, line, value as Record<string, unknown>);
      if (unterminated && index === rawLines.length - 1) count.missingNewline.add(where);
    });
  }
  for (const pac of pacs.values()) {
    if ((pac.starts !== 1 || pac.ends !== 1) && pac.start !== null) count.unpairedPacs.add(pac.start);
  }
  return count;
}

/** What an independent verifier says about a list of step events (formats.md hash chain). */
export function verifyChain(events: readonly Record<string, unknown>[]): { chain: 'intact' | 'absent' } | { chain: 'broken'; brokenAt: number; reason: string } {
  // No step carries a hash at all (hearth keeps them in memory): nothing to verify, nothing broken.
  if (events.length > 0 && events.every((event) => !('event_hash' in event))) return { chain: 'absent' };
  let previous: unknown = null;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] ?? {};
    if (typeof event['event_hash'] !== 'string') return { chain: 'broken', brokenAt: index, reason: 'missing_event_hash' };
    const covered = Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'event_hash' && key !== 'kind'));
    const computed = createHash('sha256').update(canonicalJson(covered)).digest('hex');
    if (computed !== event['event_hash']) return { chain: 'broken', brokenAt: index, reason: 'event_hash_mismatch' };
    if (event['previous_event_hash'] !== previous) return { chain: 'broken', brokenAt: index, reason: 'previous_hash_mismatch' };
    previous = event['event_hash'];
  }
  return { chain: 'intact' };
}

function parsesWhole(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}
