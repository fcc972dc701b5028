import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { openInspector, screenshot } from './support/browser';
import type { ServeProcess } from './support/serve-process';
import { startServedDemo, stopServedDemo } from './support/served-demo';

type Doc = {
  document: {
    querySelector(selector: string): { scrollTop: number; scrollHeight: number; clientHeight: number; textContent: string | null } | null;
  };
};

/** scrollTop of the element a selector finds. */
async function scrollTopOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((target) => (globalThis as unknown as Doc).document.querySelector(target)?.scrollTop ?? -1, selector);
}

/** Sets scrollTop of the element a selector finds. */
async function scrollTo(page: Page, selector: string, top: number): Promise<void> {
  await page.evaluate(
    ([target, value]) => {
      const element = (globalThis as unknown as Doc).document.querySelector(target as string);
      if (element !== null) element.scrollTop = value as number;
    },
    [selector, top] as const,
  );
}

describe('live updates while the folder is written', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let demo: { readonly path: string; remove(): void };

  before(async () => ({ demo, serve, browser } = await startServedDemo()));
  after(() => stopServedDemo({ demo, serve, browser }));

  it('tails a growing mission stream: the new row appears without a reload and the page keeps its scroll position', async () => {
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/executions/stream:m-42`);
    try {
      const tail = page.getByRole('listbox', { name: 'Mission stream events of stream:m-42' });
      await tail.getByRole('option').nth(11).waitFor();
      await page.evaluate(() => {
        (globalThis as unknown as { e2eMarker?: string }).e2eMarker = 'not reloaded';
      });
      await scrollTo(page, 'main', 240);
      const mainTop = await scrollTopOf(page, 'main');
      assert.ok(mainTop > 0, 'the page is scrolled');
      const started = Date.now();
      appendFileSync(
        join(demo.path, 'outputs', 'execution_streams', 'live-7f3a.jsonl'),
        '{"timestamp":"2026-03-02T10:20:50Z","mission_id":"m-42","event_type":"signal","payload":{"name":"e2e_live_marker","level":"warning"}}\n',
      );
      await tail.getByRole('option', { name: /e2e_live_marker/ }).waitFor({ timeout: 10_000 });
      const latency = Date.now() - started;
      await page.getByRole('heading', { name: 'Live tail (13 events)' }).waitFor();
      assert.equal(await page.evaluate(() => (globalThis as unknown as { e2eMarker?: string }).e2eMarker), 'not reloaded');
      assert.equal(await scrollTopOf(page, 'main'), mainTop, 'the page did not jump');
      await screenshot(page, 'light-live-tail');
      assert.ok(latency < 10_000, `appended line visible after ${latency} ms`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('updates the executions list count as executions arrive, keeping the selection and the scroll position', async () => {
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/executions`);
    try {
      const list = page.getByRole('listbox', { name: 'Executions' });
      await list.getByRole('option').nth(10).waitFor();
      // The folder settled: its enrichment (search, checks) done, so only the append below changes the list.
      await page.locator('.topbar .index-status', { hasText: 'Watching for changes' }).waitFor({ timeout: 20_000 });
      const status = page.locator('.view-executions .view-title [role="status"]');
      const total = Number(((await status.textContent()) ?? '').replace(/[^\d]/g, ''));
      await scrollTo(page, '.exec-list', 150);
      const listTop = await scrollTopOf(page, '.exec-list');
      await list.focus();
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
      const selected = list.locator('[role="option"][aria-selected="true"]');
      const selectedText = await selected.textContent();
      assert.equal(await selected.getAttribute('aria-posinset'), '9', 'the arrows start from the first row on screen');
      assert.equal(await scrollTopOf(page, '.exec-list'), listTop, 'moving within the rows on screen does not scroll');
      const selectedTop = listTop;

      appendFileSync(
        join(demo.path, 'logs', 'executor', 'karma-events.jsonl'),
        '{"trace_id":"tr-e2e-live","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-03-02T11:00:00.000Z"}\n',
      );
      await page.getByText(`${total + 1} executions`).waitFor({ timeout: 10_000 });
      assert.equal(await list.locator('[role="option"][aria-selected="true"]').textContent(), selectedText, 'the same execution is still selected');
      assert.equal(await scrollTopOf(page, '.exec-list'), selectedTop, 'the list did not scroll');
      await page.keyboard.press('End');
      await list.getByRole('option', { name: /tr-e2e-live/ }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
