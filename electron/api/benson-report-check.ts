import type { z } from 'zod';
import type { bensonReportCheckSchema } from '../../shared/api/views';
import { bensonReportSchema, BENSON_REPORT_KIND, opensPacDispatch } from '../../shared/formats/benson';
import { lineObject } from '../../shared/formats/line-payload';
import { eventIdentity } from '../index/event-sightings';
import type { BensonReportFacts } from '../index/queries/benson-report-facts';
import { normalizeObject } from '../families/family-registry';
import { renormalizeRaw } from '../ingest/renormalize-raw';
import { searchText } from '../ingest/search-text';

/** A Benson report checked against the logs. */
export type BensonReportCheck = z.infer<typeof bensonReportCheckSchema>;

/** The most logged events looked at for extras: a report covers one session, not a whole folder. */
const MAX_LOGGED = 20_000;

/**
 * Checks a Benson report document against the indexed logs (producers.md): each
 * event it lists is looked up by type, time, PAC and values among the logged events
 * (the log_file or the stdout capture, counted once); logged events within its
 * first and last event that it does not list are extra; and its summary is
 * compared with a recount of its own events (`event_types` as a set, since the
 * producer writes an unordered set). Null when the raw line is no report.
 */
export function checkBensonReport(raw: string, facts: BensonReportFacts): BensonReportCheck | null {
  const parsed = bensonReportSchema.safeParse(lineObject(raw));
  if (!parsed.success) return null;
  const report = parsed.data;
  const logged = new Map<string, { readonly id: number; readonly kind: string; readonly raw: string }>();
  const listedEvents: { eventType: string; timestamp: string | null; ts: number | null; identity: string }[] = [];
  // A CHECKPOINT names no PAC: like the log reader, it joins the PAC whose dispatch is open at that point of the report.
  let openPac: string | null = null;
  for (const item of report.events) {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
    const object = item as Record<string, unknown>;
    const event = normalizeObject(object);
    const key = event.executionKey ?? openPac;
    if (event.executionKey !== null && opensPacDispatch(event.kind)) openPac = event.executionKey;
    else if (event.kind === 'PAC_DISPATCH_END' && openPac === event.executionKey) openPac = null;
    const timestamp = typeof object['timestamp'] === 'string' ? object['timestamp'] : null;
    listedEvents.push({ eventType: event.kind, timestamp, ts: event.timestampMs, identity: eventIdentity(event.family, event.kind, event.timestampMs, key, searchText(object)).toString('hex') });
  }
  const times = listedEvents.flatMap((event) => (event.ts === null ? [] : [event.ts]));
  if (times.length > 0) {
    for (const row of facts.loggedBetween(Math.min(...times), Math.max(...times), BENSON_REPORT_KIND, MAX_LOGGED)) {
      // Benson events are one per line: part 0.
      const again = renormalizeRaw(row.raw, row.path, 0);
      if (again === null) continue;
      const identity = eventIdentity(again.event.family, again.event.kind, again.event.timestampMs, row.pac, again.searchText).toString('hex');
      if (!logged.has(identity)) logged.set(identity, row);
    }
  }
  const listedIdentities = new Set(listedEvents.map((event) => event.identity));
  const listed = listedEvents.map((event) => ({ ...event, eventId: logged.get(event.identity)?.id ?? null }));
  const missing = listed.filter((event) => event.eventId === null);
  const extra = [...logged.entries()]
    .filter(([identity]) => !listedIdentities.has(identity))
    .map(([, row]) => {
      const timestamp = lineObject(row.raw)?.['timestamp'];
      return { eventType: row.kind, timestamp: typeof timestamp === 'string' ? timestamp : null, eventId: row.id };
    });
  const stamps = listed.flatMap((event) => (event.timestamp === null || event.ts === null ? [] : [{ text: event.timestamp, ts: event.ts }])).sort((a, b) => a.ts - b.ts);
  const recountedTypes = [...new Set(listed.map((event) => event.eventType))].sort();
  const reportedTypes = [...new Set(report.summary.event_types)].sort();
  const summary = {
    totalEvents: { reported: report.summary.total_events, recounted: report.events.length },
    eventTypes: { reported: reportedTypes, recounted: recountedTypes },
    firstEvent: { reported: report.summary.first_event ?? null, recounted: stamps[0]?.text ?? null },
    lastEvent: { reported: report.summary.last_event ?? null, recounted: stamps.at(-1)?.text ?? null },
    matches: false,
  };
  summary.matches =
    summary.totalEvents.reported === summary.totalEvents.recounted &&
    reportedTypes.join('\u0000') === recountedTypes.join('\u0000') &&
    summary.firstEvent.reported === summary.firstEvent.recounted &&
    summary.lastEvent.reported === summary.lastEvent.recounted;
  const strip = ({ eventType, timestamp, eventId }: { eventType: string; timestamp: string | null; eventId: number | null }) => ({ eventType, timestamp, eventId });
  const statement =
    `${listed.length - missing.length} of the report's ${listed.length} events are in the indexed logs; ${missing.length} missing from them, ` +
    `${extra.length} logged in its time span but not in the report; its summary ${summary.matches ? 'matches' : 'does not match'} a recount of its events.`;
  return { events: listed.length, matched: listed.length - missing.length, missingFromLogs: missing.map(strip), extraInLogs: extra, summary, statement };
}
