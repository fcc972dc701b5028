import { strict as assert } from 'node:assert';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { createHandlers } from '../../../electron/api/create-handlers';
import type { HandlerContext } from '../../../electron/api/handler-context';
import { InspectorService } from '../../../electron/api/inspector-service';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { EnrichmentState } from '../../../electron/index/queries/enrichment-state';
import type { ApiMethod } from '../../../shared/api/contract';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { writeOtlpFolder } from '../../fixtures/write-otlp';
import { enrichToTheEnd, scanWithoutEnrichment } from '../../support/deferred-scan';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

/** Every method that answers about one execution, and so waits for its enrichment first. */
const PER_EXECUTION: readonly ApiMethod[] = [
  'getExecution', 'getWaterfall', 'verifyExecution', 'getSecurityDiff', 'getSideEffectReport', 'getRollbackScaffold', 'getTelemetrySummary', 'exportReport',
];

const DONE = { phase: 'done', filesTotal: 1, filesDone: 1, bytesTotal: 1, bytesDone: 1, events: 1, message: null, enrichment: null } as const;

function service(folder: string, db: Database.Database, enriched: HandlerContext['enriched']): InspectorService {
  return new InspectorService(
    createHandlers({
      db: () => db, folder, dataDir: tempFolder('on-demand-answers-data'), progress: () => DONE, cancelIndexing: async () => false, rescan: async () => false,
      applyTimeZones: async () => false, enriched, rebuiltBecause: () => null, now: () => new Date(0),
    }),
  );
}

/** An answer as compared: a report's JSON parsed, and rows' own ids left out (cross-event problems are stored in another order). */
function comparable(method: ApiMethod, result: Awaited<ReturnType<InspectorService['call']>>): string {
  const value = result.ok ? (method === 'exportReport' ? JSON.parse((result.value as { content: string }).content) : result.value) : result.error;
  return JSON.stringify(value, (key, inner: unknown) => (key === 'id' && typeof inner === 'number' ? undefined : inner));
}

/** The API over a folder twice: `answered` once its enrichment ran to its end, `asked` before it ran, each execution enriched on demand. */
interface TwoIndexes {
  readonly answered: InspectorService;
  readonly asked: InspectorService;
  /** Executions the `asked` side enriched on demand so far. */
  onDemand(): number;
  /** The asked side's enriched mark: 0 while every answer comes before its enrichment. */
  enrichedThrough(): number;
  /** Every execution id, in the list's order, with its family. */
  executions(): Promise<{ readonly id: string; readonly family: string }[]>;
}

/** Scans the folder into two indexes, runs `body` on their APIs, and closes everything. */
async function withTwoIndexes<T>(folder: string, body: (indexes: TwoIndexes) => Promise<T>): Promise<T> {
  const full = await scanWithoutEnrichment(folder);
  enrichToTheEnd(full.writer);
  const early = await scanWithoutEnrichment(folder);
  const fullReader = openIndexReadOnly(full.dbPath);
  const earlyReader = openIndexReadOnly(early.dbPath);
  try {
    const state = new EnrichmentState(earlyReader);
    let onDemand = 0;
    const answered = service(folder, fullReader, async () => undefined);
    return await body({
      answered,
      asked: service(folder, earlyReader, async (rowIds) => {
        for (const id of rowIds) {
          if (state.executionWaits(id) && early.writer.enrichment.enrichExecution(id)) onDemand++;
        }
      }),
      onDemand: () => onDemand,
      enrichedThrough: () => early.writer.enrichment.marks().enrichedThrough,
      executions: async () => {
        const rows: { id: string; family: string }[] = [];
        for (let cursor: string | null = null; ; ) {
          const page = await answered.call('listExecutions', cursor === null ? { limit: 500 } : { limit: 500, cursor });
          assert.ok(page.ok);
          const value = page.value as { items: { id: string; family: string }[]; nextCursor: string | null };
          rows.push(...value.items);
          if ((cursor = value.nextCursor) === null) return rows;
        }
      },
    });
  } finally {
    fullReader.close();
    earlyReader.close();
    full.db.close();
    early.db.close();
  }
}

