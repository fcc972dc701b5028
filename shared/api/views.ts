import { z } from 'zod';
import { EXECUTION_FAMILIES, FAMILIES } from '../model/family';
import { executionIntegritySchema } from '../model/execution-integrity';
import { problemCodeSchema } from '../model/problem-code';
import { otlpLogSchema, otlpSpanSchema } from '../formats/otlp';
import {
  chainVerdictSchema,
  executionHashComparisonSchema,
  hashRuleSchema,
  producerRollbackVerdictSchema,
  rollbackScaffoldSchema,
  securityDiffSchema,
  sideEffectReportSchema,
  telemetrySummarySchema,
} from '../model/inspection';

const familySchema = z.enum(FAMILIES);
const executionFamilySchema = z.enum(EXECUTION_FAMILIES);
const countsByFamily = z.record(z.string(), z.number().int());

/**
 * Where the ingest stands, for progress bars. `cancelled`: the reviewer stopped
 * the scan; what was committed stays and the folder is not read further until a rescan.
 */
export const indexingProgressSchema = z.object({
  phase: z.enum(['idle', 'discovering', 'indexing', 'done', 'watching', 'cancelled', 'failed']),
  filesTotal: z.number().int(),
  filesDone: z.number().int(),
  bytesTotal: z.number(),
  bytesDone: z.number(),
  events: z.number().int(),
  message: z.string().nullable(),
  /**
   * The enrichment after a scan (full-text search, steps and spans, cross-event
   * checks), while it runs: lists are usable before it ends, search covers what
   * it has reached. Null when nothing waits.
   */
  enrichment: z
    .object({
      /** In this order: full text (`events`), the search index's merge, derived rows (`rows`: steps, spans, side effects), checks. */
      stage: z.enum(['events', 'merge', 'rows', 'checks']),
      done: z.number().int(),
      total: z.number().int(),
      etaMs: z.number().nullable(),
    })
    .nullable(),
});

/** The overview's numbers. */
export const summarySchema = z.object({
  folder: z.string(),
  files: z.object({ indexed: z.number().int(), skipped: z.number().int(), gone: z.number().int() }),
  events: countsByFamily,
  executions: countsByFamily,
  executionsByOutcome: z.record(z.string(), z.number().int()),
  /** Executions by tamper-evidence state (intact, broken, unhashed, unchecked); families without hashes are not counted. */
  executionsByIntegrity: z.record(z.string(), z.number().int()),
  problems: z.number().int(),
  problemsByCode: z.record(z.string(), z.number().int()),
  timeRange: z.object({ from: z.number().nullable(), to: z.number().nullable() }),
  progress: indexingProgressSchema,
  indexRebuiltBecause: z.string().nullable(),
});

/** One row of the executions list. */
export const executionRowSchema = z.object({
  id: z.string(),
  family: executionFamilySchema,
  key: z.string(),
  label: z.string().nullable(),
  status: z.string().nullable(),
  outcome: z.enum(['ok', 'failed', 'running', 'unknown']),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  eventCount: z.number().int(),
  failureCount: z.number().int(),
  problemCount: z.number().int(),
  actor: z.string().nullable(),
  product: z.string().nullable(),
  liveMode: z.string().nullable(),
  planId: z.string().nullable(),
  /** What the execution's own hashes say, apart from its outcome: `broken` means the record cannot be trusted. */
  integrity: executionIntegritySchema,
});

/** Where an event's raw line is in the folder. */
export const sourceRefSchema = z.object({
  path: z.string(),
  line: z.number().int(),
  byteOffset: z.number().int(),
  byteLength: z.number().int(),
  gone: z.boolean(),
});

/** One row of an events list: what a timeline or the explorer shows before opening the event. */
export const eventRowSchema = z.object({
  id: z.number().int(),
  ts: z.number().nullable(),
  family: familySchema,
  kind: z.string(),
  status: z.string().nullable(),
  errorCode: z.string().nullable(),
  actor: z.string().nullable(),
  failed: z.boolean(),
  executionId: z.string().nullable(),
  source: sourceRefSchema,
  /** The start of the raw line (at most 300 characters), as text. */
  preview: z.string(),
  /** The line's problems that name a value to keep masked (SECRET_VALUE_CODES): shown masked in the preview and the detail until revealed. */
  secretFlags: z.array(z.object({ code: problemCodeSchema, message: z.string() })),
});

