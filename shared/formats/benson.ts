import { z } from 'zod';

/** The only authority a Benson telemetry line may name (formats.md §2). */
export const BENSON_AUTHORITY = 'BENSON (GID-00)';

/** The Benson event types formats.md §2 names; any other event type is a legal custom event. */
export const BENSON_EVENT_TYPES = [
  'PAC_DISPATCH_START',
  'PAC_DISPATCH_END',
  'AGENT_EXECUTION_START',
  'AGENT_EXECUTION_END',
  'SCHEMA_VALIDATION',
  'CHECKPOINT',
  'BER_GENERATION_DECISION',
  'WRAP_GENERATION',
] as const;

/**
 * ChainBridge's event types beyond formats.md (producers.md): its preferred
 * dispatch path and the BER/WRAP authorization events.
 */
export const CHAINBRIDGE_EVENT_TYPES = [
  'DISPATCH_AUTHORIZED',
  'PAC_DISPATCH_START_WITH_SESSION',
  'WRAP_GENERATED_WITH_DISPATCH',
  'DISPATCH_REVOKED',
  'DISPATCH_VALIDATION_FAILED',
  'BER_VALIDATION_START',
  'WRAP_AUTHORIZATION_DENIED',
  'WRAP_AUTHORIZATION_GRANTED',
] as const;

/** The events that open a PAC's dispatch: the dispatch path's START_WITH_SESSION opens it exactly as START does. */
export const PAC_DISPATCH_OPENERS: readonly string[] = ['PAC_DISPATCH_START', 'PAC_DISPATCH_START_WITH_SESSION'];

/** True for an event type that opens a PAC's dispatch. */
export function opensPacDispatch(eventType: string): boolean {
  return PAC_DISPATCH_OPENERS.includes(eventType);
}

/**
 * The `data` object of a Benson event. Only the fields the inspector reads are
 * typed; they are nullish because producers written in Python emit `None`.
 */
export const bensonDataSchema = z.looseObject({
  pac_id: z.string().nullish(),
  agent_gid: z.string().nullish(),
  agent_name: z.string().nullish(),
  status: z.string().nullish(),
  error_code: z.string().nullish(),
  checkpoint_id: z.string().nullish(),
  checkpoint_name: z.string().nullish(),
  dispatch_session_id: z.string().nullish(),
  valid: z.boolean().nullish(),
  eligible: z.boolean().nullish(),
  blocked: z.boolean().nullish(),
});

/**
 * A Benson governance telemetry line (formats.md §2). `telemetry_version` and
 * `authority` are optional here because their absence has its own problem code.
 */
export const bensonEventSchema = z.looseObject({
  telemetry_version: z.string().optional(),
  timestamp: z.string(),
  event_type: z.string(),
  authority: z.string().optional(),
  data: bensonDataSchema,
});

/** The data object of a parsed Benson event. */
export type BensonData = z.infer<typeof bensonDataSchema>;

/** A parsed Benson event. */
export type BensonEvent = z.infer<typeof bensonEventSchema>;

/** The kind a Benson report document is indexed as: one event, its events not counted again. */
export const BENSON_REPORT_KIND = 'BER_TELEMETRY_REPORT';

/**
 * ChainBridge's `get_telemetry_for_ber()` saved as a document (producers.md):
 * the whole session's events and a summary of them, `event_types` unordered.
 */
export const bensonReportSchema = z.looseObject({
  telemetry_version: z.string(),
  summary: z.looseObject({
    total_events: z.number().int(),
    event_types: z.array(z.string()),
    first_event: z.string().nullish(),
    last_event: z.string().nullish(),
  }),
  events: z.array(z.unknown()),
});

/** A parsed Benson report document. */
export type BensonReport = z.infer<typeof bensonReportSchema>;

/** True for an object shaped as a Benson report document: a telemetry version, a summary object and an events array, no event_type. */
export function looksLikeBensonReport(obj: Readonly<Record<string, unknown>>): boolean {
  const summary = Object.hasOwn(obj, 'summary') ? obj['summary'] : undefined;
  return Object.hasOwn(obj, 'telemetry_version') && !Object.hasOwn(obj, 'event_type') && Array.isArray(obj['events']) && summary !== null && typeof summary === 'object' && !Array.isArray(summary);
}
