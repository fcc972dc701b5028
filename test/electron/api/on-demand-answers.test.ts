import { strict as assert } from 'node:assert';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { createHandlers } from '../../../electron/api/create-handlers';
import type { HandlerContext } from '../../../electron/api/handler-context';
import { InspectorService } from '../../../electron/api/inspector-service';
import { INDEX_FAMILY_RULES } from '../../../electron/families/family-registry';
import { IndexWriter } from '../../../electron/index/index-writer';
import { openIndex, openIndexReadOnly } from '../../../electron/index/open-index';
import { EnrichmentState } from '../../../electron/index/queries/enrichment-state';
import { discoverDirectories } from '../../../electron/ingest/discover-directories';
import { ExecutionProblems } from '../../../electron/ingest/execution-problems';
import { DEFAULT_INGEST_OPTIONS } from '../../../electron/ingest/ingest-options';
import { Ingestor } from '../../../electron/ingest/ingestor';
import { renormalizeRaw } from '../../../electron/ingest/renormalize-raw';
import type { ApiMethod } from '../../../shared/api/contract';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { writeOtlpFolder } from '../../fixtures/write-otlp';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';

/** Every method that answers about one execution, and so waits for its enrichment first. */
const PER_EXECUTION: readonly ApiMethod[] = [
  'getExecution', 'getWaterfall', 'verifyExecution', 'getSecurityDiff', 'getSideEffectReport', 'getRollbackScaffold', 'getTelemetrySummary', 'exportReport',
];

const DONE = { phase: 'done', filesTotal: 1, filesDone: 1, bytesTotal: 1, bytesDone: 1, events: 1, message: null, enrichment: null } as const;

/** The folder read by one scan into a new index, its enrichment run to the end (`deferred: false`) or not run at all. */
async function scanned(folder: string, deferred: boolean): Promise<{ readonly dbPath: string; readonly writer: IndexWriter; readonly db: Database.Database }> {
  const dbPath = join(tempFolder('on-demand-answers-db'), 'index.sqlite');
  const { db } = openIndex(dbPath, folder);
  const writer = new IndexWriter(db, renormalizeRaw, (d) => new ExecutionProblems(d), INDEX_FAMILY_RULES);
  // Deferred either way, as a first scan is: both indexes then give their events and line problems the same ids.
  writer.deferEnrichment = true;
  const ingestor = new Ingestor(folder, writer, DEFAULT_INGEST_OPTIONS, {}, null);
  await ingestor.scan(await discoverDirectories(folder), true);
  await ingestor.close();
  writer.deferEnrichment = false;
  if (!deferred) while (!writer.enrichment.step(2_000, 500).finished);
  return { dbPath, writer, db };
}

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

/**
 * Answers every per-execution method for every execution twice: from an index
 * whose enrichment ran to its end, and from one whose enrichment never ran,
 * each execution enriched on demand just before it is asked about, as the app
 * does for an execution opened early. Returns how many were enriched on demand.
 */
async function assertSameAnswers(folder: string): Promise<number> {
  const full = await scanned(folder, false);
  const early = await scanned(folder, true);
  const fullReader = openIndexReadOnly(full.dbPath);
  const earlyReader = openIndexReadOnly(early.dbPath);
  try {
    const state = new EnrichmentState(earlyReader);
    let onDemand = 0;
    const answered = service(folder, fullReader, async () => undefined);
    const asked = service(folder, earlyReader, async (rowIds) => {
      for (const id of rowIds) {
        if (state.executionWaits(id) && early.writer.enrichment.enrichExecution(id)) onDemand++;
      }
    });
    const ids: string[] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await answered.call('listExecutions', cursor === null ? { limit: 500 } : { limit: 500, cursor });
      assert.ok(page.ok);
      const value = page.value as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...value.items.map((row) => row.id));
      if ((cursor = value.nextCursor) === null) break;
    }
    for (const id of ids) {
      for (const method of PER_EXECUTION) {
        const request = method === 'exportReport' ? { id, format: 'json' } : { id };
        assert.equal(comparable(method, await asked.call(method, request)), comparable(method, await answered.call(method, request)), `${method} of ${id}`);
      }
    }
    assert.equal(early.writer.enrichment.marks().enrichedThrough, 0, 'every answer came before the enrichment ran');
    return onDemand;
  } finally {
    fullReader.close();
    earlyReader.close();
    full.db.close();
    early.db.close();
  }
}

