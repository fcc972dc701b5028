import type { Comparison } from '../../../shared/model/comparison';
import type { FoundExecution, StoredSource } from '../../index/queries/execution-facts';
import { comparisonReport } from '../../inspect/comparison-report';
import { reportIndexing } from '../../inspect/report-indexing';
import { renderComparisonReport } from '../../inspect/render-comparison-report';
import { baselineScopeOf } from '../../inspect/compare/baseline-scope';
import { inspectorVersion, type ReportFormat } from '../../inspect/incident-report';
import { SourceDigester } from '../../inspect/verify-execution';
import { ApiFailure } from '../api-failure';
import type { ComparisonServices } from '../comparison-services';
import type { HandlerContext } from '../handler-context';
import type { JournalAccess } from '../journal-access';
import type { ApiHandlers } from '../inspector-service';

type CompareMethods = 'compareExecutions' | 'exportComparisonReport' | 'listBaselines' | 'setBaseline' | 'clearBaseline' | 'getBaselineVerdicts';

/**
 * Comparing two executions and the known-good baselines (issue #14). Everything
 * is read from the index and, for the report's hashes, the folder's files as the
 * index names them; the only thing written is the baselines file, in the app's
 * own data folder.
 */
export function compareHandlers(context: HandlerContext, services: ComparisonServices, journal: JournalAccess): Pick<ApiHandlers, CompareMethods> {
  const digester = new SourceDigester(context.folder);
  let version: string | null = null;

  const find = (id: string): FoundExecution => {
    const execution = services.get().assembler.find(id);
    if (execution === null) throw new ApiFailure('not_found', `no execution ${JSON.stringify(id.slice(0, 200))} in this folder's index`);
    return execution;
  };
  /** Waits until these executions have their steps and checks (enriched on demand when the enrichment has not reached them). */
  const ready = async (ids: readonly string[]): Promise<void> => {
    const rows = ids.flatMap((id) => {
      const execution = services.get().assembler.find(id);
      return execution === null ? [] : [execution.rowId];
    });
    await context.enriched(rows);
  };
  const compare = async (a: string, b: string): Promise<{ readonly comparison: Comparison; readonly a: FoundExecution; readonly b: FoundExecution }> => {
    await ready([a, b]);
    const found = { a: find(a), b: find(b) };
    const { comparer } = services.get();
    return { ...found, comparison: comparer.compare(comparer.run(found.a), comparer.run(found.b)) };
  };
  const scopeOf = (execution: FoundExecution) => {
    const scope = baselineScopeOf(execution.row);
    if (scope === null) throw new ApiFailure('not_applicable', `${execution.row.id} belongs to no group a baseline could stand for (a record needs a plan id, an exec-event an action type, a Benson PAC an agent)`);
    return scope;
  };

  return {
    compareExecutions: async (request) => (await compare(request.a, request.b)).comparison,

    exportComparisonReport: async (request) => {
      const { comparison, a, b } = await compare(request.a, request.b);
      const { facts } = services.get();
      const digests = async (execution: FoundExecution) => {
        const sources: readonly StoredSource[] = facts.sourcesOf(execution);
        return digester.digest(sources);
      };
      version ??= inspectorVersion();
      const report = comparisonReport({ version, generatedAt: context.now(), folder: context.folder, indexing: reportIndexing(context.progress()), comparison, sources: { a: await digests(a), b: await digests(b) },
        reviewJournal: journal.entriesFor([a.row.id, b.row.id]),
      });
      const format: ReportFormat = request.format;
      return renderComparisonReport(report, format);
    },

    listBaselines: () => ({ items: [...services.store.list()] }),

    setBaseline: (request) => {
      const execution = find(request.id);
      return services.store.mark(scopeOf(execution), execution.row.id, request.note ?? null);
    },

    clearBaseline: (request) => ({ removed: services.store.clear(scopeOf(find(request.id))) }),

    getBaselineVerdicts: async (request) => {
      // The baselines too: a verdict compares each execution with its baseline's steps.
      await ready([...request.ids, ...services.store.list().map((baseline) => baseline.executionId)]);
      return { items: services.get().verdicts.verdicts(request.ids.map(find)) };
    },
  };
}

