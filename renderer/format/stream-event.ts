import { asRecord, parsePreview } from './json-text';
import type { EventRow } from './event-row';
import { withVisibleControls } from './visible-controls';

/** A mission stream event as one line: its type and its payload's telling fields, all as text. */
export interface StreamEventLine {
  readonly type: string;
  readonly summary: string;
  readonly tone: 'ok' | 'bad' | 'warn' | 'neutral';
}

const FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  navigation: ['action', 'url', 'detail'],
  extraction: ['selector', 'records', 'detail'],
  signal: ['name', 'level', 'detail'],
  status: ['state', 'detail'],
};

/** Summarizes a stream event from its preview; URLs stay plain text (they are never links). */
export function streamEventLine(row: EventRow): StreamEventLine {
  const json = parsePreview(row.preview);
  const type = row.kind === '' ? '(no event_type)' : row.kind;
  const payload = asRecord(json?.['payload']);
  if (payload === null) return { type: withVisibleControls(type), summary: withVisibleControls(row.preview.replace(/\s+/g, ' ')), tone: row.failed ? 'bad' : 'neutral' };
  const keys = FIELDS_BY_TYPE[type] ?? Object.keys(payload);
  const summary = keys
    .filter((key) => payload[key] !== undefined)
    .map((key) => `${key}: ${typeof payload[key] === 'string' ? (payload[key] as string) : JSON.stringify(payload[key])}`)
    .join(' · ');
  const state = payload['state'];
  const level = payload['level'];
  const tone = row.failed || state === 'failed' ? 'bad' : level === 'warning' || level === 'error' ? 'warn' : state === 'completed' ? 'ok' : 'neutral';
  return { type: withVisibleControls(type), summary: withVisibleControls(summary), tone };
}

/** The live_stream_id of a stream file: its file stem. */
export function liveStreamId(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  return name.replace(/\.(jsonl|ndjson|json|log)(\.\d+)?(\.gz)?$/, '');
}
