import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeFixtureFolder } from '../fixtures/fixture-folder';
import { launchChromium, screenshot, axeViolations } from './support/browser';
import { tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

type ProblemRow = { readonly id: number; readonly eventId: number | null };

/** The location hash of a page. */
function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

/** Waits until the page's hash satisfies `test`. */
async function waitForHash(page: Page, test: (hash: string) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!test(hashOf(page))) {
    if (Date.now() > deadline) assert.fail(`the address never showed ${what}; it is ${hashOf(page)}`);
    await page.waitForTimeout(50);
  }
}

/** What has the keyboard focus: a short description (tag, class, accessible name). */
async function focused(page: Page): Promise<{ readonly inBar: boolean; readonly inRange: boolean; readonly inMain: boolean; readonly text: string }> {
  return page.evaluate(() => {
    const active = (globalThis as unknown as { document: { activeElement: { closest(s: string): unknown; textContent: string | null; getAttribute(n: string): string | null } | null } }).document.activeElement;
    return {
      inBar: active?.closest('header.topbar, .range-bar') !== null && active?.closest('header.topbar, .range-bar') !== undefined,
      inRange: active?.closest('.range-button') !== null && active?.closest('.range-button') !== undefined,
      inMain: active?.closest('main') !== null && active?.closest('main') !== undefined,
      text: (active?.getAttribute('aria-label') ?? active?.textContent ?? '').trim().slice(0, 80),
    };
  });
}

/** Tabs from the top of the page (its skip link, the first stop) into the view and returns the stops on the way through the top bar and the range bar. */
async function topBarTabStops(page: Page): Promise<{ readonly stops: readonly string[]; readonly rangeStops: number }> {
  await page.locator('.skip-link').focus();
  const stops: string[] = ['Skip to content'];
  let rangeStops = 0;
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press('Tab');
    const at = await focused(page);
    if (at.inMain) return { stops, rangeStops };
    if (at.inBar) stops.push(at.text);
    if (at.inRange) rangeStops += 1;
  }
  return assert.fail(`Tab never reached the view: ${stops.join(' | ')}`);
}

/**
 * Opens a hash as a new page load. Going to a hash of the same page is no load
 * and, like an in-app link, keeps the range on screen: a test that means a
 * fresh start loads the page anew.
 */
