import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { writeFixtureFolder } from '../fixtures/fixture-folder';
import type { FixtureManifest } from '../fixtures/fixture-manifest';
import { goToHash, launchChromium, openInspector, screenshot, seriousAxeViolations } from './support/browser';
import { tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

/** Waits until `text` is visible in the main area. */
async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('main').getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The record the generator wrote with a step event removed from its observer stream: it still claims COMPLETED. */
function removedEventRecord(manifest: FixtureManifest): { readonly id: string; readonly key: string; readonly brokenAt: number } {
  const record = manifest.expected.records.find((r) => r.executionId.endsWith('-removed')) ?? assert.fail('the generator writes a record with a removed step event');
  assert.equal(record.chain, 'broken');
  return { id: record.executionId, key: record.executionId.replace(/^record:/, ''), brokenAt: record.brokenAt ?? assert.fail('brokenAt') };
}

describe('the screen never contradicts the evidence (generated folder, Chromium)', () => {
  const dir = tempDir('integrity');
  const folder = join(dir.path, 'incident');
  let manifest: FixtureManifest;
  let serve: ServeProcess;
  let browser: Browser;

  before(async () => {
    manifest = writeFixtureFolder(folder, { seed: 7 });
    serve = await startServe(folder);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    dir.remove();
  });

  it('brings a reviewer from the Overview to the broken record in one click, marked untrusted, never beside a green ok alone', async () => {
    const broken = removedEventRecord(manifest);
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/`);
    try {
      const panel = page.locator('section', { has: page.getByRole('heading', { name: /^Records that cannot be trusted/ }) });
      await panel.getByRole('link', { name: broken.key }).waitFor();
      const expectedBroken = manifest.expected.records.filter((r) => r.chain === 'broken' || r.executionHashMatches === false).length;
      await page.getByRole('heading', { name: `Records that cannot be trusted (${expectedBroken})` }).waitFor();
      await screenshot(page, 'integrity-overview');
      assert.deepEqual(await seriousAxeViolations(page), []);

      await panel.getByRole('link', { name: broken.key }).click();
      await seeText(page, 'This record cannot be trusted.');
      const header = page.locator('header.exec-header');
      await header.getByText('cannot be trusted: hashes do not match').waitFor();
      // The claimed status is shown, but never as a plain green COMPLETED / ok.
      await header.getByText('COMPLETED (claimed, untrusted)').waitFor();
      assert.equal(await header.locator('.badge-ok').count(), 0, 'no green badge in the header of a broken record');
      await screenshot(page, 'integrity-execution-header');
      assert.deepEqual(await seriousAxeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('marks broken records untrusted in the executions list, with an integrity column and filter', async () => {
    const broken = removedEventRecord(manifest);
    const { page, context } = await openInspector(browser, `${serve.url}#/executions`);
    try {
      const list = page.getByRole('listbox', { name: 'Executions' });
      await list.getByRole('option').first().waitFor();
      await page.getByLabel('Integrity').selectOption('broken');
      await list.getByRole('option', { name: new RegExp(broken.key) }).getByText('broken: untrusted').waitFor();
      const total = (await serve.call('listExecutions', { integrities: ['broken'] })).total;
      await seeText(page, `${total} executions`);
      const rows = await list.getByRole('option').count();
      assert.equal(rows, total);
      for (let index = 0; index < rows; index += 1) await list.getByRole('option').nth(index).getByText('broken: untrusted').waitFor();
      await screenshot(page, 'integrity-executions-filter');
      assert.deepEqual(await seriousAxeViolations(page), []);
    } finally {
      await context.close();
    }
  });

  it('ties "broken at step event N" to the steps panel: same name, highlighted, scrolled to and focused', async () => {
    const broken = removedEventRecord(manifest);
    const { page, context } = await openInspector(browser, `${serve.url}#/`);
    try {
      await goToHash(page, `#/executions/${broken.id}`);
      const name = `stream step event ${broken.brokenAt}`;
      const badgeLink = page.locator('header.exec-header').getByRole('button', { name });
      await badgeLink.waitFor();
      const target = page.locator(`#step-event-stream-${broken.brokenAt}`);
      await target.getByText(name).waitFor();
      await target.getByText('the hash chain breaks here').waitFor();
      assert.equal(await page.locator('.step-event-broken').count(), 1);
      await badgeLink.click();
      await page.waitForFunction((id) => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id === id, `step-event-stream-${broken.brokenAt}`);
      assert.ok(await target.isVisible());
      const box = await target.boundingBox();
      assert.ok(box !== null && box.y >= 0 && box.y + box.height <= 800, 'scrolled into view');
      await screenshot(page, 'integrity-broken-step');
      // The tamper evidence panel names the same step event.
      await page.locator('section', { has: page.getByRole('heading', { name: 'Tamper evidence (hash chain)' }) }).getByRole('button', { name }).waitFor();
    } finally {
      await context.close();
    }
  });
});
