import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, goToHash, launchChromium, openInspector, screenshot } from './support/browser';
import { demoViews, DROP, seeText, type ViewCheck } from './support/demo-views';
import { DEMO_FOLDER } from './support/evidence-folder';
import { layoutFaults, SCREEN_SIZES } from './support/layout-checks';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';
import { otlpTraceRequestSchema } from '../support/otlp-trace-schema';

describe('every view on the demo folder in Chromium', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let views: readonly ViewCheck[];

  before(async () => {
    serve = await startServe(DEMO_FOLDER);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
    views = await demoViews(serve);
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
  });

  for (const size of SCREEN_SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`renders every view with its data at ${size.name} (${scheme}): no page errors, no axe violations, nothing overflowing or overlapping`, async () => {
        const { page, context, errors, dialogs } = await openInspector(browser, serve.url, { colorScheme: scheme, viewport: size });
        try {
          assert.doesNotMatch(page.url(), /token=/, 'the token is removed from the visible URL');
          const faults: string[] = [];
          for (const view of views) {
            await goToHash(page, view.hash);
            await view.ready(page);
            await screenshot(page, `${size.name}-${scheme}-${view.name}`);
            faults.push(...(await layoutFaults(page)).map((fault) => `${view.name}: ${fault}`));
            const violations = await axeViolations(page);
            faults.push(...violations.map((violation) => `${view.name}: axe ${violation.id} (${violation.impact ?? ''}) ${violation.help} at ${violation.targets.join(' ')}`));
          }
          assert.deepEqual(faults, []);
          assert.deepEqual(errors, []);
          assert.deepEqual(dialogs, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('shows the raw line exactly as in the file, with its file:line', async () => {
    const { page, context } = await openInspector(browser, serve.url);
    try {
      const found = await serve.call('listEvents', { query: 'customer_tier', families: ['record'], limit: 5 });
      for (const row of found.items) {
        await goToHash(page, `#/events/${row.id}`);
        await page.locator('pre.raw').waitFor();
        const bytes = readFileSync(join(DEMO_FOLDER, ...row.source.path.split('/')));
        const expected = bytes.subarray(row.source.byteOffset, row.source.byteOffset + row.source.byteLength).toString('utf8');
        const detail = await serve.call('getEvent', { id: row.id });
        assert.equal(detail.raw.replace(/\r?\n$/, ''), expected.replace(/\r?\n$/, ''), 'the API gives the bytes of the file');
        assert.equal(await page.locator('pre.raw').textContent(), detail.raw, 'the page shows them as they are');
        await page.locator('.event-location', { hasText: `${row.source.path}:${row.source.line}` }).waitFor();
      }
    } finally {
      await context.close();
    }
  });

  it('moves through the executions list by keyboard and keeps the selection when coming back', async () => {
    const { page, context } = await openInspector(browser, `${serve.url}#/executions`);
    try {
      const list = page.getByRole('listbox', { name: 'Executions' });
      await list.getByRole('option').nth(3).waitFor();
      await list.focus();
      for (let i = 0; i < 4; i += 1) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const selected = list.locator('[role="option"][aria-selected="true"]');
      assert.equal(await selected.getAttribute('aria-posinset'), '3');
      const expectedText = (await selected.textContent()) ?? '';
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.startsWith('#/executions/'));
      await page.locator('.exec-header h1').waitFor();
      await page.goBack();
      await list.locator('[role="option"][aria-selected="true"]').waitFor();
      assert.equal(await list.locator('[role="option"][aria-selected="true"]').textContent(), expectedText);
      await page.keyboard.press('/');
      assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { getAttribute(name: string): string | null } | null } }).document.activeElement?.getAttribute('type')), 'search');
      await page.keyboard.type('exec-drop');
      await page.waitForFunction(() => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[role="listbox"][aria-label="Executions"] [role="option"]').length === 2);
      await seeText(page, '2 executions');
    } finally {
      await context.close();
    }
  });

  it('sets the time range of every view by brushing the histogram', async () => {
    const { page, context } = await openInspector(browser, serve.url);
    try {
      const chart = page.locator('svg.histogram-chart');
      await chart.locator('rect.bar-failed').first().waitFor();
      const box = (await chart.boundingBox()) ?? assert.fail('the chart has a box');
      await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2, { steps: 5 });
      await page.mouse.move(box.x + box.width * 0.999, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
      await page.locator('.range-bar.is-active').waitFor();
      assert.doesNotMatch((await page.locator('.range-summary').textContent()) ?? '', /all time/);
      await screenshot(page, 'light-overview-brushed');
      await goToHash(page, '#/executions');
      const status = page.locator('.view-executions .view-title [role="status"]');
      await page.waitForFunction(() => /\d+ executions?$/.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('.view-executions .view-title [role="status"]')?.textContent ?? ''));
      const inRange = Number(((await status.textContent()) ?? '').replace(/[^\d]/g, ''));
      const all = await serve.call('listExecutions', { limit: 1 });
      assert.ok(inRange > 0 && inRange < all.total, `${inRange} of ${all.total} executions in the brushed range`);
      await page.locator('.range-button').click();
      await page.getByRole('dialog', { name: 'Time range' }).getByRole('button', { name: 'Clear range' }).click();
      await seeText(page, `${all.total} executions`);
    } finally {
      await context.close();
    }
  });

  it('explains a page opened with a wrong token or without its token', async () => {
    const wrong = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await wrong.newPage();
      await page.goto(`${serve.origin}/?token=${'A'.repeat(43)}#/executions`);
      await page.getByText('This page has no connection to an inspector').waitFor();
      assert.equal(page.url(), `${serve.origin}/#/executions`, 'even a wrong token leaves the address; the route stays');
      await screenshot(page, 'light-no-session');
      assert.deepEqual(await axeViolations(page), []);
    } finally {
      await wrong.close();
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${serve.origin}/`);
      await page.getByText('This page has no connection to an inspector').waitFor();
    } finally {
      await context.close();
    }
  });

  it('exports the incident report as a download and never renders it', async () => {
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/${DROP}`);
    try {
      for (const [label, extension] of [
        ['Export Markdown', '.md'],
        ['Export HTML', '.html'],
        ['Export OTLP', '.otlp.jsonl'],
      ] as const) {
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: label }).click();
        const file = await download;
        assert.ok(file.suggestedFilename().endsWith(extension), file.suggestedFilename());
        const path = await file.path();
        assert.match(readFileSync(path, 'utf8'), /exec-drop-7/);
      }
      assert.equal(page.frames().length, 1, 'no frame shows the report');
      assert.equal(context.pages().length, 1, 'no window shows the report');
    } finally {
      await context.close();
    }
  });

  it('exports the executions a filtered list shows as OpenTelemetry traces, one per line', async () => {
    const { page, context } = await openInspector(browser, `${serve.url}#/executions?family=record`);
    try {
      const count = page.locator('.view-executions .view-title [role="status"]');
      await count.filter({ hasText: /\d+ executions?/ }).waitFor();
      const listed = Number(/(\d+) execution/.exec((await count.textContent()) ?? '')?.[1]);
      assert.ok(listed > 1, `the record filter lists ${listed}`);
      const download = page.waitForEvent('download');
      await page.locator('.view-executions').getByRole('button', { name: 'Export OTLP' }).click();
      const file = await download;
      const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\n');
      assert.equal(lines.length, listed, 'one trace per listed execution');
      for (const line of lines) {
        const parsed = otlpTraceRequestSchema.parse(JSON.parse(line));
        const root = parsed.resourceSpans[0]!.scopeSpans[0]!.spans.find((span) => span.parentSpanId === undefined);
        assert.match(root?.name ?? '', /^record:/, 'only what the filter lists');
      }
      await page.getByText(`Saved ${file.suggestedFilename()}: ${listed} executions`).waitFor();
    } finally {
      await context.close();
    }
  });
});
