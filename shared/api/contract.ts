import { z } from 'zod';
import { EXECUTION_FAMILIES, FAMILIES } from '../model/family';
import { executionIntegritySchema } from '../model/execution-integrity';
import { PROBLEM_CODES, type ProblemCode } from '../model/problem-code';
import { baselineSchema, baselineVerdictSchema, comparisonSchema } from '../model/comparison';
import type { ApiResult } from './api-result';
import {
  byExecutionSchema,
  cursorSchema,
  epochMsSchema,
  eventIdSchema,
  executionIdSchema,
  filterTextSchema,
  limitSchema,
  problemIdSchema,
  recentFolderIdSchema,
  sourceIdSchema,
  timeZoneNameSchema,
} from './request-fields';
import {
  acknowledgementSchema,
  eventDetailSchema,
  eventRowSchema,
  executionDetailSchema,
  executionRowSchema,
  histogramSchema,
  pageOf,
  problemLineSchema,
  problemRowSchema,
  recentFolderSchema,
  reportSchema,
  rollbackViewSchema,
  securityDiffSchema,
  sideEffectReportSchema,
  sourceRowSchema,
  summarySchema,
  telemetrySummarySchema,
  timeZonesSchema,
  verificationSchema,
  waterfallSchema,
} from './views';
import { journalStatusSchema, journalVerdictSchema, NOTE_KINDS, noteSchema } from './journal-views';

const familyList = z.array(z.enum(FAMILIES)).max(FAMILIES.length);
const executionFamilyList = z.array(z.enum(EXECUTION_FAMILIES)).max(EXECUTION_FAMILIES.length);
const problemCodeList = z.array(z.enum(Object.keys(PROBLEM_CODES) as [ProblemCode, ...ProblemCode[]])).max(100);

/** How many events an anchored events list shows before its anchor. */
export const EVENTS_BEFORE_ANCHOR = 5;

/** Sort keys of the executions list; each is backed by keyset pagination. */
export const EXECUTION_SORTS = ['start', 'end', 'events', 'failures', 'problems', 'key'] as const;

/**
 * The whole API of the inspector: every method with its request and response
 * schema. The preload bridge, the IPC registration, the HTTP bridge and the CLI
 * `call` are all derived from this map, so a method cannot exist in one and not
 * the others. Requests are strict objects: unknown keys are refused.
 */
