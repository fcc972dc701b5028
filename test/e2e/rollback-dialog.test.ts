import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { API_METHODS } from '../../shared/api/contract';
import { axeViolations, openInspector, screenshot } from './support/browser';
import { folderDigest } from './support/evidence-folder';
import { SCREEN_SIZES } from './support/layout-checks';
import type { ServeProcess } from './support/serve-process';
import { startServedDemo, stopServedDemo } from './support/served-demo';

const DROP = 'record:exec-drop-7';

/** The API methods that write anything (to the app's own data folder). */
const WRITING_METHODS: readonly string[] = ['acknowledgeRollback', 'setBaseline', 'clearBaseline'];

/** True when the focused element is inside the open <dialog>. */
async function focusInDialog(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const { document } = globalThis as unknown as { document: { activeElement: unknown; querySelector(s: string): { contains(node: unknown): boolean } | null } };
    return document.querySelector('dialog[open]')?.contains(document.activeElement) ?? false;
  });
}

describe('rollback confirmation dialog', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let demo: { readonly path: string; remove(): void };

  before(async () => ({ demo, serve, browser } = await startServedDemo()));
  after(() => stopServedDemo({ demo, serve, browser }));

  it('traps focus, closes with Esc, confirms only with a name and the exact execution id, and records an acknowledgement and nothing else', async () => {
    const before = folderDigest(demo.path);
    const { page, context, dialogs, errors } = await openInspector(browser, `${serve.url}#/executions/${DROP}`);
    const called: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/([A-Za-z]+)$/.exec(new URL(request.url()).pathname);
      if (match?.[1] !== undefined) called.push(match[1]);
    });
    let downloads = 0;
    page.on('download', () => (downloads += 1));
    try {
      const opener = page.getByRole('button', { name: 'Acknowledge rollback plan…' });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Acknowledge the rollback plan' });
      await dialog.waitFor();
      await dialog.getByText('Nothing will be executed.').waitFor();
      await screenshot(page, 'light-rollback-dialog');
      assert.deepEqual(await axeViolations(page), []);

      // Focus stays inside, forwards and backwards.
      assert.ok(await focusInDialog(page), 'the dialog takes focus');
      for (let i = 0; i < 12; i += 1) {
        await page.keyboard.press('Tab');
        assert.ok(await focusInDialog(page), `Tab ${i + 1} keeps focus in the dialog`);
      }
      for (let i = 0; i < 12; i += 1) {
        await page.keyboard.press('Shift+Tab');
        assert.ok(await focusInDialog(page), `Shift+Tab ${i + 1} keeps focus in the dialog`);
      }

      // Esc closes it and gives focus back to the button that opened it.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await opener.evaluate((element) => element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement), true);

      // Confirm stays disabled until both the reviewer and the exact id are there.
      await opener.click();
      await dialog.waitFor();
      const confirm = dialog.getByRole('button', { name: 'Record acknowledgement' });
      const reviewer = dialog.getByLabel('Your name (reviewer)');
      const typed = dialog.getByLabel(/Type the execution id/);
      assert.equal(await confirm.isDisabled(), true);
      await reviewer.fill('Ada Reviewer');
      assert.equal(await confirm.isDisabled(), true, 'a name alone is not enough');
      for (const wrong of ['exec-drop-6', 'EXEC-DROP-7', ' exec-drop-7', 'exec-drop-', 'exec-drop-7 ']) {
        await typed.fill(wrong);
        assert.equal(await confirm.isDisabled(), true, `"${wrong}" is not the execution id`);
      }
      await typed.fill('exec-drop-7');
      await reviewer.fill('   ');
      assert.equal(await confirm.isDisabled(), true, 'a blank name is not a name');
      await reviewer.fill('Ada Reviewer');
      assert.equal(await confirm.isDisabled(), false);
      await dialog.getByLabel('Note (optional)').fill('Restore done by hand in staging first.');

      const view = await serve.call('getRollbackScaffold', { id: DROP });
      const before_ = await serve.call('listAcknowledgements', { id: DROP });
      assert.equal(before_.items.length, 0);
      await confirm.click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('Acknowledgement recorded for Ada Reviewer. Nothing was executed.').waitFor();
      await page.locator('.ack-list li', { hasText: 'Ada Reviewer' }).waitFor();
      await screenshot(page, 'light-rollback-acknowledged');

      const listed = await serve.call('listAcknowledgements', { id: DROP });
      assert.equal(listed.items.length, 1);
      assert.equal(listed.items[0]?.reviewer, 'Ada Reviewer');
      assert.equal(listed.items[0]?.executionId, DROP);
      assert.equal(listed.items[0]?.note, 'Restore done by hand in staging first.');
      assert.equal(listed.items[0]?.scaffoldHash, view.scaffoldHash);

      // Nothing else happened: the only writing call is the one acknowledgement, the
      // evidence folder is byte for byte the same, nothing was downloaded or opened.
      assert.deepEqual(called.filter((method) => WRITING_METHODS.includes(method)), ['acknowledgeRollback']);
      assert.ok(called.every((method) => (API_METHODS as readonly string[]).includes(method)), called.join(','));
      assert.deepEqual(folderDigest(demo.path), before);
      assert.equal(downloads, 0);
      assert.equal(context.pages().length, 1);
      assert.deepEqual(dialogs, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  it('fits the open dialog in the window at 800×600 and 1280×720, light and dark, with no axe violations', async () => {
    for (const size of SCREEN_SIZES) {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, context } = await openInspector(browser, `${serve.url}#/executions/${DROP}`, { colorScheme: scheme, viewport: size });
        try {
          await page.getByRole('button', { name: 'Acknowledge rollback plan…' }).click();
          const dialog = page.getByRole('dialog', { name: 'Acknowledge the rollback plan' });
          await dialog.getByText('Nothing will be executed.').waitFor();
          await screenshot(page, `${size.name}-${scheme}-rollback-dialog`);
          const box = (await dialog.boundingBox()) ?? assert.fail('the dialog has a box');
          assert.ok(box.x >= 0 && box.x + box.width <= size.width && box.y >= 0 && box.y + box.height <= size.height, `${size.name} ${scheme}: the dialog lies inside the window (${JSON.stringify(box)})`);
          assert.ok(await dialog.getByRole('button', { name: 'Record acknowledgement' }).isVisible());
          assert.deepEqual(await axeViolations(page), [], `${size.name} ${scheme}`);
        } finally {
          await context.close();
        }
      }
    }
  });

  it('refuses a scaffold that changed while the dialog was open, reloads it and records nothing', async () => {
    const { page, context } = await openInspector(browser, `${serve.url}#/executions/${DROP}`);
    try {
      await page.getByRole('button', { name: 'Acknowledge rollback plan…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Acknowledge the rollback plan' });
      await dialog.waitFor();
      const shown = await serve.call('getRollbackScaffold', { id: DROP });
      const count = (await serve.call('listAcknowledgements', { id: DROP })).items.length;

      // The plan gains a hint while the reviewer reads (the folder is still being written).
      const planPath = join(demo.path, 'records', 'plans', 'plan-customers-v2.json');
      const plan = JSON.parse(readFileSync(planPath, 'utf8')) as { rollback_hints: unknown[] };
      plan.rollback_hints.push({ step_index: 3, description: 'A hint added after the dialog opened', actions: ['Check customers_v2 row count'], risks: [] });
      writeFileSync(planPath, `${JSON.stringify(plan, null, 2)}\n`);
      const deadline = Date.now() + 15_000;
      while ((await serve.call('getRollbackScaffold', { id: DROP })).scaffoldHash === shown.scaffoldHash) {
        assert.ok(Date.now() < deadline, 'the scaffold changed after the plan changed');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }

      await dialog.getByLabel('Your name (reviewer)').fill('Ada Reviewer');
      await dialog.getByLabel(/Type the execution id/).fill('exec-drop-7');
      await dialog.getByRole('button', { name: 'Record acknowledgement' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(/The rollback scaffold changed since it was shown, so nothing was recorded/).waitFor();
      await page.getByText('A hint added after the dialog opened').first().waitFor();
      assert.equal((await serve.call('listAcknowledgements', { id: DROP })).items.length, count);
    } finally {
      await context.close();
    }
  });
});
