import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FullTextMerges } from '../../../electron/index/full-text-merges';
import { FullTextPreparation, PreparedTextsLookup, type PreparedTexts } from '../../../electron/index/full-text-preparation';
import type { EnrichmentStep } from '../../../electron/index/index-enrichment';
import { IndexWriter } from '../../../electron/index/index-writer';
import { openIndex, openIndexReadOnly } from '../../../electron/index/open-index';
import { EnrichmentState } from '../../../electron/index/queries/enrichment-state';
import { ExecutionFacts } from '../../../electron/index/queries/execution-facts';
import { SummaryReader } from '../../../electron/index/queries/read-summary';
import { ExecutionAssembler } from '../../../electron/inspect/assemble-execution';
import { EnrichmentRunner, type TextsPreparer } from '../../../electron/ingest/enrichment-runner';
import { FullTextWorker } from '../../../electron/ingest/full-text-worker';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { SEARCH_READERS } from '../../../electron/ingest/search-readers';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { writeOtlpFolder } from '../../fixtures/write-otlp';
import { snapshot as indexSnapshot, type IndexSnapshot } from '../../support/index-snapshot';
import { indexOnce, query } from '../../support/index-folder';
import { assertSameIndex } from '../../support/assert-same-index';
import { fullTextMatchesIn } from '../../support/full-text-matches';
import { openWriter, scan, scanDeferred, scanWithoutEnrichment } from '../../support/deferred-scan';
import { tempFolder } from '../../support/temp-folder';

/** A folder of every family, the nasty cases and OTLP traces. */
function mixedFolder(name: string): string {
  const folder = tempFolder(name);
  writeFixtureFolder(join(folder, 'mixed'), { seed: 11, scale: 2 });
  writeOtlpFolder(join(folder, 'otlp'));
  return realpathSync(folder);
}

/** Scans a folder with every batch deferred and no enrichment run: the state an index is in between the two phases. */
async function scanOnly(folder: string, dbPath: string): Promise<IndexWriter> {
  return (await scanWithoutEnrichment(folder, dbPath)).writer;
}

/** What an index written inline (every batch enriched as it is stored) holds for the folder: what every enrichment must end with. */
async function inlineIndex(folder: string): Promise<IndexSnapshot> {
  return indexSnapshot(await indexOnce(folder, undefined, { deferEnrichment: false }));
}

/** A mixed folder, its inline index, and the folder scanned alone into an index of its own, its enrichment still to run. */
async function scannedAndInline(name: string): Promise<{ readonly clean: IndexSnapshot; readonly dbPath: string; readonly writer: IndexWriter }> {
  const folder = mixedFolder(name);
  const clean = await inlineIndex(folder);
  const dbPath = join(tempFolder(`${name}-db`), 'index.sqlite');
  return { clean, dbPath, writer: await scanOnly(folder, dbPath) };
}

function finish(writer: IndexWriter): number {
  let steps = 0;
  while (!writer.enrichment.step(500, 50).finished) steps++;
  return steps;
}