export const API = {
  /** Counts per family, problems, time range and indexing progress: the overview. */
  summary: { request: z.object({}).strict(), response: summarySchema },
  /** Executions of every family in one list, filtered and sorted in SQL, paged by cursor. */
  listExecutions: {
    request: z
      .object({
        families: executionFamilyList.optional(),
        statuses: z.array(z.string().max(100)).max(50).optional(),
        outcomes: z.array(z.enum(['ok', 'failed', 'running', 'unknown'])).max(4).optional(),
        text: filterTextSchema.optional(),
        from: epochMsSchema.optional(),
        to: epochMsSchema.optional(),
        hasProblems: z.boolean().optional(),
        /** Executions in these tamper-evidence states (`broken`: the records that cannot be trusted). */
        integrities: z.array(executionIntegritySchema).max(5).optional(),
        /** Only executions that are a baseline, do the same as theirs, or diverge from it (issue #14). */
        baseline: z.array(z.enum(['baseline', 'same', 'diverges'])).max(3).optional(),
        sort: z.enum(EXECUTION_SORTS).optional(),
        descending: z.boolean().optional(),
        cursor: cursorSchema.optional(),
        limit: limitSchema.optional(),
      })
      .strict(),
    response: pageOf(executionRowSchema).extend({ total: z.number().int() }),
  },
  /** The unified execution record with its family sections. */
  getExecution: { request: byExecutionSchema, response: executionDetailSchema },
  /**
   * The execution's waterfall: its steps (record), phases and checkpoints (Benson), cycles and
   * commands (cycle) or events (stream, exec-event) as bars on one time axis, failures marked.
   */
  getWaterfall: { request: byExecutionSchema, response: waterfallSchema },
  /** Events by execution, family, kind, status, time range and full-text query, paged by cursor in time order. */
  listEvents: {
    request: z
      .object({
        executionId: executionIdSchema.optional(),
        families: familyList.optional(),
        kinds: z.array(z.string().max(200)).max(50).optional(),
        statuses: z.array(z.string().max(100)).max(50).optional(),
        failed: z.boolean().optional(),
        from: epochMsSchema.optional(),
        to: epochMsSchema.optional(),
        query: filterTextSchema.optional(),
        /** Without a cursor, the first page starts a few events (EVENTS_BEFORE_ANCHOR) before this one, so it shows among its neighbours. */
        anchor: eventIdSchema.optional(),
        cursor: cursorSchema.optional(),
        limit: limitSchema.optional(),
      })
      .strict(),
    response: pageOf(eventRowSchema),
  },
  /** The event kinds of the index with their counts, most frequent first: the suggestions of the kind filter. */
  listEventKinds: { request: z.object({}).strict(), response: z.object({ items: z.array(z.object({ kind: z.string(), count: z.number().int() })), truncated: z.boolean() }) },
  /** One event: the raw line exactly as in the file, its normalized fields, file and line. */
  getEvent: { request: z.object({ id: eventIdSchema }).strict(), response: eventDetailSchema },
  /** Hash chain and execution_hash verdict of a record execution, with the SHA-256 of every file read. */
  verifyExecution: { request: byExecutionSchema, response: verificationSchema },
  /** Security snapshot pre vs post, field by field, with the state change. */
  getSecurityDiff: { request: byExecutionSchema, response: securityDiffSchema },
  /** Side effects declared vs observed: matched, undeclared, unobserved, irreversible. */
  getSideEffectReport: { request: byExecutionSchema, response: sideEffectReportSchema },
  /** The derived rollback scaffold (hints verbatim) and its hash. Nothing in it can run. */
  getRollbackScaffold: { request: byExecutionSchema, response: rollbackViewSchema },
  /** Benson PAC telemetry summary: total_events, event_types, first_event, last_event. */
  getTelemetrySummary: { request: byExecutionSchema, response: telemetrySummarySchema },
  /** Problems filtered by code, file path text or execution, paged, with counts per code. */
  listProblems: {
    request: z
      .object({
        codes: problemCodeList.optional(),
        path: filterTextSchema.optional(),
        executionId: executionIdSchema.optional(),
        cursor: cursorSchema.optional(),
        limit: limitSchema.optional(),
      })
      .strict(),
    response: pageOf(problemRowSchema).extend({ countsByCode: z.record(z.string(), z.number().int()) }),
  },
  /**
   * The line a problem is about and its neighbours, as raw bytes escaped for
   * display: how a malformed line (not JSON, truncated), which is no event, is seen.
   */
  getProblemLine: { request: z.object({ id: problemIdSchema }).strict(), response: problemLineSchema },
  /** Event counts per time bucket, split by failed and ok. */
  histogram: {
    request: z
      .object({ from: epochMsSchema.optional(), to: epochMsSchema.optional(), buckets: z.number().int().min(1).max(500).optional(), families: familyList.optional() })
      .strict(),
    response: histogramSchema,
  },
  /**
   * The folder's files as the index knows them (indexed, skipped with a reason, gone); with `unfinished`, only
   * those whose last line is still waiting for its newline (`pendingBytes` > 0).
   */
  listSources: {
    request: z
      .object({ states: z.array(z.enum(['active', 'gone', 'skipped', 'error'])).max(4).optional(), unfinished: z.boolean().optional(), cursor: cursorSchema.optional(), limit: limitSchema.optional() })
      .strict(),
    response: pageOf(sourceRowSchema),
  },
  /** The producer time zones set for this folder and its files (kept in the app's data folder, never in the evidence). */
  getTimeZones: { request: z.object({}).strict(), response: timeZonesSchema },
  /**
   * Sets the producer time zone of the folder (no `sourceId`) or of one file (by
   * its id from `listSources`), or clears it (`zone` null). Only times written
   * without a zone are read in it; the files it changes are read again, so every
   * time derived from them follows. `rederiving` is true when that re-read has
   * begun (the CLI's one-shot `call` only saves it: the next index reads with it).
   */
  setTimeZone: {
    request: z.object({ sourceId: sourceIdSchema.optional(), zone: timeZoneNameSchema.nullable() }).strict(),
    response: timeZonesSchema.extend({ rederiving: z.boolean() }),
  },
  /**
   * Records that a reviewer confirmed a manual rollback scaffold, in the app's own
   * data folder. Executes nothing. Refused as `stale` when the scaffold changed since it was shown.
   */
  acknowledgeRollback: {
    request: z
      .object({ id: executionIdSchema, reviewer: z.string().trim().min(1).max(200), scaffoldHash: z.string().regex(/^[0-9a-f]{64}$/), note: z.string().max(2000).optional() })
      .strict(),
    response: acknowledgementSchema,
  },
  /** Recorded acknowledgements, newest first. */
  listAcknowledgements: { request: z.object({ id: executionIdSchema.optional() }).strict(), response: z.object({ items: z.array(acknowledgementSchema) }) },
  /** The review journal of this folder and its verdict: the hash chain of its entries recomputed now (a broken journal is reported, never repaired). */
  getJournal: { request: z.object({}).strict(), response: journalStatusSchema },
  /** Notes and bookmarks as they stand after their corrections and deletions, in journal order: all, or those on one execution (its steps and events included) or one event. */
  listNotes: {
    request: z.object({ executionId: executionIdSchema.optional(), eventId: eventIdSchema.optional() }).strict(),
    response: z.object({ items: z.array(noteSchema), verdict: journalVerdictSchema }),
  },
  /**
   * Appends a note or bookmark on an execution, a step of one (`stepIndex`) or an
   * event, quoting the target's raw line and its SHA-256. `reviewer` defaults to
   * the name set with `setReviewer`; without either it is refused.
   */
  addNote: {
    request: z
      .object({
        kind: z.enum(NOTE_KINDS),
        executionId: executionIdSchema.optional(),
        stepIndex: z.number().int().min(0).max(1_000_000).optional(),
        eventId: eventIdSchema.optional(),
        text: z.string().max(10_000),
        reviewer: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    response: noteSchema,
  },
  /** Corrects a note or bookmark (by its `seq`) by appending a correction; the earlier text stays in the journal. */
  editNote: {
    request: z.object({ seq: z.number().int().min(1), text: z.string().max(10_000), reviewer: z.string().trim().min(1).max(200).optional() }).strict(),
    response: noteSchema,
  },
  /** Deletes a note or bookmark by appending a deletion entry; the note stays in the journal, marked deleted. */
  deleteNote: {
    request: z.object({ seq: z.number().int().min(1), reason: z.string().max(2000).optional(), reviewer: z.string().trim().min(1).max(200).optional() }).strict(),
    response: noteSchema,
  },
  /** Sets the reviewer name new entries are signed with (kept in the app's data folder). */
  setReviewer: { request: z.object({ reviewer: z.string().trim().min(1).max(200) }).strict(), response: z.object({ reviewer: z.string() }) },
  /** The whole journal exactly as written (JSON Lines, its chain included) with its verdict, as one JSON file to save. */
  exportJournal: { request: z.object({}).strict(), response: reportSchema },
  /** An incident report of one execution as Markdown, self-contained HTML or JSON. */
  exportReport: { request: z.object({ id: executionIdSchema, format: z.enum(['md', 'html', 'json']) }).strict(), response: reportSchema },
  /**
   * Executions as OpenTelemetry traces (OTLP/JSON, one `ExportTraceServiceRequest` a line): the run
   * as the root span, its waterfall bars as spans, its events as span events citing file, line and
   * the raw line's SHA-256. `skipped` names those that could not be exported (no time at all) and why.
   */
  exportOtlp: {
    request: z.object({ ids: z.array(executionIdSchema).min(1).max(500) }).strict(),
    response: reportSchema.extend({ exported: z.number().int(), skipped: z.array(z.object({ id: z.string(), reason: z.string() })) }),
  },
  /**
   * Stops the scan of this folder in progress; what was committed stays and the
   * progress phase reads `cancelled` until `rescan`. `cancelled` is false when no scan was running.
   */
  cancelIndexing: { request: z.object({}).strict(), response: z.object({ cancelled: z.boolean() }) },
  /**
   * Scans the whole folder again, reading only bytes not yet indexed (resumes a
   * cancelled index). `started` is false when a full scan is already under way or the folder is closed.
   */
  rescan: { request: z.object({}).strict(), response: z.object({ started: z.boolean() }) },
  /**
   * Two executions side by side: steps aligned by their family's rule, each pair's
   * outcome, duration and delta, error and side effects, the security snapshots, and
   * the first divergence with the raw lines of both runs there.
   */
  compareExecutions: { request: z.object({ a: executionIdSchema, b: executionIdSchema }).strict(), response: comparisonSchema },
  /** The comparison of two executions as a report (Markdown, self-contained HTML or JSON) citing each source file's SHA-256. */
  exportComparisonReport: {
    request: z.object({ a: executionIdSchema, b: executionIdSchema, format: z.enum(['md', 'html', 'json']) }).strict(),
    response: reportSchema,
  },
  /** The known-good executions marked for this folder, one per scope (plan, action type, agent, run name), kept in the app's data folder. */
  listBaselines: { request: z.object({}).strict(), response: z.object({ items: z.array(baselineSchema) }) },
  /** Marks an execution as the known-good run of its scope (replacing the scope's previous one). Writes only to the app's data folder. */
  setBaseline: { request: z.object({ id: executionIdSchema, note: z.string().max(2000).optional() }).strict(), response: baselineSchema },
  /** Removes the baseline of the scope an execution belongs to; `removed` is null when it had none. */
  clearBaseline: { request: z.object({ id: executionIdSchema }).strict(), response: z.object({ removed: baselineSchema.nullable() }) },
  /** How each execution stands against its scope's baseline (`diverges` with where), for the rows a list shows. */
  getBaselineVerdicts: {
    request: z.object({ ids: z.array(executionIdSchema).min(1).max(500) }).strict(),
    response: z.object({ items: z.array(baselineVerdictSchema) }),
  },
  /** Folders opened before, newest first. Desktop shell only: browser mode and the CLI answer `not_applicable`. */
  listRecentFolders: { request: z.object({}).strict(), response: z.object({ items: z.array(recentFolderSchema) }) },
  /** Opens (or focuses) a recent folder by the id `listRecentFolders` gave; the page never names a path. Desktop shell only. */
  openRecentFolder: { request: z.object({ id: recentFolderIdSchema }).strict(), response: z.object({ opened: z.boolean() }) },
  /** Shows the native folder picker and opens the chosen folder in its window; `opened` is false when the picker was cancelled. Desktop shell only. */
  chooseFolder: { request: z.object({}).strict(), response: z.object({ opened: z.boolean() }) },
} as const;

/** A method of the API. */
export type ApiMethod = keyof typeof API;

/** The names of all methods, in contract order. */
export const API_METHODS = Object.keys(API) as ApiMethod[];

/**
 * The methods the desktop shell answers rather than a folder's index: opening
 * folders. A host without them (browser mode, the CLI) answers `not_applicable`.
 */
export const HOST_METHODS = ['listRecentFolders', 'openRecentFolder', 'chooseFolder'] as const satisfies readonly ApiMethod[];

/** A method answered by the desktop shell. */
export type HostMethod = (typeof HOST_METHODS)[number];

/** What a caller passes to a method (before defaults). */
export type ApiRequest<M extends ApiMethod> = z.input<(typeof API)[M]['request']>;

/** What a method answers with on success. */
export type ApiResponse<M extends ApiMethod> = z.infer<(typeof API)[M]['response']>;

/** A notice that the index changed: counts only; the UI re-queries what it shows. */
export const indexChangeSchema = z.object({
  events: z.number().int(),
  problems: z.number().int(),
  phase: z.string(),
  at: z.number(),
  /** False when only the progress moved (the enrichment's steps): lists need no re-read, only the status does. */
  data: z.boolean(),
});

/** What a change subscriber receives. */
export type IndexChange = z.infer<typeof indexChangeSchema>;

/**
 * The object the renderer talks to, in the app (`window.inspector`, from the
 * preload) and in the browser (the HTTP client): one function per method, plus
 * the change subscription. Nothing in the UI knows which one it has.
 */
export type InspectorBridge = { readonly [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>> } & {
  /** Calls `listener` when the index changed; returns the unsubscribe function. */
  readonly onIndexChanged: (listener: (change: IndexChange) => void) => () => void;
};

/** True for a string naming a method of the contract. */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API, name);
}
