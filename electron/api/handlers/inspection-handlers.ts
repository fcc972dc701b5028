import type Database from 'better-sqlite3';
import { acknowledgementEntry, acknowledgementOf, journalAcknowledgements } from '../../inspect/journal-acknowledgements';
import { DETAIL_EVENT_LIMIT, ExecutionAssembler, type RecordAssembly } from '../../inspect/assemble-execution';
import { ExecutionFacts, type FoundExecution, type StoredSource } from '../../index/queries/execution-facts';
import { reportIndexing } from '../../inspect/report-indexing';
import { incidentReport, inspectorVersion, otlpFilename, reportFilename, reportMediaType, type CitedSource, type IncidentReport, type ReportFormat } from '../../inspect/incident-report';
import { renderReportHtml } from '../../inspect/render-report-html';
import { renderReportMarkdown } from '../../inspect/render-report-markdown';
import { SourceDigester, verifyRecord, type SourceDigest } from '../../inspect/verify-execution';
import { WATERFALL_EVENT_LIMIT, WaterfallAssembler } from '../../inspect/waterfall/assemble-waterfall';
import { ExportEventFacts } from '../../index/queries/export-event-facts';
import { executionToOtlp } from '../../inspect/otlp-export/execution-to-otlp';
import { WaterfallFacts } from '../../index/queries/waterfall-facts';
import { assertNever } from '../../../shared/model/family';
import { ApiFailure } from '../api-failure';
import { RecordAssemblyCache } from '../record-assembly-cache';
import type { HandlerContext } from '../handler-context';
import type { JournalAccess } from '../journal-access';
import type { ApiHandlers } from '../inspector-service';

type InspectionMethods =
  | 'getExecution'
  | 'getWaterfall'
  | 'verifyExecution'
  | 'getSecurityDiff'
  | 'getSideEffectReport'
  | 'getRollbackScaffold'
  | 'getTelemetrySummary'
  | 'acknowledgeRollback'
  | 'listAcknowledgements'
  | 'exportReport'
  | 'exportOtlp';

/**
 * The per-execution inspection methods: assembly, verification, diffs,
 * scaffold, acknowledgements, reports. Everything is derived from the index
 * and, for hashes, from the folder's files as named by the index; the only
 * thing written is an acknowledgement, an entry of the review journal in the
 * app's own data folder.
 */