/** One problem with where it is. */
export const problemRowSchema = z.object({
  id: z.number().int(),
  code: problemCodeSchema,
  message: z.string(),
  path: z.string().nullable(),
  line: z.number().int().nullable(),
  executionId: z.string().nullable(),
  eventId: z.number().int().nullable(),
});

/**
 * A piece of a line as the inspector shows raw bytes: text that is printable
 * as it is, or bytes that are not (invalid UTF-8, control and invisible
 * direction characters) as hex, so a reviewer sees every byte and none acts.
 */
export const lineSegmentSchema = z.union([z.object({ text: z.string() }).strict(), z.object({ bytes: z.string().regex(/^(?:[0-9a-f]{2})+$/) }).strict()]);

/** One line of a file as its bytes were read. */
export const rawLineSchema = z.object({
  line: z.number().int(),
  byteOffset: z.number().int(),
  /** The line's length in bytes, without its newline. */
  byteLength: z.number().int(),
  segments: z.array(lineSegmentSchema),
  /** Only the first bytes are shown: the line is longer. */
  truncated: z.boolean(),
  /** The event the line became, if it became one. */
  eventId: z.number().int().nullable(),
});

/**
 * The line a problem is about, with the lines around it, read from the file by
 * the offsets the index stored (never written); `unavailable` says why it could
 * not be shown (a file-level problem, a file gone or changed since it was read).
 */
export const problemLineSchema = z.object({
  problem: problemRowSchema,
  sourceId: z.number().int().nullable(),
  lines: z.array(rawLineSchema),
  unavailable: z.string().nullable(),
});

