import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, goToHash, launchChromium, openInspector, screenshot } from './support/browser';
import { tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const JS_URL = 'javascript:alert(3)';

/** Every line is untrusted: markup, script, javascript: URLs and event handlers in every field a view shows. */
const FILES: Readonly<Record<string, readonly string[]>> = {
  'logs/executor/exec.jsonl': [
    JSON.stringify({ trace_id: IMG, action_type: SCRIPT, adapter: JS_URL, status: 'failed', product: 'crm', timestamp: '2026-03-02T10:15:04.120Z', error_code: '"><svg onload=alert(4)>' }),
    // The same trace emitted twice: a duplicate terminal event, flagged in the trace's view.
    JSON.stringify({ trace_id: IMG, action_type: SCRIPT, adapter: JS_URL, status: 'failed', product: 'crm', timestamp: '2026-03-02T10:15:05.000Z', error_code: '"><svg onload=alert(4)>' }),
  ],
  'outputs/execution_streams/live-xss.jsonl': [
    JSON.stringify({ timestamp: '2026-01-09T08:00:00Z', mission_id: 'm-<b>xss</b>', event_type: 'status', payload: { state: 'started' } }),
    JSON.stringify({ timestamp: '2026-01-09T08:00:01Z', mission_id: 'm-<b>xss</b>', event_type: 'navigation', payload: { url: JS_URL, action: 'click', detail: IMG } }),
    JSON.stringify({ timestamp: '2026-01-09T08:00:02Z', mission_id: 'm-<b>xss</b>', event_type: 'navigation', payload: { url: 'https://evil.example/<script>alert(7)</script>', action: 'open', detail: '<a href="javascript:alert(8)">click me</a>' } }),
    JSON.stringify({ timestamp: '2026-01-09T08:00:03Z', mission_id: 'm-<b>xss</b>', event_type: 'status', payload: { state: 'failed', detail: SCRIPT } }),
  ],
  'logs/benson/benson.jsonl': [
    JSON.stringify({ telemetry_version: '1.0.0', timestamp: '2025-12-26T01:00:00.000000+00:00', event_type: 'PAC_DISPATCH_START', authority: 'BENSON (GID-00)', data: { pac_id: 'PAC-XSS-01', agent_gid: 'GID-07', agent_name: SCRIPT, phase: 'DISPATCH' } }),
    JSON.stringify({ telemetry_version: '1.0.0', timestamp: '2025-12-26T01:00:01.000000+00:00', event_type: 'CHECKPOINT', authority: 'BENSON (GID-00)', data: { checkpoint_id: 'CP-01', checkpoint_name: 'AGENT_ACTIVATION_VALIDATION', status: 'FAIL', details: IMG, phase: 'CHECKPOINT' } }),
    JSON.stringify({ telemetry_version: '1.0.0', timestamp: '2025-12-26T01:00:02.000000+00:00', event_type: 'BER_GENERATION_DECISION', authority: 'BENSON (GID-00)', data: { pac_id: 'PAC-XSS-01', eligible: false, reason: IMG, human_review_required: true } }),
    JSON.stringify({ telemetry_version: '1.0.0', timestamp: '2025-12-26T01:00:03.000000+00:00', event_type: 'PAC_DISPATCH_END', authority: '<img src=x onerror=alert(5)>', data: { pac_id: 'PAC-XSS-01', status: 'BLOCKED', duration_ms: 3000, phase: 'DISPATCH_COMPLETE' } }),
  ],
  'logs/telemetry/xss-run.jsonl': [
    JSON.stringify({ schema_version: '0.1', timestamp: '2025-10-06T12:34:56.789Z', source: 'executor', run_id: 'xss-run', cycle: 1, event: 'executor.command_completed', payload: { command: IMG, args: 'REDACTED', exit_code: 1, stdout_digest: JS_URL, redacted_fields: ['args'] }, tags: { agent: SCRIPT } }),
  ],
  'records/observer/exec-xss.jsonl': [
    JSON.stringify({ record_version: '1', kind: 'execution_started', execution_id: 'exec-xss', plan_id: 'plan-xss', timestamp: '2026-02-01T09:00:00Z', live_mode_state: 'LIVE', security_snapshot: { captured_at: '2026-02-01T09:00:00Z', security_state: 'NORMAL', note: IMG } }),
    JSON.stringify({ record_version: '1', kind: 'step_event', execution_id: 'exec-xss', timestamp: '2026-02-01T09:00:01Z', step_index: 0, step_name: IMG, event_type: 'STARTED', details: {}, error_message: null, previous_event_hash: null, event_hash: JS_URL }),
    JSON.stringify({ record_version: '1', kind: 'side_effect', execution_id: 'exec-xss', timestamp: '2026-02-01T09:00:02Z', step_index: 0, category: 'FILE_SYSTEM', description: '<iframe src="javascript:alert(16)"></iframe>', reversible: false, details: {} }),
    JSON.stringify({ record_version: '1', kind: 'step_event', execution_id: 'exec-xss', timestamp: '2026-02-01T09:00:03Z', step_index: 0, step_name: IMG, event_type: 'FAILED', details: {}, error_message: SCRIPT, previous_event_hash: JS_URL, event_hash: 'x' }),
    JSON.stringify({ record_version: '1', kind: 'execution_finished', execution_id: 'exec-xss', timestamp: '2026-02-01T09:00:09Z', status: 'FAILED', reason: IMG, security_snapshot: { captured_at: '2026-02-01T09:00:09Z', security_state: 'COMPROMISED', note: SCRIPT } }),
  ],
  'records/plans/plan-xss.json': [
    JSON.stringify({ plan_id: 'plan-xss', steps: [{ index: 0, name: IMG }], declared_side_effects: [], rollback_hints: [{ step_index: 0, description: IMG, actions: [JS_URL, SCRIPT], risks: ['<a href="javascript:alert(19)">risk</a>'] }] }),
  ],
  'logs/app/generic.jsonl': [JSON.stringify({ message: IMG, url: JS_URL, level: 'error' })],
  'logs/app/broken.jsonl': ['<script>alert(21)</script>', '{"unterminated": "<img src=x onerror=alert(22)>"'],
};

/** What a page must never contain when it shows untrusted text. */
async function injectedElements(page: Page): Promise<readonly string[]> {
  return page.evaluate(() => {
    type El = { tagName: string; getAttribute(name: string): string | null; closest(selector: string): unknown };
    const { document } = globalThis as unknown as { document: { querySelectorAll(selector: string): Iterable<El> } };
    const found: string[] = [];
    for (const element of document.querySelectorAll('img, iframe, object, embed, b, svg, script, a[href], [onerror], [onload], [onclick]')) {
      const tag = element.tagName.toLowerCase();
      if (tag === 'svg' && element.getAttribute('class') === 'histogram-chart') continue;
      if (tag === 'script' && (element.getAttribute('src') ?? '').startsWith('./assets/')) continue;
      if (tag === 'a' && (element.getAttribute('href') ?? '').startsWith('#')) continue;
      found.push(`${tag} ${element.getAttribute('href') ?? element.getAttribute('src') ?? ''}`);
    }
    return found;
  });
}

describe('log content is untrusted: shown as text, never run or followed', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let folder: { readonly path: string; remove(): void };

  before(async () => {
    folder = tempDir('xss');
    for (const [path, lines] of Object.entries(FILES)) {
      const file = join(folder.path, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${lines.join('\n')}\n`);
    }
    serve = await startServe(folder.path);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    folder?.remove();
  });

  it('shows every payload as visible text, opens no dialog and creates no element or link from it', async () => {
    const { page, context, dialogs, errors } = await openInspector(browser, serve.url);
    try {
      const executions = await serve.call('listExecutions', { limit: 50 });
      const idOf = (family: string): string => executions.items.find((row) => row.family === family)?.id ?? assert.fail(`a ${family} execution`);
      const visits: { hash: string; texts: readonly string[] }[] = [
        { hash: '#/', texts: ['Failed executions'] },
        { hash: '#/executions', texts: [IMG, SCRIPT] },
        { hash: `#/executions/${encodeURIComponent(idOf('exec-event'))}`, texts: [IMG, SCRIPT, JS_URL, '"><svg onload=alert(4)>', 'duplicate emission', 'exec.duplicate_terminal_event'] },
        { hash: `#/executions/${encodeURIComponent(idOf('stream'))}`, texts: ['m-<b>xss</b>', `url: ${JS_URL}`, '<a href="javascript:alert(8)">click me</a>'] },
        { hash: `#/executions/${encodeURIComponent(idOf('benson'))}`, texts: [IMG] },
        { hash: `#/executions/${encodeURIComponent(idOf('cycle'))}`, texts: [IMG, JS_URL, SCRIPT] },
        { hash: '#/executions/record:exec-xss', texts: [IMG, SCRIPT, JS_URL, '<iframe src="javascript:alert(16)"></iframe>', '<a href="javascript:alert(19)">risk</a>'] },
        { hash: '#/problems', texts: ['line.invalid_json'] },
      ];
      for (const visit of visits) {
        await goToHash(page, visit.hash);
        for (const text of visit.texts) {
          try {
            await page.locator('main').getByText(text, { exact: false }).first().waitFor({ timeout: 15_000 });
          } catch (error) {
            await screenshot(page, 'failed-untrusted-visit');
            throw new Error(`${visit.hash} does not show ${text}: ${String(error)}`);
          }
        }
        await page.waitForTimeout(200);
        assert.deepEqual(await injectedElements(page), [], `${visit.hash} made elements from log text`);
      }
      await screenshot(page, 'light-untrusted-problems');
      assert.deepEqual(await axeViolations(page), [], 'the problems list with content has no serious axe violations');

      await goToHash(page, '#/executions/record:exec-xss');
      await page.getByText('hash chain broken', { exact: false }).first().waitFor();
      await screenshot(page, 'light-untrusted-record');

      // The events explorer finds the payloads and shows their raw lines as text.
      await goToHash(page, '#/events');
      await page.getByLabel('Full-text search').fill('onerror');
      const results = page.getByRole('listbox', { name: 'Events' });
      await results.getByRole('option').first().waitFor();
      await results.getByRole('option').first().click();
      await page.locator('pre.raw', { hasText: 'onerror' }).waitFor();
      assert.deepEqual(await injectedElements(page), []);
      await screenshot(page, 'light-untrusted-event');

      // A problem links to its line and its execution; the line is shown as it is.
      await goToHash(page, '#/problems');
      await page.getByRole('button', { name: /line\.invalid_json/ }).click();
      await page.getByRole('listitem').filter({ hasText: 'logs/app/broken.jsonl:1' }).waitFor();
      await page.getByRole('button', { name: /benson\.authority_violation/ }).click();
      await page.getByRole('listitem').getByRole('link', { name: 'benson:PAC-XSS-01' }).waitFor();
      await page.getByRole('listitem').getByRole('link', { name: 'logs/benson/benson.jsonl:4' }).click();
      await page.locator('pre.raw', { hasText: '"authority":"<img src=x onerror=alert(5)>"' }).waitFor();
      assert.deepEqual(await injectedElements(page), []);

      // The HTML report is downloaded, never rendered.
      await goToHash(page, '#/executions/record:exec-xss');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export HTML' }).click();
      await download;
      assert.equal(page.frames().length, 1);
      assert.equal(context.pages().length, 1);

      await page.waitForTimeout(500);
      assert.deepEqual(dialogs, [], 'no payload opened a dialog');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
