import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import type { ServeProcess } from './serve-process';
import { DEMO_AGENT_TRACE } from '../../fixtures/demo-folder';

/** The demo's record execution that dropped a table: every record panel has something to show. */
export const DROP = 'record:exec-drop-7';
const PAC = 'benson:PAC-DAN-P53-01';
const CYCLE = 'cycle:2026-03-02T09-20-00Z/migrate-customers-schema';
const MISSION = 'stream:m-42';

/** Waits until `text` is visible in the main area. */
export async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('main').getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** One view: its name (for screenshots and failures), its hash, and what proves it rendered its data. */
export interface ViewCheck {
  readonly name: string;
  readonly hash: string;
  readonly ready: (page: Page) => Promise<void>;
}

/**
 * Every view of the app on the bundled demo folder, each with the data that
 * proves it rendered: the overview, the lists, an execution page of each family
 * (record with steps, waterfall, security, side effects and rollback; hearth's
 * record; Benson; cycle; stream; exec-event), events and their detail,
 * problems, notes, compare, and the not-found pages. Ids the demo does not fix
 * (event and problem ids) are looked up through the API. Signs as a reviewer
 * and adds one note on DROP (in the serve's own data folder, never the
 * evidence), so the notes view and the execution's notes panel have one to
 * lay out and to edit.
 */
export async function demoViews(serve: ServeProcess): Promise<readonly ViewCheck[]> {
  const failed = await serve.call('listExecutions', { families: ['exec-event'], outcomes: ['failed'], limit: 1 });
  const failedExecEvent = failed.items[0]?.id ?? assert.fail('the demo has a failed exec-event');
  const berReport = await serve.call('listEvents', { kinds: ['BER_TELEMETRY_REPORT'], limit: 1 });
  const berId = berReport.items[0]?.id ?? assert.fail("the demo holds ChainBridge's BER telemetry document");
  const failedDetail = await serve.call('getExecution', { id: failedExecEvent });
  const failedCode = failedDetail.events.find((event) => event.errorCode !== null)?.errorCode ?? assert.fail('a failed exec-event names its error code');
  const firstEvent = await serve.call('listEvents', { query: 'customer_tier', limit: 1 });
  const eventId = firstEvent.items[0]?.id ?? assert.fail('the demo mentions customer_tier');
  const problems = await serve.call('listProblems', { limit: 1 });
  const problemId = problems.items[0]?.id ?? assert.fail('the demo has problems');
  await serve.call('setReviewer', { reviewer: 'Ada Reviewer' });
  await serve.call('addNote', { kind: 'note', executionId: DROP, text: 'The drop ran live, before the snapshot finished: restore from the 09:55 dump.' });
  return [
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
      // The same page with a failed step picked in the waterfall: its events and the first one's detail open beside the panels.
      name: 'execution-record-waterfall-selected',
      hash: `#/executions/${DROP}`,
      ready: async (page) => {
        const bars = page.getByRole('listbox', { name: `Waterfall of steps of ${DROP}` });
        await bars.getByRole('option', { name: /Step 2 / }).click();
        const selection = page.getByRole('region', { name: /^Selected: Step 2 / });
        await selection.locator('.event-detail pre.raw').waitFor();
        await selection.scrollIntoViewIfNeeded();
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
    {
      name: 'event-benson-report',
      hash: `#/events/${berId}`,
      ready: async (page) => {
        await seeText(page, 'Report checked against the logs');
        await page.locator('.benson-report-check .badge', { hasText: 'consistent' }).waitFor();
      },
    },
    // The demo's only problems are the ones the real producers always cause.
    { name: 'problems', hash: '#/problems', ready: (page) => seeText(page, 'exec.started_event') },
    { name: 'problem-line', hash: `#/problems/${problemId}`, ready: (page) => page.locator('.raw-line.is-problem').first().waitFor() },
    { name: 'compare-picker', hash: `#/compare/${DROP}`, ready: (page) => seeText(page, `Compare ${DROP} with…`) },
    { name: 'compare', hash: `#/compare/record:exec-cleanup-9/${DROP}`, ready: (page) => page.locator('.view-compare h2').first().waitFor() },
    {
      name: 'notes',
      hash: '#/notes',
      ready: async (page) => {
        await seeText(page, 'Review notes');
        await page.locator('.view-notes .note-item').first().waitFor();
      },
    },
    {
      // A note being corrected, its form open.
      name: 'notes-editing',
      hash: '#/notes',
      ready: async (page) => {
        await page.locator('.view-notes .note-item').first().getByRole('button', { name: 'Edit' }).click();
        await page.locator('.view-notes').getByLabel('Corrected text').waitFor();
      },
    },
    { name: 'not-found', hash: '#/no-such-view', ready: (page) => seeText(page, 'Nothing here') },
    { name: 'execution-not-found', hash: '#/executions/record:no-such-execution', ready: (page) => seeText(page, 'No such execution in this folder') },
    { name: 'execution-bad-id', hash: '#/executions/no-family-here', ready: (page) => seeText(page, 'Not an execution id') },
  ];
}
