import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_AGENT_TRACE } from '../fixtures/demo-folder';
import { writeWaterfallCorpus, type WaterfallCorpus } from '../fixtures/waterfall-corpus';
import { axeViolations, launchChromium, openInspector, screenshot } from './support/browser';
import { DEMO_FOLDER, tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

const STEPS = 30_000;

type WaterfallDoc = {
  document: { querySelector(selector: string): { dispatchEvent(event: unknown): boolean } | null };
  KeyboardEvent: new (type: string, init: object) => unknown;
  requestAnimationFrame(callback: (ms: number) => void): number;
  performance: { now(): number };
};

/** The waterfall's listbox on an execution page. */
function waterfall(page: Page): Locator {
  return page.getByRole('listbox', { name: /^Waterfall of/ });
}

/** The visible time range the waterfall states (its live status line). */
async function shownRange(page: Page): Promise<string> {
  return (await page.locator('.wf-range').textContent()) ?? '';
}

/**
 * Presses keys in the page itself and times each from the key to the frame
 * after React committed it (two animation frames: the one that paints, and
 * the next, which starts only once it was painted).
 */
async function timeKeys(page: Page, keys: readonly string[]): Promise<number[]> {
  return page.evaluate(async (sequence) => {
    const page = globalThis as unknown as WaterfallDoc;
    const target = page.document.querySelector('.wf-rows');
    if (target === null) throw new Error('no waterfall');
    const frame = (): Promise<void> => new Promise((resolve) => page.requestAnimationFrame(() => resolve()));
    const times: number[] = [];
    for (const key of sequence) {
      const started = page.performance.now();
      target.dispatchEvent(new page.KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      await frame();
      await frame();
      times.push(page.performance.now() - started);
    }
    return times;
  }, keys);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

describe(`the waterfall of a generated execution of ${STEPS.toLocaleString('en-US')} steps`, { timeout: 900_000 }, () => {
  let corpus: { readonly path: string; remove(): void };
  let written: WaterfallCorpus;
  let serve: ServeProcess;
  let browser: Browser;

  before(async () => {
    corpus = tempDir('waterfall');
    written = writeWaterfallCorpus(join(corpus.path, 'folder'), { steps: STEPS, seed: 30_000 });
    browser = await launchChromium();
    serve = await startServe(join(corpus.path, 'folder'));
    await waitForIndexed(serve, 180_000);
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    corpus?.remove();
  });

  it('answers getWaterfall with one bar per step, failures where they happened', async () => {
    const started = Date.now();
    const answer = await serve.call('getWaterfall', { id: written.recordId });
    const ms = Date.now() - started;
    const steps = answer.bars.filter((bar) => bar.kind === 'step');
    assert.equal(steps.length, written.steps);
    assert.deepEqual(
      steps.flatMap((bar, index) => (bar.failed ? [index] : [])),
      written.failedSteps,
    );
    assert.equal(answer.startMs, written.runStartMs);
    assert.equal(answer.endMs, written.runEndMs);
    const last = steps.at(-1) ?? assert.fail('steps');
    assert.equal(last.endMs, written.idleTail.from);
    assert.match(last.detail ?? '', /checksum mismatch/);
    assert.equal(steps[written.gap.beforeStep]?.startMs, written.gap.to);
    console.log(`# getWaterfall of ${STEPS} steps: ${JSON.stringify(answer).length} bytes of JSON in ${ms} ms`);
  });

  it('compresses the months without events on the overview timeline and says so, in light and dark', async () => {
    await serve.call('summary', {});
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/`);
    try {
      const chart = page.locator('svg.histogram-chart');
      await chart.locator('rect.bar-failed').first().waitFor({ timeout: 30_000 });
      const label = page.locator('.histogram-gap-label');
      await label.first().waitFor();
      assert.equal(await label.count(), 1, 'one empty stretch of months');
      const gapDays = (written.monthsGap.to - written.monthsGap.from) / 86_400_000;
      // The band stands for at least the empty months (it ends on the coarse buckets around them).
      const days = Number(/(\d+) d/.exec((await label.textContent()) ?? '')?.[1]);
      assert.ok(days >= Math.floor(gapDays) - 3 && days <= Math.ceil(gapDays), `${days} days stated for a gap of ${gapDays.toFixed(1)} days`);
      assert.match((await chart.getAttribute('aria-label')) ?? '', /One empty stretch is compressed: \d+ d \d+ h without events from 2026-01-/);
      // Both the January run and the April mission get a readable share of the width.
      const box = (await chart.boundingBox()) ?? assert.fail('the chart has a box');
      const bars = await chart.locator('rect.bar-ok, rect.bar-failed').evaluateAll((rects) => rects.map((rect) => (rect as unknown as { getBoundingClientRect(): { x: number } }).getBoundingClientRect().x));
      const gapBox = (await chart.locator('rect.histogram-gap-band').boundingBox()) ?? assert.fail('the gap band has a box');
      assert.ok(gapBox.width < box.width * 0.1, 'the empty months take a narrow band');
      assert.ok(bars.some((x) => x < gapBox.x) && bars.some((x) => x > gapBox.x + gapBox.width), 'events on both sides of the band');
      await screenshot(page, 'light-overview-months-gap');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'dark-overview-months-gap');
      await page.emulateMedia({ colorScheme: 'light' });
      // Brushing the April side selects a range within April only.
      await page.mouse.move(gapBox.x + gapBox.width + 4, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 6 });
      await page.mouse.up();
      await page.locator('.range-bar.is-active').waitFor();
      assert.match((await page.locator('.range-summary').textContent()) ?? '', /2026-04-2/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('draws it virtualized with the gap and the idle tail after the failure marked, zooms and pans by keyboard and mouse, opens the selection, and stays smooth', async () => {
    // One page for all of it: each opening makes the server assemble the 30,000 steps for every panel again.
    await serve.call('summary', {});
    const started = Date.now();
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/executions/${written.recordId}`);
    try {
      const list = waterfall(page);
      // The page's other panels each assemble the 30,000 steps too, in the same server process: generous on a shared machine.
      await list.getByRole('option').first().waitFor({ timeout: 180_000 });
      console.log(`# the waterfall of ${STEPS} steps drawn ${Date.now() - started} ms after opening the page`);
      assert.equal(await list.getByRole('option').first().getAttribute('aria-setsize'), String(STEPS + 1));
      const rendered = await list.getByRole('option').count();
      assert.ok(rendered < 80, `only the rows on screen are in the DOM (${rendered})`);
      await page.locator('.wf-idle-label.is-after-failure', { hasText: 'idle 45 min 00 s after failure' }).waitFor();
      await page.locator('.wf-idle-label', { hasText: 'gap 2 h 00 min' }).waitFor();
      assert.equal(await page.locator('.wf-failure-mark').count(), written.failedSteps.length, 'every failure marked on the axis');
      await list.scrollIntoViewIfNeeded();
      await screenshot(page, 'light-waterfall-30000-steps');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'dark-waterfall-30000-steps');
      await page.emulateMedia({ colorScheme: 'light' });
      const all = await shownRange(page);
      await list.focus();

      // Keyboard zoom in, pan, zoom out, and 0 for everything again.
      await page.keyboard.press('+');
      await page.keyboard.press('+');
      const zoomed = await shownRange(page);
      assert.notEqual(zoomed, all);
      await page.keyboard.press('ArrowRight');
      const panned = await shownRange(page);
      assert.notEqual(panned, zoomed);
      await page.keyboard.press('0');
      assert.equal(await shownRange(page), all);

      // End selects the last step (failed) and the view follows; Enter opens it with its events.
      for (let i = 0; i < 10; i += 1) await page.keyboard.press('+');
      await page.keyboard.press('End');
      const lastRow = list.getByRole('option', { selected: true });
      assert.match((await lastRow.textContent()) ?? '', new RegExp(`Step ${STEPS - 1} `));
      assert.equal(await lastRow.locator('.wf-bar.is-failed').count(), 1, 'the failed step is drawn in view, as failed');
      await page.keyboard.press('Enter');
      const selection = page.getByRole('region', { name: new RegExp(`^Selected: Step ${STEPS - 1} `) });
      await selection.getByText(`shard ${STEPS - 1}: checksum mismatch after copy`).first().waitFor();
      await selection.getByRole('button', { name: /^Event \d+$/ }).nth(1).waitFor();
      await selection.locator('.event-detail').getByText('FAILED', { exact: false }).first().waitFor();
      // The failed step's row and its details together: the selection's heading in the middle of the screen.
      await selection.locator('h3').first().evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
      await screenshot(page, 'light-waterfall-selected-failed-step');

      // The mouse: Ctrl+wheel zooms around the pointer, dragging pans, a click selects.
      await page.keyboard.press('0');
      await list.evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'center' }));
      const box = (await list.boundingBox()) ?? assert.fail('the list has a box');
      const trackX = box.x + 300 + (box.width - 300) * 0.25;
      await page.mouse.move(trackX, box.y + 40);
      await page.keyboard.down('Control');
      await page.mouse.wheel(0, -400);
      await page.keyboard.up('Control');
      await page.waitForFunction((before) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('.wf-range')?.textContent !== before, all);
      const wheeled = await shownRange(page);
      await page.mouse.move(trackX, box.y + 60);
      await page.mouse.down();
      await page.mouse.move(trackX - 200, box.y + 60, { steps: 8 });
      await page.mouse.up();
      assert.notEqual(await shownRange(page), wheeled, 'dragging panned');
      await list.focus();
      await page.keyboard.press('Home');
      await list.getByRole('option').filter({ hasText: 'Step 2 Index shard 2' }).click();
      await page.getByRole('region', { name: /^Selected: Step 2 / }).waitFor();

      // Smoothness: 60 zoom and pan steps on 30,000 rows, each timed from the key to the painted frame after it.
      await page.keyboard.press('0');
      const keys = Array.from({ length: 60 }, (_, i) => ['+', 'ArrowRight', '+', 'ArrowLeft', '-', 'ArrowRight'][i % 6] as string);
      const times = await timeKeys(page, keys);
      const median = percentile(times, 0.5);
      const p95 = percentile(times, 0.95);
      console.log(`# waterfall of ${STEPS} steps: key to painted frame median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
      // Two frames are ~33 ms; a re-render of every row instead of the visible ones takes seconds here.
      assert.ok(median < 120, `median ${median} ms`);
      assert.ok(p95 < 400, `p95 ${p95} ms`);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

describe('the waterfall of each family on the demo folder', { timeout: 120_000 }, () => {
  let serve: ServeProcess;
  let browser: Browser;

  before(async () => {
    serve = await startServe(DEMO_FOLDER);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
  });

  const cases = [
    { name: 'record', id: 'record:exec-drop-7', failed: /^✕ Step 2 Create customers table v2/, also: 'Step 0 Snapshot customers table' },
    { name: 'benson', id: 'benson:PAC-DAN-P53-01', failed: /^✕ CP-03 QUALITY_SCORE_VALIDATION/, also: 'Agent execution' },
    { name: 'cycle', id: 'cycle:2026-03-02T09-20-00Z/migrate-customers-schema', failed: /^✕ pytest/, also: 'Plan step 1 run tests' },
    { name: 'stream', id: 'stream:m-42', failed: /^✕ status/, also: 'navigation' },
    { name: 'otlp', id: `otlp:${DEMO_AGENT_TRACE}`, failed: /^✕ Tool call run_migration/, also: 'Chat gpt-4o (3120 in, 406 out tokens)' },
  ] as const;
  for (const entry of cases) {
    it(`shows the ${entry.name} execution's bars with its failures, in light and dark`, async () => {
      const { page, context, errors } = await openInspector(browser, `${serve.url}#/executions/${encodeURIComponent(entry.id).replace('%3A', ':')}`);
      try {
        const list = waterfall(page);
        await list.getByRole('option').first().waitFor({ timeout: 30_000 });
        const failedRow = list.getByRole('option').filter({ hasText: entry.failed }).first();
        await failedRow.waitFor();
        assert.equal(await failedRow.locator('.wf-bar.is-failed').count(), 1);
        await list.getByRole('option').filter({ hasText: entry.also }).first().waitFor();
        await failedRow.click();
        await page.getByRole('region', { name: /^Selected: / }).locator('.event-detail').waitFor();
        await list.scrollIntoViewIfNeeded();
        await screenshot(page, `light-waterfall-${entry.name}`);
        await page.emulateMedia({ colorScheme: 'dark' });
        await screenshot(page, `dark-waterfall-${entry.name}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
