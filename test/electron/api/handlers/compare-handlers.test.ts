import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { API, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../../shared/api/contract';
import type { ApiError } from '../../../../shared/api/api-result';
import { FolderInspector } from '../../../../electron/api/folder-inspector';
import { writeDivergentRunsFolder, type DivergentRuns } from '../../../fixtures/write-divergent-runs';
import { tempFolder } from '../../../support/temp-folder';

/** SHA-256 of every file under a folder, by relative path: to prove the evidence was not written. */
function digest(folder: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(folder);
  return out;
}

async function call<M extends ApiMethod>(inspector: FolderInspector, method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const result = await inspector.service.call(method, request);
  if (!result.ok) assert.fail(`${method} failed: ${result.error.code} ${result.error.message}`);
  return API[method].response.parse(result.value) as ApiResponse<M>;
}

async function failure(inspector: FolderInspector, method: ApiMethod, request: unknown): Promise<ApiError> {
  const result = await inspector.service.call(method, request);
  assert.ok(!result.ok, `${method} should fail`);
  return result.error;
}

describe('compare handlers', () => {
  const root = tempFolder('compare-api');
  const folder = join(root, 'evidence');
  const dataDir = tempFolder('compare-api-data');
  const dbPath = join(tempFolder('compare-api-db'), 'index.sqlite');
  let runs: DivergentRuns[];
  let evidence: Record<string, string>;
  let inspector: FolderInspector;

  before(async () => {
    runs = writeDivergentRunsFolder(folder, { seed: 11 });
    evidence = digest(folder);
    inspector = await FolderInspector.open({ folder: realpathSync(folder), dbPath, dataDir, watch: true });
    await inspector.initialScan();
  });
  after(async () => inspector?.close());

  const family = (name: string): DivergentRuns => {
    const found = runs.find((run) => run.family === name);
    assert.ok(found !== undefined);
    return found;
  };

  it('compareExecutions answers the aligned runs and the first divergence; unknown or malformed ids are typed failures', async () => {
    const records = family('record');
    const comparison = await call(inspector, 'compareExecutions', { a: records.good, b: records.diverging });
    assert.equal(comparison.firstDivergence?.label, records.divergence.label);
    assert.equal(comparison.a.id, records.good);
    assert.equal(comparison.b.id, records.diverging);
    assert.equal((await failure(inspector, 'compareExecutions', { a: records.good, b: 'record:nope' })).code, 'not_found');
    assert.equal((await failure(inspector, 'compareExecutions', { a: records.good })).code, 'invalid_request');
  });

  it('exportComparisonReport cites each run\'s files with the SHA-256 they have on disk, in every format', async () => {
    const records = family('record');
    const json = await call(inspector, 'exportComparisonReport', { a: records.good, b: records.diverging, format: 'json' });
    assert.equal(json.mediaType, 'application/json');
    const report = JSON.parse(json.content) as { kind: string; comparison: { firstDivergence: { label: string } }; sources: { a: { path: string; sha256: string }[]; b: { path: string; sha256: string }[] } };
    assert.equal(report.kind, 'comparison');
    assert.equal(report.comparison.firstDivergence.label, records.divergence.label);
    const sources = [...report.sources.a, ...report.sources.b];
    assert.ok(sources.some((s) => s.path === 'records/observer/cmp-good.jsonl') && sources.some((s) => s.path === 'records/observer/cmp-diverging.jsonl'));
    for (const source of sources) assert.equal(source.sha256, createHash('sha256').update(readFileSync(join(folder, source.path))).digest('hex'), source.path);
    const md = await call(inspector, 'exportComparisonReport', { a: records.good, b: records.diverging, format: 'md' });
    assert.match(md.content, /## First divergence/);
    assert.match(md.filename, /^compare-record_cmp-good-record_cmp-diverging\.md$/);
    const html = await call(inspector, 'exportComparisonReport', { a: records.good, b: records.diverging, format: 'html' });
    assert.match(html.content, /Content-Security-Policy/);
    assert.ok(!html.content.includes('"record_version"'), 'evidence text is escaped');
    assert.ok(html.content.includes('&quot;record_version&quot;'));
  });

  it('exportComparisonReport carries the review journal: the notes on either run, and the journal\'s verdict', async () => {
    const records = family('record');
    const on = { a: records.good, b: records.diverging };
    const none = await call(inspector, 'exportComparisonReport', { ...on, format: 'md' });
    assert.match(none.content, /## Review journal/);
    assert.match(none.content, /No reviewer notes on either run\./);
    await call(inspector, 'addNote', { kind: 'note', executionId: records.diverging, text: 'Step <b>29</b> wrote elsewhere', reviewer: 'Ana' });
    const md = await call(inspector, 'exportComparisonReport', { ...on, format: 'md' });
    assert.match(md.content, /Journal: intact\./);
    assert.ok(md.content.includes('Ana') && md.content.includes('wrote elsewhere'));
    const json = JSON.parse((await call(inspector, 'exportComparisonReport', { ...on, format: 'json' })).content) as { reviewJournal: { notes: { text: string; target: { executionId: string } }[] } };
    assert.deepEqual(json.reviewJournal.notes.map((note) => [note.text, note.target.executionId]), [['Step <b>29</b> wrote elsewhere', records.diverging]]);
    const html = (await call(inspector, 'exportComparisonReport', { ...on, format: 'html' })).content;
    assert.ok(html.includes('Step &lt;b&gt;29&lt;/b&gt; wrote elsewhere'), 'a note is text in the HTML report');
  });

  it('marks baselines per scope; every run of the plan shows same or diverges at its step, and the list filters on it', async () => {
    for (const run of runs) await call(inspector, 'setBaseline', { id: run.good });
    const { items } = await call(inspector, 'getBaselineVerdicts', { ids: runs.flatMap((run) => [run.good, run.same, run.diverging]) });
    for (const run of runs) {
      const [good, same, diverging] = items.filter((verdict) => [run.good, run.same, run.diverging].includes(verdict.executionId));
      assert.equal(good?.state, 'baseline', run.family);
      assert.equal(same?.state, 'same', run.family);
      assert.equal(diverging?.state, 'diverges', run.family);
      assert.equal(diverging?.divergence?.label, run.divergence.label, run.family);
      assert.equal(diverging?.baselineId, run.good);
    }
    const listed = await call(inspector, 'listExecutions', { baseline: ['diverges'], limit: 2 });
    assert.equal(listed.total, runs.length);
    const all: string[] = listed.items.map((row) => row.id);
    let cursor = listed.nextCursor;
    while (cursor !== null) {
      const page = await call(inspector, 'listExecutions', { baseline: ['diverges'], limit: 2, cursor });
      all.push(...page.items.map((row) => row.id));
      cursor = page.nextCursor;
    }
    assert.deepEqual(all.sort(), runs.map((run) => run.diverging).sort());
    const baselines = await call(inspector, 'listExecutions', { baseline: ['baseline'], families: ['record'] });
    assert.deepEqual(baselines.items.map((row) => row.id), [family('record').good]);
    assert.equal((await call(inspector, 'listBaselines', {})).items.length, runs.length);
  });

  it('follows the index: a run that gains a step it did not have before diverges from then on', async () => {
    const streams = family('stream');
    await call(inspector, 'setBaseline', { id: streams.good });
    assert.equal((await call(inspector, 'getBaselineVerdicts', { ids: [streams.same] })).items[0]?.state, 'same');
    // The test appends to its own generated folder, as a producer still writing would.
    appendFileSync(join(folder, 'outputs/execution_streams/live-cmp-2.jsonl'), '{"timestamp":"2026-12-31T00:00:00Z","mission_id":"m-cmp-2","event_type":"signal","payload":{"name":"late","level":"warning"}}\n');
    const deadline = Date.now() + 60_000;
    for (;;) {
      const verdict = (await call(inspector, 'getBaselineVerdicts', { ids: [streams.same] })).items[0];
      if (verdict?.state === 'diverges') {
        assert.equal(verdict.divergence?.label, 'signal');
        assert.deepEqual(verdict.divergence?.reasons, ['only in run B']);
        break;
      }
      assert.ok(Date.now() < deadline, 'the appended line was indexed and the verdict followed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const listed = await call(inspector, 'listExecutions', { baseline: ['diverges'], families: ['stream'] });
    assert.deepEqual(listed.items.map((row) => row.id).sort(), [streams.diverging, streams.same].sort());
  });

  it('keeps baselines across a restart (a new inspector over the same data folder), in the data folder only', async () => {
    const records = family('record');
    await inspector.close();
    inspector = await FolderInspector.open({ folder: realpathSync(folder), dbPath, dataDir, watch: true });
    await inspector.initialScan();
    assert.deepEqual((await call(inspector, 'listBaselines', {})).items.map((b) => b.executionId).sort(), runs.map((run) => run.good).sort());
    const verdict = (await call(inspector, 'getBaselineVerdicts', { ids: [records.diverging] })).items[0];
    assert.equal(verdict?.divergence?.label, records.divergence.label);
    const removed = await call(inspector, 'clearBaseline', { id: records.same });
    assert.equal(removed.removed?.executionId, records.good, 'clearing names the scope through any of its runs');
    assert.equal((await call(inspector, 'getBaselineVerdicts', { ids: [records.diverging] })).items[0]?.state, 'none');
    assert.ok(statSync(join(dataDir, 'baselines')).isDirectory());
    const changed = digest(folder);
    // Only the line this test appended changed the evidence folder; the inspector wrote nothing there.
    assert.deepEqual(Object.keys(changed).sort(), Object.keys(evidence).sort());
    for (const path of Object.keys(evidence)) if (path !== 'outputs/execution_streams/live-cmp-2.jsonl') assert.equal(changed[path], evidence[path], path);
  });

  it('refuses a baseline for an execution the index does not have', async () => {
    assert.equal((await failure(inspector, 'setBaseline', { id: 'record:nope' })).code, 'not_found');
  });
});