async function load(page: Page, origin: string, hash: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${origin}/${hash}`);
  await page.locator('main#main').waitFor();
}

/** Clicks the heading of the view on screen, so the focus is on the page, in no field. */
async function focusView(page: Page): Promise<void> {
  await page.locator('main h1:visible').first().click();
}

describe('keyboard: one time range control, the range in the address, stepping keys and the shortcut sheet, in Chromium on a generated folder', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let folder: { readonly path: string; remove(): void };
  let context: BrowserContext;
  let page: Page;
  let problems: readonly ProblemRow[];
  let folderSpan: { readonly from: number; readonly to: number };

  before(async () => {
    folder = tempDir('keys');
    writeFixtureFolder(folder.path, { seed: 5 });
    serve = await startServe(folder.path);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${serve.url}#/executions`);
    await page.locator('main#main').waitFor();
    problems = (await serve.call('listProblems', { limit: 500 })).items;
    const summary = await serve.call('summary', {});
    folderSpan = { from: summary.timeRange.from ?? assert.fail('the folder has times'), to: summary.timeRange.to ?? assert.fail('the folder has times') };
    assert.ok(problems.filter((problem) => problem.eventId !== null).length >= 3 && problems.some((problem) => problem.eventId === null), 'problems with and without events');
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    folder?.remove();
  });

  it('costs one Tab stop for the time range, closed, with or without a range set', async () => {
    await page.getByRole('listbox', { name: 'Executions' }).getByRole('option').first().waitFor();
    const before = await topBarTabStops(page);
    assert.equal(before.rangeStops, 1, `the range control is one stop: ${before.stops.join(' | ')}`);
    // The skip link, six views, the range and the shortcut sheet's button: nothing else between the top of the page and the view.
    assert.ok(before.stops.length <= 9, `${before.stops.length} stops before the view: ${before.stops.join(' | ')}`);
    assert.ok(before.stops.some((stop) => /Keyboard shortcuts/.test(stop)), 'the shortcut sheet has a visible button');
    await load(page, serve.origin, `#/executions?from=${new Date(folderSpan.from).toISOString()}&to=${new Date(folderSpan.to - 60_000).toISOString()}`);
    await page.locator('.range-bar.is-active').waitFor();
    const active = await topBarTabStops(page);
    assert.equal(active.rangeStops, 1);
    assert.equal(active.stops.length, before.stops.length, 'a range set adds no stop (Clear is in the dialog)');
    // At 800×600 the range, written out, and the sheet's button share the bar without overlapping or leaving the window.
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      const range = (await page.locator('.range-button').boundingBox()) ?? assert.fail('the range button has a box');
      const sheet = (await page.locator('.shortcut-button').boundingBox()) ?? assert.fail('the sheet button has a box');
      assert.ok(range.x >= 0 && range.x + range.width <= sheet.x && sheet.x + sheet.width <= 800, `range ${JSON.stringify(range)}, sheet ${JSON.stringify(sheet)}`);
      assert.match((await page.locator('.range-summary').textContent()) ?? '', /–/);
      await screenshot(page, 'keys-range-bar-800x600');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('sets the range in a dialog (typed UTC times, presets, Apply), sends the lists the same bounds, and Esc returns the focus', async () => {
    await load(page, serve.origin, `#/executions`);
    const status = page.locator('.view-executions .view-title [role="status"]');
    const all = await serve.call('listExecutions', { limit: 1 });
    await status.getByText(`${all.total} executions`).waitFor();
    const button = page.locator('.range-button');
    assert.match((await button.textContent()) ?? '', /all time/);
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Time range' });
    await dialog.waitFor();
    const from = dialog.getByLabel('From (UTC)');
    const to = dialog.getByLabel('To (UTC)');
    assert.equal(await from.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true, 'the dialog opens with the focus in From');
    assert.deepEqual(await axeViolations(page), []);
    // Esc closes without changing anything and gives the focus back to the button.
    await from.fill('2026-01-01');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.equal((await focused(page)).inRange, true, 'the focus is back on the range button');
    assert.match((await button.textContent()) ?? '', /all time/);
    // The presets fill the fields from the folder's own times.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'The whole folder' }).click();
    assert.equal(await from.inputValue(), new Date(folderSpan.from).toISOString().replace('T', ' '));
    assert.equal(await to.inputValue(), new Date(folderSpan.to).toISOString().replace('T', ' '));
    await dialog.getByRole('button', { name: 'The last hour of the evidence' }).click();
    assert.equal(await from.inputValue(), new Date(folderSpan.to - 3_600_000).toISOString().replace('T', ' '));
    // A time that cannot be read is said so beside its field, and nothing changes.
    await to.fill('2026-02-30 10:00');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    assert.equal(await to.getAttribute('aria-invalid'), 'true');
    await dialog.getByText('is no such time').waitFor();
    await screenshot(page, 'keys-range-dialog-invalid');
    // The middle of the folder's span, typed in the format shown on screen.
    const middle = folderSpan.from + Math.round((folderSpan.to - folderSpan.from) / 2);
    await from.fill(new Date(folderSpan.from).toISOString().replace('T', ' '));
    await to.fill(new Date(middle).toISOString().replace('T', ' ').replace('Z', ''));
    await screenshot(page, 'keys-range-dialog');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'keys-range-dialog-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.range-bar.is-active').waitFor();
    const expected = await serve.call('listExecutions', { from: folderSpan.from, to: middle, limit: 1 });
    assert.ok(expected.total > 0 && expected.total < all.total, `${expected.total} of ${all.total} executions in the first half`);
    await status.getByText(`${expected.total} execution${expected.total === 1 ? '' : 's'}`, { exact: true }).waitFor();
    assert.equal(hashOf(page), `#/executions?from=${new Date(folderSpan.from).toISOString().replace('.000Z', 'Z')}&to=${new Date(middle).toISOString().replace('.000Z', 'Z')}`);
    assert.match((await page.locator('.range-summary').textContent()) ?? '', new RegExp(new Date(folderSpan.from).toISOString().slice(0, 10)));
    // t opens it from anywhere but a text field; Clear range empties it and the address.
    await page.locator('.view-executions').getByLabel('Search').focus();
    await page.keyboard.press('t');
    assert.equal(await dialog.isVisible(), false, 't types itself in a field');
    assert.equal(await page.locator('.view-executions').getByLabel('Search').inputValue(), 't');
    await page.locator('.view-executions').getByLabel('Search').fill('');
    await focusView(page);
    await page.keyboard.press('t');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Clear range' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await status.getByText(`${all.total} executions`).waitFor();
    assert.equal(hashOf(page), '#/executions');
  });

  it("fills an execution's span as a preset on its page", async () => {
    const execution = (await serve.call('listExecutions', { families: ['exec-event'], limit: 1 })).items[0] ?? assert.fail('an exec-event execution');
    await load(page, serve.origin, `#/executions/${execution.id}`);
    await page.locator('.exec-header h1').waitFor();
    await page.locator('.range-button').click();
    const dialog = page.getByRole('dialog', { name: 'Time range' });
    await dialog.getByRole('button', { name: "This execution's span" }).click();
    assert.equal(await dialog.getByLabel('From (UTC)').inputValue(), new Date(execution.startMs ?? assert.fail('a start')).toISOString().replace('T', ' '));
    await page.keyboard.press('Escape');
  });

  it('keeps the range in the address: across in-app links, on reload, and per history entry on Back', async () => {
    const from = new Date(folderSpan.from + 1000).toISOString().replace('.000Z', 'Z');
    await load(page, serve.origin, `#/executions?family=record&from=${from}`);
    await page.locator('.range-bar.is-active').waitFor();
    assert.match((await page.locator('.range-summary').textContent()) ?? '', new RegExp(from.slice(11, 19)));
    const expected = await serve.call('listExecutions', { families: ['record'], from: Date.parse(from), limit: 1 });
    await page.locator('.view-executions .view-title [role="status"]').getByText(`${expected.total} execution${expected.total === 1 ? '' : 's'}`, { exact: true }).waitFor();
    // A nav link is built without a range: following it keeps the range, in the address too.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Events' }).click();
    await waitForHash(page, (hash) => hash === `#/events?from=${from}`, 'the events route with the range');
    await page.reload();
    await page.locator('.range-bar.is-active').waitFor();
    assert.match((await page.locator('.range-summary').textContent()) ?? '', new RegExp(from.slice(11, 19)));
    // A new range on this page; Back returns to the executions list with the range it had.
    await page.locator('.range-button').click();
    const dialog = page.getByRole('dialog', { name: 'Time range' });
    await dialog.getByRole('button', { name: 'Clear range' }).click();
    await waitForHash(page, (hash) => hash === '#/events', 'the events route without a range');
    await page.goBack();
    await waitForHash(page, (hash) => hash.startsWith('#/executions?family=record'), 'the executions list');
    assert.equal(hashOf(page), `#/executions?family=record&from=${from}`);
    await page.locator('.range-bar.is-active').waitFor();
    await page.locator('.range-button').click();
    await dialog.getByRole('button', { name: 'Clear range' }).click();
    await waitForHash(page, (hash) => hash === '#/executions?family=record', 'the list without a range');
  });

  it('opens the next and previous event with j and k in the Events view, and never while typing', async () => {
    const first = await serve.call('listEvents', { limit: 3 });
    const [a, b] = first.items;
    if (a === undefined || b === undefined) assert.fail('events');
    await load(page, serve.origin, `#/events`);
    const list = page.getByRole('listbox', { name: 'Events' });
    await list.getByRole('option').first().waitFor();
    await focusView(page);
    await page.keyboard.press('j');
    await waitForHash(page, (hash) => hash === `#/events/${a.id}`, `event ${a.id}`);
    await page.locator('#event-detail-title').getByText(`Event ${a.id}`).waitFor();
    await page.keyboard.press('j');
    await waitForHash(page, (hash) => hash === `#/events/${b.id}`, `event ${b.id}`);
    assert.equal(await list.getByRole('option', { selected: true }).getAttribute('aria-posinset'), '2');
    // In the focused list, j and k open too (↑/↓ only move there).
    await list.focus();
    await page.keyboard.press('k');
    await waitForHash(page, (hash) => hash === `#/events/${a.id}`, `event ${a.id} again`);
    assert.equal(await list.getByRole('option', { selected: true }).getAttribute('aria-posinset'), '1');
    await page.keyboard.press('ArrowDown');
    assert.equal(await list.getByRole('option', { selected: true }).getAttribute('aria-posinset'), '2');
    assert.equal(hashOf(page), `#/events/${a.id}`, 'the arrows move without opening');
    // In the search box, j is a letter.
    const search = page.getByRole('searchbox', { name: 'Full-text search' });
    await search.focus();
    await page.keyboard.type('jk');
    assert.equal(await search.inputValue(), 'jk');
    assert.match(hashOf(page), /q=jk/);
    await screenshot(page, 'keys-events-stepped');
  });

  it('goes to the next and previous problem from an event with n and p, in the Problems list order', async () => {
    const withEvents = problems.filter((problem) => problem.eventId !== null);
    const index = problems.findIndex((problem) => problem.eventId !== null && problems[problems.indexOf(problem) + 1]?.eventId !== null && problems.indexOf(problem) > 0);
    const here = problems[index] ?? assert.fail('a problem with an event, between two others');
    const next = problems[index + 1] ?? assert.fail('a next problem');
    assert.ok(withEvents.length > 2);
    await load(page, serve.origin, `#/events/${here.eventId}?anchor=${here.eventId}`);
    await page.locator('#event-detail-title').getByText(`Event ${here.eventId}`).waitFor();
    await focusView(page);
    await page.keyboard.press('n');
    await waitForHash(page, (hash) => hash === `#/events/${next.eventId}?anchor=${next.eventId}`, `the next problem's event ${next.eventId}`);
    await page.locator('#event-detail-title').getByText(`Event ${next.eventId}`).waitFor();
    await page.keyboard.press('p');
    await waitForHash(page, (hash) => hash === `#/events/${here.eventId}?anchor=${here.eventId}`, 'back at the first problem');
    // From the first problem with an event, p goes to a problem that is no event: its line.
    const firstWithEvent = problems.findIndex((problem) => problem.eventId !== null);
    const lineOnly = problems[firstWithEvent - 1] ?? assert.fail('the seeded folder lists a line that is no event first');
    assert.equal(lineOnly.eventId, null);
    {
      const start = problems[firstWithEvent] ?? assert.fail('a problem');
      await load(page, serve.origin, `#/events/${start.eventId}?anchor=${start.eventId}`);
      await page.locator('#event-detail-title').getByText(`Event ${start.eventId}`).waitFor();
      await focusView(page);
      await page.keyboard.press('p');
      await waitForHash(page, (hash) => hash === `#/problems/${lineOnly.id}`, `problem ${lineOnly.id}'s line`);
      await page.locator('.view-problem-line h1').waitFor();
      // On a problem's line, n goes on to the next problem.
      await page.keyboard.press('n');
      await waitForHash(page, (hash) => hash === `#/events/${start.eventId}?anchor=${start.eventId}`, 'the next problem from the line');
    }
    // Past the last problem, it says so and stays.
    const last = problems.at(-1) ?? assert.fail('a problem');
    const lastHash = last.eventId === null ? `#/problems/${last.id}` : `#/events/${last.eventId}?anchor=${last.eventId}`;
    await load(page, serve.origin, lastHash);
    await page.locator('main h1:visible').first().waitFor();
    await focusView(page);
    await page.keyboard.press('n');
    await page.getByRole('status').getByText('No next problem.').waitFor();
    assert.equal(hashOf(page), lastHash);
  });

  it('moves through the Problems list with j and k, one row at a time, and Enter follows the row', async () => {
    await load(page, serve.origin, `#/problems`);
    await page.locator('.problem-rows [data-index="0"] a').first().waitFor();
    await focusView(page);
    const focusedRow = (): Promise<string | null | undefined> =>
      page.evaluate(() => (globalThis as unknown as { document: { activeElement: { closest(s: string): { getAttribute(n: string): string | null } | null } | null } }).document.activeElement?.closest('.problem-rows [data-index]')?.getAttribute('data-index'));
    const waitForRow = async (index: string): Promise<void> => {
      const deadline = Date.now() + 5_000;
      while ((await focusedRow()) !== index) {
        if (Date.now() > deadline) assert.fail(`the focus is on row ${String(await focusedRow())}, not ${index}`);
        await page.waitForTimeout(30);
      }
    };
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await waitForRow('1');
    await page.keyboard.press('k');
    await waitForRow('0');
    await screenshot(page, 'keys-problems-stepped');
    const first = problems[0] ?? assert.fail('a problem');
    await page.keyboard.press('Enter');
    await waitForHash(page, (hash) => hash === (first.eventId === null ? `#/problems/${first.id}` : `#/events/${first.eventId}?anchor=${first.eventId}`), 'the first problem opened');
  });

  it("moves an execution's events list with j and k when it has the focus", async () => {
    const execution = (await serve.call('listExecutions', { families: ['exec-event'], sort: 'events', descending: true, limit: 1 })).items[0] ?? assert.fail('an execution');
    await load(page, serve.origin, `#/executions/${execution.id}`);
    const list = page.getByRole('listbox', { name: `Events of ${execution.id}` }).first();
    await list.getByRole('option').nth(1).waitFor();
    await list.focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    assert.equal(await list.getByRole('option', { selected: true }).getAttribute('aria-posinset'), '2');
    await page.keyboard.press('k');
    assert.equal(await list.getByRole('option', { selected: true }).getAttribute('aria-posinset'), '1');
    assert.match(hashOf(page), /^#\/executions\//, 'moving opens nothing');
  });

  it('opens the shortcut sheet with ? or its button, lists the keys of the view, passes axe, and Esc closes it', async () => {
    await load(page, serve.origin, `#/events`);
    await page.getByRole('listbox', { name: 'Events' }).getByRole('option').first().waitFor();
    // ? in a text field is a character.
    const search = page.getByRole('searchbox', { name: 'Full-text search' });
    await search.focus();
    await page.keyboard.type('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    assert.equal(await sheet.isVisible(), false);
    await search.fill('');
    await focusView(page);
    await page.keyboard.press('?');
    await sheet.waitFor();
    await sheet.getByRole('heading', { name: /Events \(this view\)/ }).waitFor();
    for (const text of ['Open the next event', 'Go to the next problem (from the open event)', 'Change the time range', 'Show this list of shortcuts']) await sheet.getByText(text).waitFor();
    assert.equal((await sheet.locator('kbd').allTextContents()).filter((key) => key === 'j').length >= 2, true);
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'keys-shortcut-sheet');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'keys-shortcut-sheet-dark');
    assert.deepEqual(await axeViolations(page), []);
    await page.emulateMedia({ colorScheme: 'light' });
    // Letters do nothing behind the open sheet.
    const before = hashOf(page);
    await page.keyboard.press('j');
    assert.equal(hashOf(page), before);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    // The visible button opens it too, and the focus comes back to the button when it closes.
    const button = page.getByRole('button', { name: 'Keyboard shortcuts' });
    await button.click();
    await sheet.waitFor();
    await sheet.getByRole('button', { name: 'Close' }).click();
    await sheet.waitFor({ state: 'hidden' });
    assert.equal(await button.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true);
  });
});
