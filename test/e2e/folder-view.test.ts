import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { ApiResponse } from '../../shared/api/contract';
import { writeBenchCorpus, type BenchCorpusResult } from '../fixtures/bench-corpus';
import { axeViolations, launchChromium, openInspector, screenshot } from './support/browser';
import { tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

/** Big enough that its first scan (about 10 s or more here) is still running when the page has loaded and is clicked. */
const EVENTS = 400_000;

function totalEvents(summary: ApiResponse<'summary'>): number {
  return Object.values(summary.events).reduce((sum, n) => sum + n, 0);
}

describe('the Folder view in browser mode, while a big folder is indexed', { timeout: 300_000 }, () => {
  let corpusDir: { readonly path: string; remove(): void };
  let corpus: BenchCorpusResult;
  let serve: ServeProcess;
  let browser: Browser;

  before(async () => {
    corpusDir = tempDir('cancel');
    corpus = writeBenchCorpus(join(corpusDir.path, 'folder'), { events: EVENTS, files: 80, seed: 400 });
    browser = await launchChromium();
    serve = await startServe(join(corpusDir.path, 'folder'));
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    corpusDir?.remove();
  });

  it('cancels the indexing in progress (what was read stays), explains that browser mode opens no other folder, and resumes to every event once', async () => {
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/start`);
    try {
      await page.getByText('Evidence folder (read only):').waitFor();
      // Browser mode: the host controls answer not_applicable, so the page explains instead of offering them.
      await page.getByText('Browser mode serves one folder, fixed when execution-inspector serve started.').waitFor();
      await page.getByText('Browser mode lists only the folder it serves.').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Open folder…' }).count(), 0);

      const cancel = page.getByRole('button', { name: 'Cancel indexing' });
      await cancel.waitFor();
      const deadline = Date.now() + 60_000;
      for (;;) {
        const summary = await serve.call('summary', {});
        assert.notEqual(summary.progress.phase, 'watching', 'the folder was indexed before the page could cancel (the corpus is too small for this machine)');
        if (summary.progress.phase === 'indexing' && totalEvents(summary) > 0) break;
        assert.ok(Date.now() < deadline, `indexing did not start: ${JSON.stringify(summary.progress)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await cancel.click({ timeout: 5_000 });
      await page.getByRole('button', { name: 'Resume indexing' }).waitFor({ timeout: 10_000 });
      await page.locator('.indexing-line', { hasText: 'Indexing cancelled' }).waitFor();
      await page.getByRole('link', { name: 'Indexing cancelled' }).waitFor();
      const stopped = await serve.call('summary', {});
      assert.equal(stopped.progress.phase, 'cancelled');
      const partial = totalEvents(stopped);
      assert.ok(partial > 0 && partial < corpus.events, `${partial} of ${corpus.events} events when cancelled`);
      await screenshot(page, 'light-folder-cancelled');
      assert.deepEqual(await axeViolations(page), []);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      assert.equal(totalEvents(await serve.call('summary', {})), partial, 'nothing is read while cancelled');

      await page.getByRole('button', { name: 'Resume indexing' }).click();
      const done = await waitForIndexed(serve, 240_000);
      assert.equal(totalEvents(done), corpus.events, 'every event of the corpus, none twice');
      await page.getByText('Indexed; watching the folder for changes').waitFor({ timeout: 10_000 });
      assert.equal(await page.getByRole('button', { name: 'Cancel indexing' }).isDisabled(), true, 'nothing to cancel once indexed');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