/**
 * Compares runs two by two (each with the next of its family in the list) and
 * gives baseline verdicts, on a full index and on one whose enrichment never
 * ran: there the comparison enriches both runs on demand, and the verdicts
 * the runs and their baselines. Returns how many runs were compared.
 */
async function assertSameComparisons(folder: string): Promise<number> {
  const full = await scanned(folder, false);
  const early = await scanned(folder, true);
  const fullReader = openIndexReadOnly(full.dbPath);
  const earlyReader = openIndexReadOnly(early.dbPath);
  try {
    const state = new EnrichmentState(earlyReader);
    const answered = service(folder, fullReader, async () => undefined);
    const asked = service(folder, earlyReader, async (rowIds) => {
      for (const id of rowIds) if (state.executionWaits(id)) early.writer.enrichment.enrichExecution(id);
    });
    const page = await answered.call('listExecutions', { limit: 500 });
    assert.ok(page.ok);
    const byFamily = new Map<string, string[]>();
    for (const row of (page.value as { items: { id: string; family: string }[] }).items) byFamily.set(row.family, [...(byFamily.get(row.family) ?? []), row.id]);
    let compared = 0;
    for (const ids of byFamily.values()) {
      for (let i = 0; i + 1 < Math.min(ids.length, 12); i += 2) {
        const request = { a: ids[i] as string, b: ids[i + 1] as string };
        assert.equal(comparable('compareExecutions', await asked.call('compareExecutions', request)), comparable('compareExecutions', await answered.call('compareExecutions', request)), `${request.a} with ${request.b}`);
        compared += 2;
        // The first run of the pair stands as its group's baseline on both sides (a run outside any group is refused alike).
        const marked = [await asked.call('setBaseline', { id: request.a }), await answered.call('setBaseline', { id: request.a })];
        assert.equal(marked[0]?.ok, marked[1]?.ok, `baseline ${request.a}`);
        const verdicts = { ids: ids.slice(0, 12) };
        assert.equal(comparable('getBaselineVerdicts', await asked.call('getBaselineVerdicts', verdicts)), comparable('getBaselineVerdicts', await answered.call('getBaselineVerdicts', verdicts)), `verdicts after ${request.a}`);
      }
    }
    return compared;
  } finally {
    fullReader.close();
    earlyReader.close();
    full.db.close();
    early.db.close();
  }
}

describe('an execution asked about before the enrichment reached it', () => {
  it('is answered by every method exactly as after a full enrichment: every family, plans read after their records, OTLP traces', async () => {
    const folder = realpathSync(tempFolder('on-demand-answers'));
    writeFixtureFolder(join(folder, 'mixed'), { seed: 11, scale: 2 });
    writeOtlpFolder(join(folder, 'otlp'));
    assert.ok((await assertSameAnswers(folder)) > 100, 'most executions were enriched on demand');
  });

  it("is answered exactly as after a full enrichment for the real producers' files", async () => {
    assert.ok((await assertSameAnswers(realpathSync(PRODUCER_SAMPLES))) > 10);
  });

  it('is compared, and judged against a baseline, exactly as after a full enrichment', async () => {
    const folder = realpathSync(tempFolder('on-demand-comparisons'));
    writeFixtureFolder(join(folder, 'mixed'), { seed: 11, scale: 2 });
    writeOtlpFolder(join(folder, 'otlp'));
    assert.ok((await assertSameComparisons(folder)) > 30, 'runs of every family compared');
    assert.ok((await assertSameComparisons(realpathSync(PRODUCER_SAMPLES))) > 4);
  });
});
