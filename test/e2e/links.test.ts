import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeFixtureFolder } from '../fixtures/fixture-folder';
import { axeViolations, launchChromium, screenshot } from './support/browser';
import { tempDir } from './support/evidence-folder';
import { startServe, waitForIndexed, type ServeProcess } from './support/serve-process';

/** A malformed line (cut short, so not JSON) carrying markup, a bidi override and a control byte. */
const HOSTILE_LINE = Buffer.concat([Buffer.from('{"message":"<img src=x onerror=alert(1)> \u202Eevil", "level":'), Buffer.from([0x1b]), Buffer.from('"warn"')]);

/** Waits until `text` is visible in the main area. */
async function seeText(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('main').getByText(text).first().waitFor({ state: 'visible', timeout: 15_000 });
}

/** The location hash of a page. */
function hashOf(page: Page): string {
  return new URL(page.url()).hash;
}

/** One request over a raw socket, with any Host and Origin, as a foreign page or a rebinding attack would send it. */
function rawPost(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers }, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end('{}');
  });
}

describe('links and state that survive, in Chromium, on a generated folder', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let folder: { readonly path: string; remove(): void };
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    folder = tempDir('links');
    writeFixtureFolder(folder.path, { seed: 5 });
    mkdirSync(join(folder.path, 'logs', 'hostile'), { recursive: true });
    appendFileSync(join(folder.path, 'logs', 'hostile', 'cut.jsonl'), Buffer.concat([Buffer.from('{"message":"before","level":"info"}\n'), HOSTILE_LINE, Buffer.from('\n{"message":"after","level":"info"}\n')]));
    serve = await startServe(folder.path);
    await waitForIndexed(serve, 60_000);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: serve.origin });
    page = await context.newPage();
    await page.goto(`${serve.url}#/executions`);
    await page.locator('main#main').waitFor();
  });

  after(async () => {
    await browser?.close();
    await serve?.stop();
    folder?.remove();
  });

  it('keeps the session in an HttpOnly, SameSite=Strict cookie: the token leaves the address, reload and a new tab of a deep link work', async () => {
    assert.equal(page.url(), `${serve.origin}/#/executions`, 'the server redirected to the address without the token; the route stayed');
    const cookies = await context.cookies(serve.origin);
    const port = new URL(serve.origin).port;
    assert.equal(cookies.length, 1);
    const cookie = cookies[0] ?? assert.fail('a cookie');
    assert.equal(cookie.name, `execution_inspector_session_${port}`);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Strict');
    assert.equal(cookie.path, '/');
    assert.notEqual(cookie.value, serve.token, 'the cookie is not the token');
    assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { cookie: string } }).document.cookie), '', 'no script of the page can read it');
    const target = await serve.call('listExecutions', { families: ['record'], limit: 1 });
    const id = target.items[0]?.id ?? assert.fail('a record execution');
    const deepLink = `${serve.origin}/#/executions/${id}`;
    await page.goto(deepLink);
    await page.locator('.exec-header h1').waitFor();
    await page.reload();
    await page.locator('.exec-header h1').waitFor();
    await screenshot(page, 'links-reloaded-deep-link');
    const tab = await context.newPage();
    try {
      await tab.goto(deepLink);
      await tab.locator('.exec-header h1').waitFor();
      assert.equal(await tab.locator('.exec-header h1').textContent(), target.items[0]?.key);
      await screenshot(tab, 'links-new-tab-deep-link');
    } finally {
      await tab.close();
    }
    // Another browser profile never opened the printed URL: it is told how to connect, and sees no data.
    const stranger = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const other = await stranger.newPage();
      await other.goto(deepLink);
      await other.getByText('This page has no connection to an inspector').waitFor();
      assert.equal(await other.locator('.exec-header').count(), 0);
    } finally {
      await stranger.close();
    }
    // The cookie opens nothing from another host or origin, and the token is nowhere but in the printed URL.
    const session = `${cookie.name}=${cookie.value}`;
    assert.equal(await rawPost(Number(port), '/api/summary', { cookie: session, 'sec-fetch-site': 'same-origin' }), 200);
    assert.equal(await rawPost(Number(port), '/api/summary', { cookie: session, 'sec-fetch-site': 'same-origin', host: `evil.example:${port}` }), 403);
    assert.equal(await rawPost(Number(port), '/api/summary', { cookie: session, origin: 'http://evil.example' }), 403);
    assert.equal(await rawPost(Number(port), '/api/summary', { cookie: session, origin: `http://127.0.0.1:${Number(port) + 1}` }), 403);
    assert.equal(await rawPost(Number(port), '/api/summary', { cookie: session, 'sec-fetch-site': 'same-site' }), 403);
    assert.doesNotMatch(serve.stderr(), new RegExp(serve.token));
  });

  it('keeps the executions and problems filters in the URL: shared by a link, kept on Back', async () => {
    await page.goto(`${serve.origin}/#/executions`);
    const list = page.getByRole('listbox', { name: 'Executions' });
    await list.getByRole('option').first().waitFor();
    await page.getByLabel('Family').selectOption('record');
    await page.getByLabel('Outcome').selectOption('failed');
    await page.getByLabel('Search').fill('exec');
    await page.waitForFunction(() => (globalThis as unknown as { location: { hash: string } }).location.hash.includes('q=exec'));
    assert.equal(hashOf(page), '#/executions?q=exec&family=record&outcome=failed');
    const expected = await serve.call('listExecutions', { families: ['record'], outcomes: ['failed'], text: 'exec', limit: 500 });
    assert.ok(expected.total > 0);
    await seeText(page, expected.total === 1 ? '1 execution' : `${expected.total} executions`);
    await page.locator('.view-executions .view-head').getByRole('button', { name: 'Copy link' }).click();
    assert.equal(
      await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText()),
      `${serve.origin}/#/executions?q=exec&family=record&outcome=failed`,
    );
    await screenshot(page, 'links-executions-filtered');
    await list.getByRole('option').first().click();
    await page.locator('.exec-header h1').waitFor();
    await page.goBack();
    await list.getByRole('option').first().waitFor();
    assert.equal(hashOf(page), '#/executions?q=exec&family=record&outcome=failed');
    assert.equal(await page.getByLabel('Family').inputValue(), 'record');
    assert.equal(await page.getByLabel('Search').inputValue(), 'exec');
    const tab = await context.newPage();
    try {
      await tab.goto(`${serve.origin}/#/executions?q=exec&family=record&outcome=failed`);
      await tab.getByRole('listbox', { name: 'Executions' }).getByRole('option').first().waitFor();
      assert.equal(await tab.getByLabel('Outcome').inputValue(), 'failed');
      await seeText(tab, expected.total === 1 ? '1 execution' : `${expected.total} executions`);
      await tab.goto(`${serve.origin}/#/problems?code=line.invalid_json`);
      await tab.getByRole('button', { name: /line\.invalid_json/ }).and(tab.locator('[aria-pressed="true"]')).waitFor();
      await tab.getByRole('button', { name: /All codes/ }).click();
      assert.equal(hashOf(tab), '#/problems');
    } finally {
      await tab.close();
    }
  });

  it('filters events by kind in any case with suggestions, says "1 event", and keeps the filters in the URL', async () => {
    await page.goto(`${serve.origin}/#/events`);
    await page.getByRole('listbox', { name: 'Events' }).getByRole('option').first().waitFor();
    const suggestions = await page.locator('datalist option').evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    const kinds = await serve.call('listEventKinds', {});
    assert.deepEqual(suggestions, kinds.items.map((item) => item.kind));
    assert.ok(suggestions.includes('CHECKPOINT'));
    const kind = page.getByLabel('Kind (any case)');
    await kind.fill('checkpoint');
    const checkpoints = kinds.items.find((item) => item.kind === 'CHECKPOINT')?.count ?? assert.fail('CHECKPOINT events');
    await page.locator('.view-events .view-title [role="status"]', { hasText: new RegExp(`^${checkpoints} events`) }).waitFor();
    assert.equal(hashOf(page), '#/events?kind=checkpoint');
    const single = kinds.items.find((item) => item.count === 1) ?? assert.fail('a kind seen once');
    await kind.fill(single.kind.toUpperCase());
    await page.locator('.view-events .view-title [role="status"]', { hasText: /^1 event$/ }).waitFor();
    await screenshot(page, 'links-events-one-event');
    await page.getByRole('listbox', { name: 'Events' }).getByRole('option').first().click();
    await page.locator('pre.raw').waitFor();
    assert.match(hashOf(page), new RegExp(`^#/events/\\d+\\?kind=${single.kind.toUpperCase()}$`), 'the open event keeps the filters');
    await page.getByRole('link', { name: 'Close the event detail' }).click();
    assert.equal(hashOf(page), `#/events?kind=${single.kind.toUpperCase()}`);
    await page.goBack();
    await page.locator('pre.raw').waitFor();
    assert.equal(await kind.inputValue(), single.kind.toUpperCase(), 'Back keeps the filter');
  });

  it('follows a problem to its event: selected and in view in the list, among its neighbouring lines', async () => {
    const problems = await serve.call('listProblems', { limit: 500 });
    const all: { items: Awaited<ReturnType<typeof serve.call<'listEvents'>>>['items'] } = { items: [] };
    for (let cursor: string | null | undefined; cursor !== null; ) {
      const next = await serve.call('listEvents', { limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      all.items.push(...next.items);
      cursor = next.nextCursor;
    }
    // A problem whose event lies deep in the list (so the anchored list shows it without scrolling from the top), with events after it too.
    const positionOf = (eventId: number | null): number => all.items.findIndex((e) => e.id === eventId);
    const problem = problems.items.find((row) => positionOf(row.eventId) > 100 && positionOf(row.eventId) < all.items.length - 20) ?? assert.fail('a problem on an event deep in the list');
    const position = positionOf(problem.eventId);
    // The problems list is virtualized: filtered by its code (in the URL), the problem is on screen.
    await page.goto(`${serve.origin}/#/problems?code=${problem.code}`);
    await page.locator('.problem-row').first().waitFor();
    const link = page.locator(`.problem-links a[href="#/events/${problem.eventId}?anchor=${problem.eventId}"]`).first();
    await link.click();
    await page.locator('pre.raw').waitFor();
    const list = page.getByRole('listbox', { name: 'Events' });
    const selected = list.locator('[role="option"][aria-selected="true"]');
    await selected.waitFor();
    assert.match((await selected.textContent()) ?? '', /\(open\)/);
    assert.ok(await selected.isVisible());
    const box = (await selected.boundingBox()) ?? assert.fail('a box');
    const frame = (await list.boundingBox()) ?? assert.fail('a frame');
    assert.ok(box.y >= frame.y && box.y + box.height <= frame.y + frame.height, 'the event is scrolled into view');
    const options = list.getByRole('option');
    const setBefore = Number(await selected.getAttribute('aria-posinset'));
    assert.equal(setBefore, 6, 'five neighbours before it');
    assert.ok((await options.count()) > 10, 'and its neighbours after it');
    const neighbour = all.items[position - 5] ?? assert.fail('neighbour');
    assert.equal(await options.first().locator('.col-location').getAttribute('title'), `${neighbour.source.path}:${neighbour.source.line}`, 'the list starts at the neighbour five events before');
    await seeText(page, `from just before event ${problem.eventId}`);
    await screenshot(page, 'links-problem-to-event');
    // Reload keeps all of it.
    await page.reload();
    await list.locator('[role="option"][aria-selected="true"]').waitFor();
    assert.equal(Number(await list.locator('[role="option"][aria-selected="true"]').getAttribute('aria-posinset')), 6);
  });

  it('makes malformed lines links too: their raw bytes, escaped, with the surrounding lines of the file', async () => {
    const problems = await serve.call('listProblems', { codes: ['line.invalid_json'], limit: 50 });
    const hostile = problems.items.find((row) => row.path === 'logs/hostile/cut.jsonl') ?? assert.fail('the hostile line is a problem');
    const damaged = problems.items.find((row) => row.path === 'logs/executor/damaged.jsonl') ?? assert.fail('the fixture has a damaged line');
    await page.goto(`${serve.origin}/#/problems?code=line.invalid_json`);
    await page.locator(`.problem-links a[href="#/problems/${damaged.id}"]`).click();
    await seeText(page, 'The line and its neighbours, byte for byte');
    const file = readFileSync(join(folder.path, 'logs', 'executor', 'damaged.jsonl'), 'utf8').split('\n');
    const target = page.locator('.raw-line.is-problem .raw-line-text');
    assert.equal(await target.textContent(), file[(damaged.line ?? 0) - 1]);
    const numbers = await page.locator('.raw-line-no').allTextContents();
    assert.deepEqual(numbers.map(Number), [2, 3, 4, 5, 6, 7, 8].filter((n) => Math.abs(n - (damaged.line ?? 0)) <= 3));
    await screenshot(page, 'links-malformed-line');
    assert.deepEqual(await axeViolations(page), []);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${serve.origin}/#/problems/${hostile.id}`);
    await seeText(page, 'The line and its neighbours, byte for byte');
    const shown = (await page.locator('.raw-line.is-problem .raw-line-text').textContent()) ?? '';
    assert.equal(shown, '{"message":"<img src=x onerror=alert(1)> \\xe2\\x80\\xaeevil", "level":\\x1b"warn"');
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(await page.locator('.raw-line.is-problem .byte-escape').allTextContents(), ['\\xe2\\x80\\xae', '\\x1b']);
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, []);
    await screenshot(page, 'links-malformed-hostile-line');
    // The neighbours that are events link to them among their own neighbours.
    const before = page.locator('.raw-line-no a').first();
    assert.match((await before.getAttribute('href')) ?? '', /^#\/events\/\d+\?anchor=\d+$/);
  });

  it('copies links to an execution and an event that open the same place in a new tab', async () => {
    const target = await serve.call('listExecutions', { families: ['benson'], limit: 1 });
    const id = target.items[0]?.id ?? assert.fail('a benson execution');
    await page.goto(`${serve.origin}/#/executions/${id}`);
    await page.locator('.exec-header h1').waitFor();
    await page.locator('.exec-header').getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.exec-header .copy-status', { hasText: 'Copied' }).waitFor();
    const executionLink = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    assert.equal(executionLink, `${serve.origin}/#/executions/${id}`);
    const event = (await serve.call('listEvents', { executionId: id, limit: 1 })).items[0] ?? assert.fail('an event');
    await page.goto(`${serve.origin}/#/events/${event.id}?family=benson`);
    await page.locator('pre.raw').waitFor();
    await page.locator('.event-detail-head').getByRole('button', { name: 'Copy link' }).click();
    await page.locator('.event-detail-head .copy-status', { hasText: 'Copied' }).waitFor();
    const eventLink = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText());
    assert.equal(eventLink, `${serve.origin}/#/events/${event.id}?anchor=${event.id}`);
    await screenshot(page, 'links-copied-event-link');
    const tab = await context.newPage();
    try {
      await tab.goto(executionLink);
      await tab.locator('.exec-header h1').waitFor();
      await tab.goto(eventLink);
      await tab.locator('pre.raw').waitFor();
      await tab.getByRole('listbox', { name: 'Events' }).locator('[role="option"][aria-selected="true"]').waitFor();
      assert.match((await tab.locator('#event-detail-title').textContent()) ?? '', new RegExp(`Event ${event.id}`));
    } finally {
      await tab.close();
    }
  });
});