/** A step of a record execution, assembled from its step events. */
export const stepSchema = z.object({
  index: z.number().int().nullable(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  startedMs: z.number().nullable(),
  endedMs: z.number().nullable(),
  durationMs: z.number().nullable(),
  errorMessage: z.string().nullable(),
  events: z.array(
    z.object({
      eventId: z.number().int(),
      eventType: z.string().nullable(),
      ts: z.number().nullable(),
      via: z.enum(['stream', 'document']),
      /** 0-based place among its source's step events in emission order: the N of "chain broken at step event N". */
      position: z.number().int().nonnegative(),
    }),
  ),
});

/**
 * One span of an OTLP trace as its detail shows it, in the tree's reading order:
 * its depth under its root, and whether its parent was never written.
 */
export const spanViewSchema = otlpSpanSchema.extend({
  eventId: z.number().int(),
  depth: z.number().int().nonnegative(),
  orphan: z.boolean(),
  /** What it did in a reviewer's words: the GenAI or OpenInference operation, else its name. */
  label: z.string(),
  /** The log records (OTLP logs) that name this span, by time, each with its event. */
  logs: z.array(otlpLogSchema.extend({ eventId: z.number().int() })),
});

/** A Benson checkpoint. */
export const checkpointSchema = z.object({
  eventId: z.number().int(),
  checkpointId: z.string().nullable(),
  name: z.string().nullable(),
  status: z.string().nullable(),
  details: z.string().nullable(),
  ts: z.number().nullable(),
});

/** One cycle of an improvement-cycle run. */
export const cycleSchema = z.object({
  cycle: z.number().int().nullable(),
  firstMs: z.number().nullable(),
  lastMs: z.number().nullable(),
  eventCount: z.number().int(),
  failureCount: z.number().int(),
  decision: z.string().nullable(),
});

/** The unified execution record: one header, family sections filled where they apply. */
export const executionDetailSchema = z.object({
  execution: executionRowSchema,
  /** The first events of the execution in time order (all of them up to the limit); more through listEvents. */
  events: z.array(eventRowSchema),
  eventsTruncated: z.boolean(),
  steps: z.array(stepSchema),
  checkpoints: z.array(checkpointSchema),
  cycles: z.array(cycleSchema),
  /** An OTLP trace's spans as a tree (the first SPAN_LIMIT by start time); empty for every other family. */
  spans: z.array(spanViewSchema),
  snapshots: z.object({ pre: z.record(z.string(), z.unknown()).nullable(), post: z.record(z.string(), z.unknown()).nullable() }),
  sideEffects: sideEffectReportSchema.nullable(),
  chain: chainVerdictSchema.nullable(),
  problems: z.array(problemRowSchema),
});

/** One event in full: its raw line exactly as in the file and what the inspector made of it. */
/** One event named in a Benson report check: its type and time as written, and where the logs hold it. */
const reportedEventSchema = z.object({ eventType: z.string(), timestamp: z.string().nullable(), eventId: z.number().int().nullable() });

/**
 * A Benson report document (ChainBridge's get_telemetry_for_ber()) checked
 * against the indexed logs: the same events, none missing, none extra within
 * the report's time span, and its summary against a recount of its own events.
 */
export const bensonReportCheckSchema = z.object({
  /** Events the report lists. */
  events: z.number().int(),
  /** Of those, how many an indexed log holds (the same type, time and values). */
  matched: z.number().int(),
  /** Events the report lists that no indexed log holds. */
  missingFromLogs: z.array(reportedEventSchema),
  /** Logged Benson events within the report's first and last event that the report does not list. */
  extraInLogs: z.array(reportedEventSchema),
  /** The report's summary and a recount of its events; `event_types` compared as a set. */
  summary: z.object({
    totalEvents: z.object({ reported: z.number().nullable(), recounted: z.number().int() }),
    eventTypes: z.object({ reported: z.array(z.string()), recounted: z.array(z.string()) }),
    firstEvent: z.object({ reported: z.string().nullable(), recounted: z.string().nullable() }),
    lastEvent: z.object({ reported: z.string().nullable(), recounted: z.string().nullable() }),
    matches: z.boolean(),
  }),
  /** One sentence: what was compared and what was found. */
  statement: z.string(),
});

export const eventDetailSchema = z.object({
  event: eventRowSchema,
  raw: z.string(),
  /** The raw line parsed as JSON, when it parses (what a pretty view shows). */
  parsed: z.unknown(),
  normalized: z.object({
    family: familySchema,
    kind: z.string(),
    executionKey: z.string().nullable(),
    timestampMs: z.number().nullable(),
    status: z.string().nullable(),
    errorCode: z.string().nullable(),
    actor: z.string().nullable(),
    failed: z.boolean(),
  }),
  problems: z.array(problemRowSchema),
  /** For a Benson report document: the report checked against the logs; null for any other event. */
  bensonReport: bensonReportCheckSchema.nullable(),
});

/** A file's times without zone: the zone they were read in, null for UTC. */
export const naiveTimesSchema = z.object({ zone: z.string().nullable() });

/** A source file's SHA-256 as read now, so a reviewer can re-check a verdict by hand. */
export const sourceDigestSchema = z.object({
  path: z.string(),
  sha256: z.string().nullable(),
  size: z.number().int().nullable(),
  error: z.string().nullable(),
});

/** The hash-chain verdict of one record execution. */
export const verificationSchema = z.object({
  executionId: z.string(),
  /** The chain of the observer stream's step events (null when there is no stream). */
  stream: chainVerdictSchema.nullable(),
  /** The chain of the record document's step_events (null when there is no document). */
  document: chainVerdictSchema.nullable(),
  /** The overall verdict: broken when either chain is broken; absent when no chain has any stored hash. */
  chain: z.enum(['intact', 'broken', 'absent']),
  brokenAt: z.number().int().nullable(),
  /** Whose step events `brokenAt` counts: the observer stream's or the record document's (null when nothing is broken). */
  brokenIn: z.enum(['stream', 'document']).nullable(),
  reason: z.string().nullable(),
  expected: z.string().nullable(),
  computed: z.string().nullable(),
  executionHash: executionHashComparisonSchema,
  executionHashExpected: z.string().nullable(),
  executionHashComputed: z.string().nullable(),
  /** The rule execution_hash was recomputed by: the one it matched, else the one the document's shape calls for. */
  executionHashRule: hashRuleSchema.nullable(),
  /** What that rule's execution_hash covers, so a match vouches for these and nothing else. */
  executionHashCovers: z.array(z.string()),
  /** What it does not cover: a change there cannot be detected from the document. */
  executionHashNotCovered: z.array(z.string()),
  /** One sentence for reviewers and reports: the verdict, the rule, what it covers and what it does not. */
  statement: z.string(),
  sources: z.array(sourceDigestSchema),
});

/** The scaffold and the hash an acknowledgement must name. */
export const rollbackViewSchema = z.object({
  scaffold: rollbackScaffoldSchema,
  scaffoldHash: z.string(),
  /** The producer's own verdict (hearth's planner), shown beside the scaffold as the producer's; null where the record is not hearth's. */
  producerVerdict: producerRollbackVerdictSchema.nullable(),
});

/** A reviewer's recorded acknowledgement of a manual rollback scaffold. Nothing was executed. */
export const acknowledgementSchema = z.object({
  id: z.string(),
  executionId: z.string(),
  reviewer: z.string(),
  note: z.string().nullable(),
  scaffoldHash: z.string(),
  acknowledgedAt: z.string(),
});

/**
 * A folder opened before, as the desktop shell lists it: `id` is opaque (the page
 * reopens a folder by it and never sends a path); `path` is for display only.
 */
export const recentFolderSchema = z.object({ id: z.string(), name: z.string(), path: z.string() });

/** Event counts per time bucket, split by failed and ok. */
export const histogramSchema = z.object({
  from: z.number().nullable(),
  to: z.number().nullable(),
  bucketMs: z.number(),
  buckets: z.array(z.object({ start: z.number(), ok: z.number().int(), failed: z.number().int() })),
});

/** What a waterfall bar stands for: a whole run, a record step, a Benson phase or checkpoint, a cycle, a cycle command, one event. */
export const WATERFALL_BAR_KINDS = ['execution', 'step', 'phase', 'checkpoint', 'cycle', 'command', 'event'] as const;

/**
 * One bar of an execution's waterfall. `endMs` equal to `startMs` is an instant
 * (an event, a checkpoint); `endMs` null means it began and no end was logged.
 * `startMs` null: the evidence gives it no time (listed, not placed on the axis).
 */
export const waterfallBarSchema = z.object({
  /** Unique within the execution and stable across reloads (e.g. `step:12`, `event:431`). */
  key: z.string(),
  kind: z.enum(WATERFALL_BAR_KINDS),
  label: z.string(),
  /** Nesting: 0 for the run or a cycle, 1 for what happens inside it. */
  depth: z.number().int().nonnegative(),
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  /** The status as written (COMPLETED, FAIL, exit code…), or null. */
  status: z.string().nullable(),
  failed: z.boolean(),
  /** The error message as written, for a failed bar that has one. */
  detail: z.string().nullable(),
  /** The events this bar was read from, in the order they were written; the UI shows them when it is selected. */
  eventIds: z.array(z.number().int()),
});

/** An execution as bars on one time axis: its steps, phases, checkpoints, cycles, commands or events. */
export const waterfallSchema = z.object({
  executionId: z.string(),
  /** The execution's first and last event time (the axis spans at least this). */
  startMs: z.number().nullable(),
  endMs: z.number().nullable(),
  bars: z.array(waterfallBarSchema),
  /**
   * Events past the first ones in time order that are not drawn, so that an execution of
   * millions of events cannot answer with gigabytes; 0 when every event is on a bar. The
   * events list pages through all of them.
   */
  eventsOmitted: z.number().int().nonnegative(),
});

/** One file of the folder as the index knows it. */
export const sourceRowSchema = z.object({
  id: z.number().int(),
  path: z.string(),
  kind: z.string(),
  state: z.enum(['active', 'gone', 'skipped', 'error']),
  reason: z.string().nullable(),
  size: z.number().int(),
  eventCount: z.number().int(),
  family: z.string().nullable(),
  pendingBytes: z.number().int(),
  /** Null when the file has no times without zone; else the zone they were read in (null: UTC). */
  naiveTimes: naiveTimesSchema.nullable(),
});

/**
 * The producer time zones the reviewer set for this folder (only times written
 * without zone are read in them), and each file's own with its source id (null
 * when no file of the index has that path now).
 */
export const timeZonesSchema = z.object({
  folderZone: z.string().nullable(),
  files: z.array(z.object({ sourceId: z.number().int().nullable(), path: z.string(), zone: z.string() })),
});

/** An exported incident report. */
export const reportSchema = z.object({ filename: z.string(), mediaType: z.string(), content: z.string() });

export { securityDiffSchema, sideEffectReportSchema, telemetrySummarySchema, executionFamilySchema };

/** A page of a list and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
