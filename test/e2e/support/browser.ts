import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = join(__dirname, '..', '..', '..', '..');

/** Where e2e screenshots go (git-ignored): test/e2e/__screenshots__ in the source tree. */
export const SCREENSHOT_DIR = join(root, 'test', 'e2e', '__screenshots__');

/** Debian's Chromium; the flags keep it off the network (connections are refused on a closed one). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page (1280×800 unless told) in one colour scheme, recording page errors and any JavaScript dialog. */
export interface InspectorPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors thrown in the page. */
  readonly errors: string[];
  /** Every alert/confirm/prompt the page tried to open (an injected payload would). */
  readonly dialogs: string[];
  /** Every console error line. */
  readonly consoleErrors: string[];
}

/** Opens a new context and page on `url` and waits for the app's first view. */
export async function openInspector(
  browser: Browser,
  url: string,
  options: { readonly colorScheme?: 'light' | 'dark'; readonly viewport?: { readonly width: number; readonly height: number } } = {},
): Promise<InspectorPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 }, colorScheme: options.colorScheme ?? 'light', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  await page.locator('main#main').waitFor();
  return { context, page, errors, dialogs, consoleErrors };
}

/** Saves a screenshot under test/e2e/__screenshots__/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
}

/** One axe-core violation, reduced to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: readonly string[];
}

const AXE_SOURCE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns every violation, whatever its impact.
 * The page's CSP refuses inline scripts, so page.addScriptTag({ content }) is
 * refused too; axe is evaluated through the DevTools protocol instead, which
 * the CSP does not govern (the page itself stays under its policy).
 */
export async function axeViolations(page: Page): Promise<readonly AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const page = globalThis as unknown as {
      document: unknown;
      axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> };
    };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, targets: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)) }));
  });
}

/** Goes to a hash route without reloading the page. */
export async function goToHash(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}