/**
 * Answers every per-execution method for every execution on both indexes, each
 * execution enriched on demand just before it is asked about, as the app does
 * for an execution opened early. Returns how many were enriched on demand.
 */
function assertSameAnswers(folder: string): Promise<number> {
  return withTwoIndexes(folder, async ({ answered, asked, onDemand, enrichedThrough, executions }) => {
    for (const { id } of await executions()) {
      for (const method of PER_EXECUTION) {
        const request = method === 'exportReport' ? { id, format: 'json' } : { id };
        assert.equal(comparable(method, await asked.call(method, request)), comparable(method, await answered.call(method, request)), `${method} of ${id}`);
      }
    }
    assert.equal(enrichedThrough(), 0, 'every answer came before the enrichment ran');
    return onDemand();
  });
}

/**
 * Compares runs two by two (each with the next of its family in the list) and
 * gives baseline verdicts on both indexes: before the enrichment, the
 * comparison enriches both runs on demand, and the verdicts the runs and their
 * baselines. Returns how many runs were compared.
 */
function assertSameComparisons(folder: string): Promise<number> {
  return withTwoIndexes(folder, async ({ answered, asked, executions }) => {
    const byFamily = new Map<string, string[]>();
    for (const row of await executions()) byFamily.set(row.family, [...(byFamily.get(row.family) ?? []), row.id]);
    let compared = 0;
    for (const ids of byFamily.values()) {
      for (let i = 0; i + 1 < Math.min(ids.length, 12); i += 2) {
        const pair = { a: ids[i] as string, b: ids[i + 1] as string };
        assert.equal(comparable('compareExecutions', await asked.call('compareExecutions', pair)), comparable('compareExecutions', await answered.call('compareExecutions', pair)), `${pair.a} with ${pair.b}`);
        compared += 2;
        // The first run of the pair stands as its group's baseline on both sides (a run outside any group is refused alike).
        const marked = [await asked.call('setBaseline', { id: pair.a }), await answered.call('setBaseline', { id: pair.a })];
        assert.equal(marked[0]?.ok, marked[1]?.ok, `baseline ${pair.a}`);
        const verdicts = { ids: ids.slice(0, 12) };
        assert.equal(comparable('getBaselineVerdicts', await asked.call('getBaselineVerdicts', verdicts)), comparable('getBaselineVerdicts', await answered.call('getBaselineVerdicts', verdicts)), `verdicts after ${pair.a}`);
      }
    }
    return compared;
  });
}

/** The mixed fixture (every family, plans read after their records) with OTLP traces. */
function mixedFolder(name: string): string {
  const folder = realpathSync(tempFolder(name));
  writeFixtureFolder(join(folder, 'mixed'), { seed: 11, scale: 2 });
  writeOtlpFolder(join(folder, 'otlp'));
  return folder;
}

describe('an execution asked about before the enrichment reached it', () => {
  it('is answered by every method exactly as after a full enrichment: every family, plans read after their records, OTLP traces', async () => {
    assert.ok((await assertSameAnswers(mixedFolder('on-demand-answers'))) > 100, 'most executions were enriched on demand');
  });

  it("is answered exactly as after a full enrichment for the real producers' files", async () => {
    assert.ok((await assertSameAnswers(realpathSync(PRODUCER_SAMPLES))) > 10);
  });

  it('is compared, and judged against a baseline, exactly as after a full enrichment', async () => {
    assert.ok((await assertSameComparisons(mixedFolder('on-demand-comparisons'))) > 30, 'runs of every family compared');
    assert.ok((await assertSameComparisons(realpathSync(PRODUCER_SAMPLES))) > 4);
  });
});
