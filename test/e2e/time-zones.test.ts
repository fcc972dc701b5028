import { strict as assert } from 'node:assert';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { PRODUCER_SAMPLES } from '../support/producer-samples';
import { axeViolations, goToHash, launchChromium, openInspector, screenshot } from './support/browser';
import { folderDigest, tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

const EXECUTION = 'record:exec-fail-2';

describe('producer time zones in browser mode', { timeout: 120_000 }, () => {
  let evidence: { readonly path: string; remove(): void };
  let serve: ServeProcess;
  let browser: Browser;

  before(async () => {
    evidence = tempDir('time-zones');
    mkdirSync(join(evidence.path, 'folder'));
    copyFileSync(join(PRODUCER_SAMPLES, 'executions', 'exec-fail-2.json'), join(evidence.path, 'folder', 'exec-fail-2.json'));
    writeFileSync(join(evidence.path, 'folder', 'zoned.jsonl'), '{"trace_id":"z-1","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"2026-12-03T08:00:00.000Z"}\n');
    browser = await launchChromium();
    serve = await startServe(join(evidence.path, 'folder'));
    await waitForIndexed(serve, 60_000);
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    evidence?.remove();
  });

  it('sets the folder zone on the Folder page with the keyboard, and the hearth record starts at 07:55:33.783 UTC instead of 13:25:33.783', async () => {
    const folder = join(evidence.path, 'folder');
    const digest = folderDigest(folder);
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/executions/${EXECUTION}`);
    try {
      await page.getByText('2026-12-03 13:25:33.783Z').first().waitFor();
      await goToHash(page, '#/start');
      const panel = page.locator('section.time-zones');
      await panel.getByText('Files with times without zone').waitFor();
      await panel.getByText('now read as UTC').waitFor();
      const field = page.getByRole('combobox', { name: 'Time zone for Folder' });
      await field.fill('Mars/Olympus');
      await panel.getByText('not a known IANA time zone name').waitFor();
      assert.equal(await panel.getByRole('button', { name: 'Set zone' }).first().isDisabled(), true, 'an unknown name cannot be sent');
      await field.fill('Asia/Kolkata');
      await field.press('Enter');
      await panel.getByText('now read as Asia/Kolkata (set by the reviewer)').waitFor({ timeout: 30_000 });
      await page.getByText('Indexed; watching the folder for changes').waitFor({ timeout: 30_000 });
      await screenshot(page, 'light-folder-time-zones');
      assert.deepEqual(await axeViolations(page), []);

      await goToHash(page, `#/executions/${EXECUTION}`);
      await page.getByText('2026-12-03 07:55:33.783Z').first().waitFor({ timeout: 30_000 });
      assert.equal(await page.getByText('2026-12-03 13:25:33.783Z').count(), 0);
      const events = await serve.call('listEvents', { families: ['exec-event'] });
      assert.deepEqual(events.items.map((event) => event.ts), [Date.UTC(2026, 11, 3, 8, 0, 0, 0)], 'a zoned time does not move');
      assert.deepEqual(await serve.call('getTimeZones', {}), { folderZone: 'Asia/Kolkata', files: [] });
      const stored = readdirSync(join(serve.dataDir, 'time-zones'));
      assert.equal(stored.length, 1);
      assert.equal(statSync(join(serve.dataDir, 'time-zones', stored[0] as string)).mode & 0o777, 0o600);
      assert.deepEqual(folderDigest(folder), digest, 'nothing was written in the evidence folder');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
