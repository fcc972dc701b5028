import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { goToHash, launchChromium, openInspector, screenshot, seriousAxeViolations } from './support/browser';
import { DEMO_FOLDER } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';
import { DEMO_AGENT_TRACE } from '../fixtures/demo-folder';

const DROP = 'record:exec-drop-7';
const PAC = 'benson:PAC-DAN-P53-01';
const CYCLE = 'cycle:2026-03-02T09-20-00Z/migrate-customers-schema';
const MISSION = 'stream:m-42';

/** Waits until `text` is visible in the main area. */
async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('main').getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** One view: its hash, and what proves it rendered its data. */
interface ViewCheck {
  readonly name: string;
  readonly hash: string;
  readonly ready: (page: Page) => Promise<void>;
}

describe('every view on the demo folder in Chromium', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let failedExecEvent: string;
  let views: ViewCheck[];

  before(async () => {
    serve = await startServe(DEMO_FOLDER);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
    const failed = await serve.call('listExecutions', { families: ['exec-event'], outcomes: ['failed'], limit: 1 });
    failedExecEvent = failed.items[0]?.id ?? assert.fail('the demo has a failed exec-event');
    const berReport = await serve.call('listEvents', { kinds: ['BER_TELEMETRY_REPORT'], limit: 1 });
    const berId = berReport.items[0]?.id ?? assert.fail("the demo holds ChainBridge's BER telemetry document");
    const failedDetail = await serve.call('getExecution', { id: failedExecEvent });
    const failedCode = failedDetail.events.find((event) => event.errorCode !== null)?.errorCode ?? assert.fail('a failed exec-event names its error code');
    const firstEvent = await serve.call('listEvents', { query: 'customer_tier', limit: 1 });
    const eventId = firstEvent.items[0]?.id ?? assert.fail('the demo mentions customer_tier');
    views = [
      {
        name: 'overview',
        hash: '#/',
        ready: async (page) => {
          await page.locator('svg.histogram-chart rect.bar-failed').first().waitFor();
          await seeText(page, 'Executions by outcome');
          await seeText(page, 'PAC-DAN-P53-01');
        },
      },
      { name: 'start', hash: '#/start', ready: (page) => seeText(page, 'Evidence folder (read only):') },
      {
        name: 'executions',
        hash: '#/executions',
        ready: async (page) => {
          await page.getByRole('listbox', { name: 'Executions' }).getByRole('option').nth(5).waitFor();
          await seeText(page, /^\d+ executions/);
        },
      },
      {
        name: 'execution-record-exec-drop-7',
        hash: `#/executions/${DROP}`,
        ready: async (page) => {
          await seeText(page, 'hash chain intact');
          await seeText(page, 'ERROR: type "customer_tier" does not exist (migration 0042_customers_v2.sql, line 14)');
          await seeText(page, 'got worse');
          await seeText(page, 'GRANT ALL ON SCHEMA public TO agent_ops');
          await seeText(page, 'pg_restore --dbname=crm --table=customers /backups/customers-2026-03-02.dump');
          await seeText(page, 'rollback possible');
        },
      },
      {
        // hearth's saved record: its hash matched by hearth's rule, no step hashes, the producer's rollback verdict beside the inspector's.
        name: 'execution-record-hearth',
        hash: '#/executions/record:exec-cleanup-9',
        ready: async (page) => {
          await seeText(page, 'execution_hash match · no step hashes: step contents not covered');
          await seeText(page, 'Stopped: boundary LOCKDOWN');
          await seeText(page, 'boundary_state');
          await seeText(page, 'This record carries no side-effect report');
          await seeText(page, 'producer: rollback not possible');
          await seeText(page, 'Security escalation stopped execution - CANNOT rollback');
        },
      },
      {
        name: 'execution-benson',
        hash: `#/executions/${PAC}`,
        ready: async (page) => {
          await seeText(page, 'AgentExecutionResult schema violation');
          await seeText(page, 'total_events');
          await seeText(page, 'QUALITY_SCORE_VALIDATION');
        },
      },
      {
        name: 'execution-cycle',
        hash: `#/executions/${CYCLE.replace('/', '%2F')}`,
        ready: async (page) => {
          await seeText(page, 'Cycle 2');
          await seeText(page, 'review: abort');
          await page.locator('main .badge', { hasText: /^redacted$/ }).first().waitFor();
        },
      },
      { name: 'execution-stream', hash: `#/executions/${MISSION}`, ready: (page) => seeText(page, /url: https:\/\/shop\.example\.com/) },
      { name: 'execution-exec-event', hash: `#/executions/${failedExecEvent}`, ready: (page) => seeText(page, failedCode) },
      {
        name: 'execution-otlp',
        hash: `#/executions/otlp:${DEMO_AGENT_TRACE}`,
        ready: async (page) => {
          await seeText(page, 'Span tree (4 spans)');
          await page.locator('.otlp-span.is-failed', { hasText: 'Tool call run_migration' }).waitFor();
        },
      },
      { name: 'events', hash: '#/events', ready: (page) => page.getByRole('listbox', { name: 'Events' }).getByRole('option').nth(5).waitFor() },
      { name: 'event-detail', hash: `#/events/${eventId}`, ready: (page) => page.locator('pre.raw').waitFor() },
      // The demo's only problems are the ones the real producers always cause.
      {
        name: 'event-benson-report',
        hash: `#/events/${berId}`,
        ready: async (page) => {
          await seeText(page, 'Report checked against the logs');
          await page.locator('.benson-report-check .badge', { hasText: 'consistent' }).waitFor();
        },
      },
      { name: 'problems', hash: '#/problems', ready: (page) => seeText(page, 'exec.started_event') },
      { name: 'notes', hash: '#/notes', ready: (page) => seeText(page, 'No notes yet') },
      { name: 'not-found', hash: '#/no-such-view', ready: (page) => seeText(page, 'Nothing here') },
      { name: 'execution-not-found', hash: '#/executions/record:no-such-execution', ready: (page) => seeText(page, 'No such execution in this folder') },
      { name: 'execution-bad-id', hash: '#/executions/no-family-here', ready: (page) => seeText(page, 'Not an execution id') },
    ];
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders every view with its data, no page errors and no serious axe violations (${scheme})`, async () => {
      const { page, context, errors, dialogs } = await openInspector(browser, serve.url, { colorScheme: scheme });
      try {
        assert.doesNotMatch(page.url(), /token=/, 'the token is removed from the visible URL');
        for (const view of views) {
          await goToHash(page, view.hash);
          await view.ready(page);
          await screenshot(page, `${scheme}-${view.name}`);
          const violations = await seriousAxeViolations(page);
          assert.deepEqual(violations, [], `${view.name}: ${JSON.stringify(violations, null, 1)}`);
        }
        assert.deepEqual(errors, []);
        assert.deepEqual(dialogs, []);
      } finally {
        await context.close();
      }
    });
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
      await page.getByRole('button', { name: 'Clear range' }).click();
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
      assert.deepEqual(await seriousAxeViolations(page), []);
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
});