export function inspectionHandlers(context: HandlerContext, journal: JournalAccess): Pick<ApiHandlers, InspectionMethods> {
  // Statements are prepared once per connection; the connection is opened on first use.
  interface Prepared {
    readonly db: Database.Database;
    readonly facts: ExecutionFacts;
    readonly assembler: ExecutionAssembler;
    readonly waterfall: WaterfallAssembler;
    readonly exportEvents: ExportEventFacts;
    readonly records: RecordAssemblyCache;
  }
  let prepared: Prepared | null = null;
  const index = (): Prepared => {
    const db = context.db();
    if (prepared === null || prepared.db !== db) {
      const facts = new ExecutionFacts(db);
      prepared = { db, facts, assembler: new ExecutionAssembler(facts), waterfall: new WaterfallAssembler(new WaterfallFacts(db), facts), exportEvents: new ExportEventFacts(db), records: new RecordAssemblyCache(db) };
    }
    return prepared;
  };
  let version: string | null = null;

  const find = (id: string): FoundExecution => {
    const execution = index().assembler.find(id);
    if (execution === null) throw new ApiFailure('not_found', `no execution ${JSON.stringify(id.slice(0, 200))} in this folder's index`);
    return execution;
  };
  /** Finds executions once their derived rows and checks are in (enriched on demand when the enrichment has not reached them). */
  const ready = async (ids: readonly string[]): Promise<FoundExecution[]> => {
    await context.enriched(ids.map((id) => find(id).rowId));
    return ids.map(find);
  };
  const readyOne = async (id: string): Promise<FoundExecution> => (await ready([id]))[0] as FoundExecution;
  const recordOf = (execution: FoundExecution): RecordAssembly => {
    const { records, assembler } = index();
    return records.get(execution.rowId, () => assembler.record(execution));
  };
  const findRecord = async (id: string, what: string): Promise<{ readonly execution: FoundExecution; readonly record: RecordAssembly }> => {
    const execution = await readyOne(id);
    if (execution.row.family !== 'record') throw new ApiFailure('not_applicable', `${what} exists for record executions only; ${execution.row.id} is a ${execution.row.family} execution`);
    return { execution, record: recordOf(execution) };
  };
  const digester = new SourceDigester(context.folder);
  const digestsOf = (sources: readonly StoredSource[]): Promise<SourceDigest[]> => digester.digest(sources);

  return {
    getExecution: async (request) => index().assembler.detail(await readyOne(request.id)),

    getWaterfall: async (request) => index().waterfall.waterfall(await readyOne(request.id)),

    verifyExecution: async (request) => {
      const { execution, record } = await findRecord(request.id, 'A hash chain');
      return verifyRecord(execution.row.id, record, await digestsOf(index().facts.sourcesOf(execution)));
    },

    getSecurityDiff: async (request) => (await findRecord(request.id, 'A security snapshot diff')).record.securityDiff,

    getSideEffectReport: async (request) => (await findRecord(request.id, 'A side-effect report')).record.sideEffects,

    getRollbackScaffold: async (request) => {
      const { record } = await findRecord(request.id, 'A rollback scaffold');
      return { scaffold: record.scaffold, scaffoldHash: record.scaffoldHash, producerVerdict: record.producerVerdict };
    },

    getTelemetrySummary: async (request) => {
      const execution = await readyOne(request.id);
      if (execution.row.family !== 'benson') {
        throw new ApiFailure('not_applicable', `a telemetry summary exists for Benson PACs only; ${execution.row.id} is a ${execution.row.family} execution`);
      }
      return index().assembler.telemetrySummary(execution);
    },

    acknowledgeRollback: async (request) => {
      const { execution, record } = await findRecord(request.id, 'A rollback acknowledgement');
      // The reviewer must have seen exactly the scaffold there is now (the folder may have grown since).
      if (record.scaffoldHash !== request.scaffoldHash) {
        throw new ApiFailure('stale', `the rollback scaffold of ${execution.row.id} changed since it was shown (now ${record.scaffoldHash}); review it again before acknowledging`);
      }
      const input = { executionId: execution.row.id, reviewer: request.reviewer, note: request.note ?? null, scaffoldHash: record.scaffoldHash };
      const [entry] = journal.append([acknowledgementEntry(input, journal.targets())]);
      const recorded = entry === undefined ? null : acknowledgementOf(entry);
      if (recorded === null) throw new Error('the acknowledgement was not appended to the journal');
      return recorded;
    },

    listAcknowledgements: (request) => {
      const all = journalAcknowledgements(journal.read().entries, journal.journal.legacyAcknowledgements());
      return { items: request.id === undefined ? all : all.filter((ack) => ack.executionId === request.id) };
    },

    exportReport: async (request) => {
      const execution = await readyOne(request.id);
      const report = await buildReport(execution);
      const format: ReportFormat = request.format;
      return { filename: reportFilename(execution.row.family, execution.row.key, format), mediaType: reportMediaType(format), content: renderReport(report, format) };
    },

    exportOtlp: async (request) => {
      const executions = await ready(request.ids);
      version ??= inspectorVersion();
      const lines: string[] = [];
      const skipped: { id: string; reason: string }[] = [];
      const { waterfall, exportEvents } = index();
      for (const execution of executions) {
        const spans = executionToOtlp({
          execution: execution.row,
          waterfall: waterfall.waterfall(execution),
          events: exportEvents.eventsOf(execution.rowId, WATERFALL_EVENT_LIMIT),
          folder: context.folder,
          inspectorVersion: version,
        });
        if (spans === null) skipped.push({ id: execution.row.id, reason: 'none of its events has a time, and an OTLP span must have one' });
        else lines.push(JSON.stringify({ resourceSpans: [spans] }));
      }
      if (lines.length === 0) throw new ApiFailure('not_applicable', `nothing to export: ${skipped.map((s) => `${s.id}: ${s.reason}`).join('; ')}`);
      const only = executions.length === 1 ? executions[0]!.row : null;
      return {
        filename: only === null ? `otlp-${executions.length}-executions.jsonl` : otlpFilename(only.family, only.key),
        mediaType: 'application/x-ndjson',
        content: `${lines.join('\n')}\n`,
        exported: lines.length,
        skipped,
      };
    },
  };

  async function buildReport(execution: FoundExecution): Promise<IncidentReport> {
    const { facts, assembler } = index();
    const family = execution.row.family;
    const record = family === 'record' ? recordOf(execution) : null;
    const detail = assembler.detail(execution, record ?? undefined);
    const executionSources = facts.sourcesOf(execution);
    const cited = facts.citedLines(execution, record === null ? null : execution.row.planId, DETAIL_EVENT_LIMIT);
    const sources = facts.sources([...executionSources.map((source) => source.id), ...cited.map((line) => line.sourceId)]);
    const digests = new Map<number, SourceDigest>();
    (await digestsOf(sources)).forEach((digest, position) => digests.set((sources[position] as StoredSource).id, digest));
    const linesBySource = new Map<number, number[]>();
    for (const line of cited) {
      const lines = linesBySource.get(line.sourceId);
      if (lines === undefined) linesBySource.set(line.sourceId, [line.line]);
      else lines.push(line.line);
    }
    const citedSources: CitedSource[] = sources.map((source) => ({ ...(digests.get(source.id) as SourceDigest), lines: linesBySource.get(source.id) ?? [], naiveTimes: source.naiveTimes }));
    version ??= inspectorVersion();
    return incidentReport({
      version,
      generatedAt: context.now(),
      folder: context.folder,
      indexing: reportIndexing(context.progress()),
      detail,
      telemetrySummary: family === 'benson' ? assembler.telemetrySummary(execution) : null,
      securityDiff: record?.securityDiff ?? null,
      verification: record === null ? null : verifyRecord(execution.row.id, record, executionSources.map((source) => digests.get(source.id) as SourceDigest)),
      rollback: record === null ? null : { scaffold: record.scaffold, scaffoldHash: record.scaffoldHash, producerVerdict: record.producerVerdict },
      sources: citedSources,
      reviewJournal: journal.entriesFor([execution.row.id]),
    });
  }
}

function renderReport(report: IncidentReport, format: ReportFormat): string {
  switch (format) {
    case 'md':
      return renderReportMarkdown(report);
    case 'html':
      return renderReportHtml(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    default:
      return assertNever(format, 'report format');
  }
}