describe('the enrichment after a deferred scan', () => {
  it('leaves exactly the index an inline build writes: full text, derived rows, checks and problems', async () => {
    const folder = mixedFolder('enrich-same');
    const inline = await inlineIndex(folder);
    const deferred = indexSnapshot(await indexOnce(folder, undefined, { deferEnrichment: true }));
    assert.ok(inline.fullText.join(' ').split(' ').length > 10_000 && inline.steps.length > 0 && inline.spans.length > 0 && inline.derived.length > 0, 'the folder gives every kind of row');
    assert.ok(inline.problems.some((p) => p.includes(':execution:')), 'and cross-event problems');
    assertSameIndex(deferred, inline, 'the index');
  });

  it('a scan alone leaves lists usable and search empty; the steps fill in the rest, in small transactions', async () => {
    const { clean, dbPath, writer } = await scannedAndInline('enrich-steps');
    const scanned = indexSnapshot(dbPath);
    assert.deepEqual(scanned.events, clean.events, 'every event stored by the scan');
    assert.equal(scanned.fullText.length, 0, 'no full text yet');
    assert.equal(scanned.steps.length, 0, 'no derived rows yet');
    assert.ok(writer.enrichment.pending());
    const marks = writer.enrichment.marks();
    assert.equal(marks.textThrough, 0);
    assert.equal(marks.enrichedThrough, 0);
    assert.ok(finish(writer) >= Math.floor(clean.events.length / 500), 'many steps of at most 500 events');
    assert.equal(writer.enrichment.pending(), false);
    assertSameIndex(indexSnapshot(dbPath), clean, 'the index');
  });

  it('enriches one execution on demand, and the enrichment later adds only its full text', async () => {
    const folder = mixedFolder('enrich-ahead');
    const cleanPath = await indexOnce(folder, undefined, { deferEnrichment: false });
    const clean = indexSnapshot(cleanPath);
    const dbPath = join(tempFolder('enrich-ahead-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    // The record with the most events (steps, snapshots, side effects), and an OTLP trace with spans.
    const [stream] = query<{ id: number; key: string }>(dbPath, "SELECT x.id, x.key FROM executions x WHERE family = 'record' ORDER BY event_count DESC LIMIT 1");
    const [trace] = query<{ id: number; key: string }>(dbPath, "SELECT x.id, x.key FROM executions x WHERE family = 'otlp' ORDER BY event_count DESC LIMIT 1");
    for (const execution of [stream!, trace!]) {
      assert.equal(writer.enrichment.executionWaits(execution.id), true);
      assert.equal(writer.enrichment.enrichExecution(execution.id), true);
      assert.equal(writer.enrichment.executionWaits(execution.id), false);
      assert.equal(writer.enrichment.enrichExecution(execution.id), false, 'a second request finds nothing to do');
    }
    const early = indexSnapshot(dbPath);
    const of = (rows: string[], key: string): string[] => rows.filter((row) => row.startsWith(`${key}:`));
    assert.ok(of(clean.steps, stream!.key).length > 0);
    assert.deepEqual(of(early.steps, stream!.key), of(clean.steps, stream!.key), 'its steps as a full build has them');
    assert.deepEqual(of(early.spans, trace!.key), of(clean.spans, trace!.key), 'its spans as a full build has them');
    assert.deepEqual(
      early.problems.filter((p) => p.includes(`:${stream!.key}:`) || p.includes(`:${trace!.key}:`)),
      clean.problems.filter((p) => p.includes(`:${stream!.key}:`) || p.includes(`:${trace!.key}:`)),
      'and its problems',
    );
    finish(writer);
    assertSameIndex(indexSnapshot(dbPath), clean, 'no derived row twice once the enrichment passes it');
    assert.equal(query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM enriched_ahead')[0]!.n, 0, 'the early marks are dropped once passed');
  });

  it("gives an execution enriched on demand its plan's rows too: its rollback scaffold is the full build's, even for a plan read after it", async () => {
    const folder = mixedFolder('enrich-plan');
    // The plan documents are moved out, so that the records are enriched ahead before their plans are read.
    const plans = join(folder, 'mixed', 'records', 'plans');
    const parked = join(tempFolder('enrich-plan-parked'), 'plans');
    mkdirSync(parked);
    for (const name of readdirSync(plans)) renameSync(join(plans, name), join(parked, name));
    // The same history written inline: the records first, their plans read by a later scan.
    const clean = await indexOnce(folder, undefined, { deferEnrichment: false });
    const dbPath = join(tempFolder('enrich-plan-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    const scaffolds = (path: string): Map<string, unknown> => {
      const db = openIndexReadOnly(path);
      try {
        const assembler = new ExecutionAssembler(new ExecutionFacts(db));
        const keys = db.prepare("SELECT key FROM executions WHERE family = 'record' AND plan_id IS NOT NULL ORDER BY key").pluck().all() as string[];
        return new Map(keys.map((key) => [key, assembler.record(assembler.find(`record:${key}`)!).scaffold]));
      } finally {
        db.close();
      }
    };
    const records = query<{ id: number; key: string }>(dbPath, "SELECT id, key FROM executions WHERE family = 'record' AND plan_id IS NOT NULL ORDER BY id");
    assert.ok(records.length > 10, 'records with plans');
    for (const record of records) assert.equal(writer.enrichment.enrichExecution(record.id), true);
    // Now the plans come: read by a deferred scan, after every record was enriched ahead.
    for (const name of readdirSync(parked)) renameSync(join(parked, name), join(plans, name));
    await indexOnce(folder, clean, { deferEnrichment: false });
    await scanDeferred(folder, writer);
    const reader = openIndexReadOnly(dbPath);
    try {
      const state = new EnrichmentState(reader);
      const waiting = records.filter((record) => state.executionWaits(record.id));
      assert.ok(waiting.length > 5, 'an execution whose plan was read since waits again');
      for (const record of waiting) assert.equal(writer.enrichment.enrichExecution(record.id), true, record.key);
      assert.deepEqual(records.filter((record) => state.executionWaits(record.id)), [], 'none waits once enriched');
      assert.equal(writer.enrichment.marks().enrichedThrough, 0, 'all of it ahead of the enrichment');
    } finally {
      reader.close();
    }
    const full = scaffolds(clean);
    assert.ok([...full.values()].some((scaffold) => (scaffold as { manualSteps: unknown[] }).manualSteps.length > 0), 'plans with hints');
    assert.deepEqual(scaffolds(dbPath), full, "every record's rollback scaffold, its plan's hints in it");
    finish(writer);
    assertSameIndex(indexSnapshot(dbPath), indexSnapshot(clean), 'no plan row twice once the enrichment passes them');
    assert.equal(query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM plan_events')[0]!.n, 0, 'the plan notes are dropped once passed');
  });

  for (const when of ['with part of the full text given', 'with the full text given and part of the derived rows'] as const) {
    it(`a file rewritten while its events wait takes back only what it was given (${when})`, async () => {
      const folder = mixedFolder('enrich-reset');
      const file = join(folder, 'late.jsonl');
      const lines = readFileSync(join(folder, 'mixed', 'logs', 'executor', 'karma-events.jsonl'), 'utf8').split('\n').filter((l) => l.startsWith('{')).slice(0, 40);
      writeFileSync(file, `${lines.join('\n')}\n`);
      // The same history written inline: the rewritten file's events get new ids, after the copies of its lines in another file.
      const inlinePath = await indexOnce(folder, undefined, { deferEnrichment: false });
      const dbPath = join(tempFolder('enrich-reset-db'), 'index.sqlite');
      const writer = await scanOnly(folder, dbPath);
      if (when === 'with part of the full text given') {
        // The early sources have full text, late.jsonl (read last) not.
        writer.enrichment.step(200, 50);
        const marks = writer.enrichment.marks();
        assert.ok(marks.textThrough > 0 && marks.textThrough < marks.lastEventId && marks.enrichedThrough === 0);
      } else {
        // Every event has its full text; the early ones have their derived rows, late.jsonl's not.
        while (writer.enrichment.step(200, 50).derived === 0);
        const marks = writer.enrichment.marks();
        assert.ok(marks.textThrough === marks.lastEventId && marks.enrichedThrough > 0 && marks.enrichedThrough < marks.lastEventId);
      }
      // The file is replaced by a shorter one (copytruncate then a write): the scan takes its events back and reads it again.
      writeFileSync(file, `${lines.slice(0, 10).join('\n')}\n`);
      await scan(folder, writer, true);
      finish(writer);
      const clean = indexSnapshot(await indexOnce(folder, inlinePath, { deferEnrichment: false }));
      assertSameIndex(indexSnapshot(dbPath), clean, 'the index');
      const { db } = openIndex(dbPath, folder);
      try {
        assert.doesNotThrow(() => db.prepare("INSERT INTO text_runs_fts (text_runs_fts) VALUES ('integrity-check')").run(), 'the full-text index is consistent');
      } finally {
        db.close();
      }
    });
  }

  it('appends read while the enrichment waits are deferred too, and enriched in order', async () => {
    const folder = mixedFolder('enrich-append');
    const dbPath = join(tempFolder('enrich-append-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    writer.enrichment.step(300, 50);
    const before = writer.enrichment.marks();
    appendFileSync(join(folder, 'mixed', 'logs', 'executor', 'karma-events.jsonl'), `${readFileSync(join(folder, 'mixed', 'logs', 'executor', 'karma-events.jsonl'), 'utf8').split('\n')[0]!.replace(/"trace_id":"[^"]+"/, '"trace_id":"appended-1"')}\n`);
    await scan(folder, writer, false);
    const after = writer.enrichment.marks();
    assert.equal(after.enrichedThrough, before.enrichedThrough, 'a small scan behind a backlog does not jump the marks');
    assert.equal(after.lastEventId, before.lastEventId + 1);
    finish(writer);
    const clean = await inlineIndex(folder);
    assertSameIndex(indexSnapshot(dbPath), clean, 'the index');
  });

  it("holds the full-text index's merges off while it adds text, then merges it into one and gives automerge back", async () => {
    const folder = mixedFolder('enrich-merge');
    const dbPath = join(tempFolder('enrich-merge-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    assert.equal(automerge(dbPath), null, 'FTS5 at its default before the enrichment');
    const steps: EnrichmentStep[] = [];
    for (let step = writer.enrichment.step(200, 50); ; step = writer.enrichment.step(200, 50)) {
      steps.push(step);
      if (step.events > 0) assert.equal(automerge(dbPath), 0, 'merges held while full text is added');
      if (step.finished) break;
    }
    const firstMerge = steps.findIndex((step) => step.merging);
    const lastMerge = steps.findLastIndex((step) => step.merging);
    const firstDerived = steps.findIndex((step) => step.derived > 0);
    const lastDerived = steps.findLastIndex((step) => step.derived > 0);
    const firstCheck = steps.findIndex((step) => step.executions > 0);
    assert.ok(firstMerge > 0, 'merge steps come');
    assert.ok(steps.slice(0, firstMerge).every((step) => step.events > 0 && step.derived === 0), 'after every event has its full text, and nothing else');
    assert.ok(steps.slice(firstMerge, lastMerge + 1).every((step) => step.merging && step.events === 0 && step.derived === 0 && step.executions === 0), 'one after another');
    assert.ok(firstDerived === lastMerge + 1, 'then the derived rows: search is whole and quick first');
    assert.ok(steps.slice(firstDerived, lastDerived + 1).every((step) => step.derived > 0 && step.events === 0 && step.executions === 0), 'in steps of their own');
    assert.ok(lastDerived > firstDerived, 'several: each step reads at most its limit of events that derive rows');
    assert.ok(firstCheck > lastDerived, 'and the checks last, once every row they read is in');
    // Search is said whole at the merge's last step, not before, and stays so through the checks.
    assert.deepEqual(steps.map((step) => step.searchable), steps.map((_, i) => i >= lastMerge));
    assert.equal(automerge(dbPath), 4, "FTS5's default given back");
    assert.equal(writer.enrichment.pending(), false);
    const { db } = openIndex(dbPath, folder);
    try {
      const before = db.prepare('SELECT total_changes()').pluck().get() as number;
      db.prepare("INSERT INTO text_runs_fts (text_runs_fts, rank) VALUES ('merge', -1000)").run();
      assert.ok((db.prepare('SELECT total_changes()').pluck().get() as number) - before < 2, 'nothing left to merge: one segment');
      assert.doesNotThrow(() => db.prepare("INSERT INTO text_runs_fts (text_runs_fts) VALUES ('integrity-check')").run());
    } finally {
      db.close();
    }
    const clean = await inlineIndex(folder);
    assertSameIndex(indexSnapshot(dbPath), clean, 'the index');
  });

  it('an index stopped partway through the merge is found holding, and merged when the enrichment resumes', async () => {
    const folder = mixedFolder('enrich-merge-resume');
    const dbPath = join(tempFolder('enrich-merge-resume-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    for (let marks = writer.enrichment.marks(); marks.textThrough < marks.lastEventId; marks = writer.enrichment.marks()) writer.enrichment.step(200, 50);
    // What a process killed after a first merge step leaves: merges held, segments left, the checks not begun.
    const other = openIndex(dbPath, folder).db;
    try {
      assert.equal(new FullTextMerges(other).step(1), false, 'more than one step of merging was left');
    } finally {
      other.close();
    }
    assert.equal(automerge(dbPath), 0);
    const resumed = await scanOnly(folder, dbPath);
    assert.equal(resumed.enrichment.pending(), true, 'the enrichment is not done while merges are held');
    const first = resumed.enrichment.step(200, 50);
    assert.equal(first.merging, true, 'it resumes with the merge');
    finish(resumed);
    assert.equal(automerge(dbPath), 4);
    const clean = await inlineIndex(folder);
    assertSameIndex(indexSnapshot(dbPath), clean, 'the index');
  });
});

/** FTS5's stored automerge setting (null when never set). */
function automerge(dbPath: string): number | null {
  return query<{ v: number }>(dbPath, "SELECT v FROM text_runs_fts_config WHERE k = 'automerge'")[0]?.v ?? null;
}

describe('records before their checks', () => {
  it('a deferred scan stores every record execution as unchecked, and its checks give the states an inline build stores', async () => {
    const folder = mixedFolder('unchecked-scan');
    const inline = integrityByExecution(await indexOnce(folder, undefined, { deferEnrichment: false }));
    const states = Object.values(inline);
    assert.ok(states.includes('intact') && states.includes('broken'), 'the folder has intact and broken records');
    const dbPath = join(tempFolder('unchecked-scan-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    const scanned = integrityByExecution(dbPath);
    assert.deepEqual(Object.keys(scanned).sort(), Object.keys(inline).sort(), 'the scan stored every execution');
    for (const [execution, integrity] of Object.entries(scanned)) {
      assert.equal(integrity, execution.startsWith('record:') ? 'unchecked' : null, execution);
    }
    // The overview counts them as not checked yet: none reads as intact, broken or without hashes.
    const reader = openIndexReadOnly(dbPath);
    try {
      const records = Object.keys(scanned).filter((execution) => execution.startsWith('record:')).length;
      assert.deepEqual(new SummaryReader(reader).read().executionsByIntegrity, { intact: 0, broken: 0, unhashed: 0, unchecked: records });
    } finally {
      reader.close();
    }
    finish(writer);
    assert.deepEqual(integrityByExecution(dbPath), inline);
  });

  it('a deferred batch that reaches a checked record makes it unchecked until the enrichment checks it again', async () => {
    const folder = mixedFolder('unchecked-append');
    const dbPath = await indexOnce(folder, undefined, { deferEnrichment: false });
    const key = 'record:exec-946c-intact';
    assert.equal(integrityByExecution(dbPath)[key], 'intact');
    // A step event whose body no longer matches its hash is appended to the record's stream.
    const file = join(folder, 'mixed', 'records', 'observer', 'exec-946c-intact.jsonl');
    const lastStep = readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('"kind":"step_event"')).at(-1)!;
    appendFileSync(file, `${lastStep.replace('"step_name":"Load rows"', '"step_name":"Load rows, edited"')}\n`);
    const inline = integrityByExecution(await indexOnce(folder, undefined, { deferEnrichment: false }));
    assert.equal(inline[key], 'broken', 'an inline build finds the chain broken');
    const { writer } = openWriter(folder, dbPath);
    await scanDeferred(folder, writer);
    assert.equal(integrityByExecution(dbPath)[key], 'unchecked', 'not intact while its new event waits for the checks');
    finish(writer);
    assert.deepEqual(integrityByExecution(dbPath), inline);
  });

  it('a record whose stream is emptied while its events wait is left to the enrichment, not checked from rows not derived yet', async () => {
    const folder = mixedFolder('unchecked-rewrite');
    const dbPath = join(tempFolder('unchecked-rewrite-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    const key = 'record:exec-946c-intact';
    // Its document stays: the execution is recomputed from it when the stream's events are taken back.
    writeFileSync(join(folder, 'mixed', 'records', 'observer', 'exec-946c-intact.jsonl'), '');
    await scan(folder, writer, true);
    assert.equal(integrityByExecution(dbPath)[key], 'unchecked');
    finish(writer);
    const inline = integrityByExecution(await indexOnce(folder, undefined, { deferEnrichment: false }));
    assert.notEqual(inline[key], undefined, 'the document alone still gives the execution');
    assert.deepEqual(integrityByExecution(dbPath), inline);
  });

  it('a record emptied after the checks pass checked it is checked again at once: its steps are all derived by then', async () => {
    const folder = mixedFolder('unchecked-passed');
    const dbPath = join(tempFolder('unchecked-passed-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    // Records with a document and a stream: emptying the stream leaves the execution, recomputed from its document.
    const candidates = ['001', '004', '006', '009', 'intact'].map((name) => `exec-946c-${name}`);
    const checked = (): string | undefined => candidates.find((key) => integrityByExecution(dbPath)[`record:${key}`] !== 'unchecked');
    // Every event gets its full text and derived rows, then the checks pass goes one execution a step until it has checked one of them.
    while (checked() === undefined) writer.enrichment.step(500, 1);
    const key = checked()!;
    const marks = writer.enrichment.marks();
    assert.equal(marks.enrichedThrough, marks.lastEventId);
    assert.ok(marks.checkedThrough < marks.enrichedThrough, 'the pass is not over');
    writeFileSync(join(folder, 'mixed', 'records', 'observer', `${key}.jsonl`), '');
    await scan(folder, writer, true);
    finish(writer);
    const inline = integrityByExecution(await indexOnce(folder, undefined, { deferEnrichment: false }));
    assert.notEqual(inline[`record:${key}`], undefined);
    assert.deepEqual(integrityByExecution(dbPath), inline, 'no record left unchecked behind the pass');
  });

  it('a session reopened before the checks leaves its records to the enrichment instead of checking them as it opens', async () => {
    const folder = mixedFolder('unchecked-reopen');
    const inline = integrityByExecution(await indexOnce(folder, undefined, { deferEnrichment: false }));
    const dbPath = join(tempFolder('unchecked-reopen-db'), 'index.sqlite');
    const { writer, db } = openWriter(folder, dbPath);
    await scanDeferred(folder, writer);
    writer.enrichment.step(200, 50);
    assert.equal(writer.enrichment.marks().checkedThrough, 0, 'stopped before any check');
    db.close();
    const session = new IngestSession({ folder, dbPath });
    try {
      const opened = integrityByExecution(dbPath);
      assert.ok(Object.entries(opened).every(([execution, integrity]) => !execution.startsWith('record:') || integrity === 'unchecked'), 'no record checked as the index opened');
      await session.indexOnce();
    } finally {
      await session.close();
    }
    assert.deepEqual(integrityByExecution(dbPath), inline, 'the enrichment checked every one');
  });
});

/** Each execution's stored integrity (null for a family without hashes), by family and key. */
function integrityByExecution(dbPath: string): Record<string, string | null> {
  const rows = query<{ execution: string; integrity: string | null }>(dbPath, "SELECT family || ':' || key AS execution, integrity FROM executions ORDER BY family, key");
  return Object.fromEntries(rows.map((row) => [row.execution, row.integrity]));
}

describe('full text derived on another thread', () => {
  /** Steps read and derived on a read-only connection of their own, as the worker does, across the same copy a message makes. */
  function preparation(dbPath: string): { next(afterId: number | null, limit: number): PreparedTexts; close(): void } {
    const db = openIndexReadOnly(dbPath);
    const texts = new FullTextPreparation(db, SEARCH_READERS);
    return { next: (afterId, limit) => structuredClone(texts.next(afterId, limit)), close: () => db.close() };
  }

  /** A mixed folder with one event too long for the worker to prepare (a JSON document over 1 MiB), and texts of every width in UTF-8. */
  function folderWithLongLine(name: string): string {
    const folder = mixedFolder(name);
    writeFileSync(join(folder, 'wide.jsonl'), ['café Ünïcödé zzwidezz', '東京 駅 zzwidezz', 'emoji 😀 and 𝄞 zzwidezz', 'a\u0000b nul zzwidezz', 'lone \ud800 surrogate zzwidezz'].map((message) => JSON.stringify({ message })).join('\n') + '\n');
    writeFileSync(join(folder, 'long.json'), JSON.stringify({ marker: 'zzlonglinezz', message: 'a long document', payload: 'word '.repeat(240_000) }));
    return folder;
  }

  it('steps written from prepared texts leave exactly the index an inline build writes; a line too long is left to the writer', async () => {
    const folder = folderWithLongLine('prepared-same');
    const clean = await inlineIndex(folder);
    const dbPath = join(tempFolder('prepared-same-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    const worker = preparation(dbPath);
    let prepared = 0;
    let left = 0;
    let unprepared = 0;
    try {
      // The first step after the mark, each next one after the step before, as the runner asks.
      for (let afterId: number | null = writer.enrichment.marks().textThrough; ; afterId = null) {
        const texts = worker.next(afterId, 500);
        prepared += texts.lengths.filter((length) => length >= 0).length;
        left += texts.lengths.filter((length) => length === -2).length;
        const step = writer.enrichment.step(500, 50, texts.lengths.length === 0 ? null : new PreparedTextsLookup(texts));
        unprepared += step.unprepared;
        if (step.events === 0) break;
      }
      finish(writer);
    } finally {
      worker.close();
    }
    assert.equal(left, 1, 'the long line was left to the writer');
    assert.equal(unprepared, 1, 'and only it was derived there');
    assert.equal(prepared + left, clean.events.length, `every other event was prepared (${prepared})`);
    assertSameIndex(indexSnapshot(dbPath), clean, 'the index');
    assert.equal(fullTextMatchesIn(dbPath, 'zzlonglinezz').length, 1);
    assert.equal(fullTextMatchesIn(dbPath, 'zzwidezz').length, 5, 'texts of every width crossed whole');
    assert.equal(fullTextMatchesIn(dbPath, 'zzwidezz café').length, 1);
  });

  it('writes a prepared text only while its event is stored where it was read from', async () => {
    const folder = mixedFolder('prepared-stale');
    const dbPath = join(tempFolder('prepared-stale-db'), 'index.sqlite');
    const writer = await scanOnly(folder, dbPath);
    const worker = preparation(dbPath);
    const texts = worker.next(0, 400);
    worker.close();
    const count = texts.lengths.length;
    assert.equal(count, 400);
    // Each prepared text gets a word of its own, to see which were written as prepared.
    const prepared = Buffer.from(texts.texts);
    const textOf = (i: number): string => {
      const start = [...Array(i).keys()].reduce((sum, j) => sum + Math.max(0, texts.lengths[j]!), 0);
      return prepared.toString('utf8', start, start + texts.lengths[i]!);
    };
    const parts: string[] = [];
    const lengths = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const length = texts.lengths[i]!;
      const text = length < 0 ? null : `${textOf(i)} zzprepared${i}zz`;
      lengths[i] = text === null ? length : Buffer.byteLength(text);
      if (text !== null) parts.push(text);
    }
    const utf8 = (strings: readonly string[]): Uint8Array => new Uint8Array(Buffer.from(strings.join('')));
    assert.ok(texts.lengths.some((length) => length > 0));
    // By the step: one event stored elsewhere since (another raw offset), one of another source, one left to the writer.
    const places = texts.places.slice();
    const withText = [...lengths.keys()].filter((i) => lengths[i]! > 0);
    const moved = withText[3]!;
    const otherSource = withText[7]!;
    const leftToWriter = withText[11]!;
    places[moved * 5 + 3] = places[moved * 5 + 3]! + 1;
    places[otherSource * 5 + 1] = places[otherSource * 5 + 1]! + 1000;
    const leftText = parts.splice(withText.slice(0, withText.indexOf(leftToWriter)).length, 1)[0]!;
    lengths[leftToWriter] = -2;
    assert.ok(leftText.endsWith(`zzprepared${leftToWriter}zz`));
    const step = writer.enrichment.step(400, 50, new PreparedTextsLookup({ places, lengths, texts: utf8(parts) }));
    assert.equal(step.events, 400);
    assert.equal(step.unprepared, 3, 'the moved, the re-sourced and the left one were derived by the writer');
    const ids = [...Array(count).keys()].map((i) => texts.places[i * 5]!);
    for (const i of withText) {
      const asPrepared = i !== moved && i !== otherSource && i !== leftToWriter;
      assert.deepEqual(fullTextMatchesIn(dbPath, `zzprepared${i}zz`), asPrepared ? [ids[i]] : [], `event ${ids[i]} (${i === moved ? 'moved' : i === otherSource ? 'of another source' : i === leftToWriter ? 'left to the writer' : 'as read'})`);
    }
    // The three derived by the writer have their full text all the same: every event of the step lies in a run, and is searchable by its own values.
    assert.equal(query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM events e JOIN text_runs r ON e.id BETWEEN r.first_id AND r.last_id')[0]!.n, 400);
    for (const i of [moved, otherSource, leftToWriter]) {
      const own = textOf(i);
      const word = own.split(/[^A-Za-z0-9]+/).find((token) => token.length >= 6 && /[0-9]/.test(token)) ?? own.split(/[^A-Za-z0-9]+/).find((token) => token.length >= 4)!;
      assert.ok(fullTextMatchesIn(dbPath, `"${word}"`).includes(ids[i]!), `event ${ids[i]} is found by "${word}"`);
    }
    assert.throws(() => new PreparedTextsLookup({ places, lengths: lengths.slice(1), texts: utf8(parts) }), /place numbers for/, 'an answer of another length is refused');
    assert.throws(() => new PreparedTextsLookup({ places, lengths, texts: utf8([...parts, 'x']) }), /bytes in all/, 'and so is one whose texts do not add up');
  });

  it('the runner has a worker derive the texts and ends it with the full text; the same index when it fails or answers too little', async () => {
    const folder = folderWithLongLine('prepared-runner');
    const clean = await inlineIndex(folder);
    let prepared = 0;
    let released = 0;
    const counting = (dbPath: string): TextsPreparer => {
      const worker = new FullTextWorker(dbPath, undefined);
      return {
        get usable() {
          return worker.usable;
        },
        prepare: async (afterId, limit) => {
          const texts = await worker.prepare(afterId, limit);
          prepared += texts.lengths.filter((length) => length >= 0).length;
          return texts;
        },
        release: () => {
          released++;
          return worker.release();
        },
      };
    };
    const failing = (): TextsPreparer => ({ usable: true, prepare: () => Promise.reject(new Error('no worker')), release: () => Promise.resolve() });
    const short = (dbPath: string): TextsPreparer => {
      const worker = new FullTextWorker(dbPath, undefined);
      return { usable: true, prepare: async (afterId, limit) => ({ ...(await worker.prepare(afterId, limit)), lengths: new Int32Array(0), places: new Float64Array(0), texts: new Uint8Array(0) }), release: () => worker.release() };
    };
    for (const [name, preparer] of [['the worker', counting], ['a failing preparer', failing], ['a preparer answering nothing', short]] as const) {
      const dbPath = join(tempFolder('prepared-runner-db'), 'index.sqlite');
      const writer = await scanOnly(folder, dbPath);
      const stages: string[] = [];
      const runner = new EnrichmentRunner(writer.enrichment, (work) => work(), () => false, (progress) => stages.push(progress.stage), () => undefined, () => undefined, { preparer: preparer(dbPath), minEvents: 0 });
      assert.equal(await runner.run(), true, name);
      assertSameIndex(indexSnapshot(dbPath), clean, `the index (${name})`);
      assert.deepEqual([...new Set(stages)].filter((stage) => stage !== 'merge'), ['events', 'rows', 'checks'].filter((stage) => stages.includes(stage)), `stages in order (${name})`);
    }
    assert.ok(prepared >= clean.events.length - 1, `every event but the long line's was derived by the worker (${prepared} of ${clean.events.length}, some asked again)`);
    assert.ok(released >= 1, 'and the worker released');
  });
});
