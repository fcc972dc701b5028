import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { writeFixtureFolder } from '../fixtures/fixture-folder';
import type { FixtureManifest } from '../fixtures/fixture-manifest';
import { axeViolations, goToHash, launchChromium, openInspector, screenshot } from './support/browser';
import { tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

/** Waits until `text` is visible in the main area. */
async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('main').getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The record of the generator's account whose id ends with `suffix`. */
function recordEndingWith(manifest: FixtureManifest, suffix: string): string {
  return manifest.expected.records.find((r) => r.executionId.endsWith(suffix))?.executionId ?? assert.fail(`the generator writes a record ending ${suffix}`);
}

/** The key of the document writeStillRunningDocument adds. */
const STILL_RUNNING = 'exec-still-running';

/**
 * A record document saved while its execution still ran: one event at one
 * instant (timestamp_start, no timestamp_end, no post snapshot) whose steps span
 * seconds, and no hashes yet. Made from the generator's intact document.
 */
function writeStillRunningDocument(folder: string, intactKey: string): void {
  const document = JSON.parse(readFileSync(join(folder, 'records', 'executions', `${intactKey}.json`), 'utf8')) as Record<string, unknown>;
  const steps = (document['step_events'] as Record<string, unknown>[]).map(({ event_hash: _hash, previous_event_hash: _link, ...step }) => ({ ...step, execution_id: STILL_RUNNING }));
  const { timestamp_end: _end, execution_hash: _executionHash, security_snapshot_post: _post, ...rest } = document;
  writeFileSync(join(folder, 'records', 'executions', `${STILL_RUNNING}.json`), `${JSON.stringify({ ...rest, execution_id: STILL_RUNNING, status: 'STARTED', step_events: steps }, null, 2)}\n`);
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
    writeStillRunningDocument(folder, recordEndingWith(manifest, '-intact').replace(/^record:/, ''));
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
      // On the first screen, without scrolling: one click away.
      const box = await panel.getByRole('link', { name: broken.key }).boundingBox();
      assert.ok(box !== null && box.y + box.height <= 800, 'the broken record is on the first screen of the Overview');
      await panel.getByRole('row', { name: new RegExp(broken.key) }).getByText('broken: untrusted').waitFor();
      await screenshot(page, 'integrity-overview');
      assert.deepEqual(await axeViolations(page), []);

      await panel.getByRole('link', { name: broken.key }).click();
      await seeText(page, 'This record cannot be trusted.');
      const header = page.locator('header.exec-header');
      await header.getByText('cannot be trusted: hashes do not match').waitFor();
      // The claimed status is shown, but never as a plain green COMPLETED / ok.
      await header.getByText('COMPLETED (claimed, untrusted)').waitFor();
      assert.equal(await header.locator('.badge-ok').count(), 0, 'no green badge in the header of a broken record');
      await screenshot(page, 'integrity-execution-header');
      assert.deepEqual(await axeViolations(page), []);
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
      assert.deepEqual(await axeViolations(page), []);
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
  it('says "no post snapshot" for an execution still STARTED instead of calling every field removed', async () => {
    const stopped = recordEndingWith(manifest, '-stopped');
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/${stopped}`);
    try {
      const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Security snapshot: pre vs post' }) });
      await panel.getByText('No post snapshot: the record was not finished').waitFor();
      await panel.locator('table.diff').waitFor();
      const changes = await panel.locator('table.diff .change').allTextContents();
      assert.ok(changes.length > 0);
      assert.deepEqual([...new Set(changes)], ['no post snapshot']);
      // Times read alike everywhere: the snapshot's captured_at in the app's format, with its zone.
      await panel.getByText(/^Captured \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z \(pre\) and no post snapshot \(post\)\.$/).waitFor();
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, 'integrity-no-post-snapshot');
    } finally {
      await context.close();
    }
  });

  it('shows the span of a one-event record from its steps, and "—", never "0 ms", for a single event', async () => {
    const edited = `record:${STILL_RUNNING}`;
    const detail = await serve.call('getExecution', { id: edited });
    assert.equal(detail.execution.eventCount, 1, 'a record document alone is one event');
    assert.equal(detail.execution.startMs, detail.execution.endMs, 'at one instant');
    assert.equal(detail.execution.durationMs, null);
    // A record without hashes is not a broken one.
    assert.equal(detail.execution.integrity, 'unhashed');
    const stepTimes = detail.steps.flatMap((step) => step.events.map((event) => event.ts ?? 0));
    const expected = Math.max(...stepTimes) - Math.min(...stepTimes);
    assert.ok(expected >= 1_000, 'its steps span seconds');
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/${edited}`);
    try {
      const header = page.locator('header.exec-header');
      await header.getByText('Duration').waitFor();
      const duration = await header.locator('dt', { hasText: 'Duration' }).locator('xpath=following-sibling::dd[1]').textContent();
      assert.notEqual(duration, '0 ms');
      assert.match(duration ?? '', /\d+(\.\d+)? s$|min/);
      // No execution in the list reads "0 ms" for a single event at one instant.
      const singles = (await serve.call('listExecutions', { limit: 500 })).items.filter((row) => row.eventCount === 1 && row.startMs === row.endMs);
      assert.ok(singles.length > 0 && singles.every((row) => row.durationMs === null));
      await goToHash(page, '#/executions');
      const list = page.getByRole('listbox', { name: 'Executions' });
      await list.getByRole('option').first().waitFor();
      await page.getByLabel('Search').fill(edited.replace(/^record:/, ''));
      const row = list.getByRole('option', { name: new RegExp(STILL_RUNNING) });
      await row.locator('.col-duration', { hasText: '—' }).waitFor();
      await row.getByText('no hashes').waitFor();
      assert.equal(await row.getByText(/broken|untrusted/).count(), 0);
    } finally {
      await context.close();
    }
  });

  it('masks a secret the ingest flagged in the cycle view, with its flag and an explicit reveal', async () => {
    const key = manifest.expected.executionKeys.cycle.find((k) => k.endsWith('/redaction-audit')) ?? assert.fail('the generator writes the redaction-audit run');
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/cycle:${encodeURIComponent(key).replace(/%3A/gi, ':')}`);
    try {
      await seeText(page, 'Cycle 1');
      // The cycle panels mask it; the raw line stays available, as written, behind an explicit reveal in the event's detail.
      assert.equal(await page.locator('main .panel-cycle').getByText('hunter2-fixture').count(), 0, 'the password is not shown in the clear');
      assert.equal(await page.locator('main .panel-cycle').getByText(/AKIA|BEGIN RSA|Bearer eyJ/).count(), 0, 'nor the key, the key block or the token');
      const pair = page.locator('.field-pair', { has: page.locator('dt', { hasText: /^password$/ }) });
      await pair.getByText('looks like a secret').waitFor();
      await page.locator('.field-pair', { has: page.locator('dt', { hasText: /^args$/ }) }).getByText('listed as redacted, not redacted').first().waitFor();
      assert.ok((await page.locator('main .field-pair .masked').count()) >= 4, 'every flagged value is masked');
      await pair.scrollIntoViewIfNeeded();
      await screenshot(page, 'integrity-secret-masked');
      assert.deepEqual(await axeViolations(page), []);
      await pair.getByRole('button', { name: 'reveal' }).click();
      await pair.getByText('hunter2-fixture').waitFor();
      await pair.getByRole('button', { name: 'hide' }).click();
      assert.equal(await pair.getByText('hunter2-fixture').count(), 0);
    } finally {
      await context.close();
    }
  });

  it("masks the flagged secrets in the events list's raw previews and in the event's detail until revealed", async () => {
    const key = manifest.expected.executionKeys.cycle.find((k) => k.endsWith('/redaction-audit')) ?? assert.fail('the generator writes the redaction-audit run');
    const flagged = await serve.call('listEvents', { executionId: `cycle:${key}`, limit: 50 });
    const secrets = flagged.items.filter((row) => row.secretFlags.length > 0);
    assert.equal(secrets.length, 5, 'the API flags the four secret-looking lines and the unredacted one');
    const clear = /hunter2-fixture|AKIAFIXTURE0NOTREAL1|BEGIN RSA|eyJhbGciOiJIUzI1NiJ9|--env staging --verbose/;
    assert.ok(secrets.every((row) => clear.test(row.preview)), 'the previews as sent hold the values (the renderer masks them)');
    const { page, context, errors } = await openInspector(browser, `${serve.url}#/events?q=redaction-audit`);
    try {
      const list = page.getByRole('listbox', { name: 'Events' });
      await list.getByRole('option').nth(secrets.length).waitFor();
      assert.equal(await list.locator('.badge', { hasText: 'secret masked' }).count(), secrets.length, 'each flagged line says so');
      assert.equal(await list.getByText(clear).count(), 0, 'no flagged value shows in the clear in the list');
      assert.ok((await list.locator('.col-preview .masked').count()) >= secrets.length, 'each is masked in place');
      await list.getByText('"command":"deploy"').first().waitFor();
      await screenshot(page, 'integrity-events-secret-masked');
      assert.deepEqual(await axeViolations(page), []);

      const password = secrets.find((row) => row.preview.includes('hunter2-fixture')) ?? assert.fail('the password line');
      await list.locator('[role="option"]', { has: page.locator('.masked') }).filter({ hasText: '"command":"psql"' }).first().click();
      await page.waitForFunction((id) => (globalThis as unknown as { location: { hash: string } }).location.hash.startsWith(`#/events/${id}`), password.id);
      const raw = page.locator('pre.raw');
      await raw.locator('.masked').first().waitFor();
      assert.equal(await page.locator('.event-detail').getByText(clear).count(), 0, 'the detail masks it in the raw line and the pretty JSON');
      await screenshot(page, 'integrity-event-secret-masked');
      const detail = await serve.call('getEvent', { id: password.id });
      await page.locator('.secret-notice').getByRole('button', { name: 'reveal' }).click();
      assert.equal(await raw.textContent(), detail.raw, 'revealed, the raw line is exactly as in the file');
      await page.locator('.secret-notice').getByRole('button', { name: 'hide' }).click();
      assert.equal(await page.locator('.event-detail').getByText('hunter2-fixture').count(), 0);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('names the rollback button for what it does, as a secondary action, and says why when rollback is not possible', async () => {
    const ids = manifest.expected.records.filter((r) => r.hasPlan).map((r) => r.executionId);
    let impossible: string | null = null;
    for (const id of ids) {
      const answer = await serve.call('getRollbackScaffold', { id });
      if (!answer.scaffold.isRollbackPossible) {
        impossible = id;
        break;
      }
    }
    assert.ok(impossible !== null, 'some generated record cannot be rolled back');
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/${impossible}`);
    try {
      const button = page.getByRole('button', { name: 'Acknowledge rollback plan…' });
      await button.waitFor();
      assert.equal(await page.getByRole('button', { name: /Confirm manual rollback/ }).count(), 0);
      assert.equal(await button.evaluate((element) => element.classList.contains('button-primary')), false, 'not styled as the primary action');
      const describedBy = (await button.getAttribute('aria-describedby')) ?? assert.fail('the button is described by why rollback is not possible');
      const why = page.locator(`[id="${describedBy}"]`);
      await why.getByText('rollback not possible').waitFor();
      await why.getByText(/only records that you reviewed it/).waitFor();
      await button.scrollIntoViewIfNeeded();
      await screenshot(page, 'integrity-rollback-button');
    } finally {
      await context.close();
    }
  });
  it('exports the acknowledgements recorded in the app, with every time in the app’s format', async () => {
    const intact = recordEndingWith(manifest, '-intact');
    const key = intact.replace(/^record:/, '');
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/${intact}`);
    try {
      await page.getByRole('button', { name: 'Acknowledge rollback plan…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Acknowledge the rollback plan' });
      await dialog.getByLabel('Your name (reviewer)').fill('Ada Reviewer');
      await dialog.getByLabel(/Type the execution id/).fill(key);
      await dialog.getByRole('button', { name: 'Record acknowledgement' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const acks = page.locator('section[aria-label="Acknowledgements"]');
      await acks.getByText(/^at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z$/).waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Markdown' }).click()]);
      const path = await download.path();
      const markdown = readFileSync(path, 'utf8');
      assert.match(markdown, /\| Ada Reviewer \| \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z \| [0-9a-f]{64} \|/);
      assert.match(markdown, /\| Started \| \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z \|/);
      await acks.scrollIntoViewIfNeeded();
      await screenshot(page, 'integrity-acknowledgements');
    } finally {
      await context.close();
    }
  });
  it('shows a Benson summary’s times in the app’s format, the text as written kept in the title', async () => {
    const pac = manifest.expected.executionKeys.benson[0] ?? assert.fail('the generator writes Benson PACs');
    const summary = await serve.call('getTelemetrySummary', { id: `benson:${pac}` });
    const written = summary.first_event ?? assert.fail('the PAC has events');
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/benson:${encodeURIComponent(pac)}`);
    try {
      const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Telemetry summary' }) });
      const shown = panel.getByTitle(`as written: ${written}`);
      await shown.waitFor();
      assert.match((await shown.textContent()) ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    } finally {
      await context.close();
    }
  });
});
