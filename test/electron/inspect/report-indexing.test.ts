import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { HandlerContext } from '../../../electron/api/handler-context';
import { reportIndexing } from '../../../electron/inspect/report-indexing';
import { writeDemoFolder } from '../../fixtures/demo-folder';
import { tempFolder } from '../../support/temp-folder';
import { openInspection, type Inspection } from './open-inspection';

type Progress = ReturnType<HandlerContext['progress']>;

const READ = { filesTotal: 10, filesDone: 10, bytesTotal: 5000, bytesDone: 5000, events: 40, message: null, enrichment: null } as const;
const PART_READ = { ...READ, filesDone: 3, bytesDone: 1200 } as const;

describe('what a report says of the index it was made from', () => {
  it('is complete once every file was read, whatever the enrichment still does', () => {
    for (const progress of [
      { ...READ, phase: 'done' },
      { ...READ, phase: 'watching', enrichment: { stage: 'events', done: 1, total: 2, etaMs: null } },
      { ...READ, phase: 'cancelled', enrichment: { stage: 'checks', done: 1, total: 2, etaMs: null } },
    ] satisfies Progress[]) {
      assert.deepEqual(reportIndexing(progress), { complete: true, statement: null }, progress.phase);
    }
  });

  it('says what was read while the folder is read, or when its reading was cancelled or failed part way', () => {
    const reading = reportIndexing({ ...PART_READ, phase: 'indexing' });
    assert.equal(reading.complete, false);
    assert.match(reading.statement ?? '', /^The folder was still being read when this report was made \(3 of 10 files, 1200 of 5000 bytes\): the execution may have events that were not read/);
    assert.match(reportIndexing({ ...PART_READ, phase: 'cancelled' }).statement ?? '', /had not been read to its end \(indexing was cancelled\)/);
    assert.match(reportIndexing({ ...PART_READ, phase: 'failed' }).statement ?? '', /had not been read to its end \(indexing failed\)/);
    assert.match(reportIndexing({ ...READ, bytesTotal: 0, bytesDone: 0, filesTotal: 0, filesDone: 0, phase: 'discovering' }).statement ?? '', /^The folder was still being read when this report was made: /);
  });
});

describe('reports exported while the folder is still read', () => {
  const folder = (): string => {
    const path = tempFolder('report-indexing');
    writeDemoFolder(path);
    return path;
  };

  async function recordIds(inspection: Inspection): Promise<string[]> {
    const page = await inspection.call('listExecutions', { families: ['record'], limit: 2 });
    assert.equal(page.items.length, 2, 'the demo folder has two records or more');
    return page.items.map((row) => row.id);
  }

  it('say so at their top, in every format, for one execution and for a comparison', async () => {
    const inspection = await openInspection(folder(), { progress: () => ({ ...PART_READ, phase: 'indexing' }) });
    const [a, b] = await recordIds(inspection);
    const json = JSON.parse((await inspection.call('exportReport', { id: a!, format: 'json' })).content) as { indexing: unknown };
    assert.deepEqual(json.indexing, reportIndexing({ ...PART_READ, phase: 'indexing' }));
    const markdown = (await inspection.call('exportReport', { id: a!, format: 'md' })).content;
    assert.match(markdown, /\*\*Incomplete index\.\*\* The folder was still being read when this report was made \(3 of 10 files/);
    assert.ok(markdown.indexOf('Incomplete index') < markdown.indexOf('## Execution'), 'before the execution');
    const html = (await inspection.call('exportReport', { id: a!, format: 'html' })).content;
    assert.match(html, /<p class="notice"><strong>Incomplete index\.<\/strong> The folder was still being read when this report was made/);
    for (const format of ['md', 'html', 'json'] as const) {
      const comparison = (await inspection.call('exportComparisonReport', { a: a!, b: b!, format })).content;
      assert.match(comparison, /The folder was still being read when this report was made/, format);
    }
  });

  it('say nothing of it once the folder was read', async () => {
    const inspection = await openInspection(folder());
    const [a, b] = await recordIds(inspection);
    const json = JSON.parse((await inspection.call('exportReport', { id: a!, format: 'json' })).content) as { indexing: unknown };
    assert.deepEqual(json.indexing, { complete: true, statement: null });
    for (const format of ['md', 'html'] as const) {
      assert.doesNotMatch((await inspection.call('exportReport', { id: a!, format })).content, /Incomplete index/, format);
      assert.doesNotMatch((await inspection.call('exportComparisonReport', { a: a!, b: b!, format })).content, /Incomplete index/, format);
    }
  });
});
