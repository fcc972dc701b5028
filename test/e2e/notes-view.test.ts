import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, goToHash, openInspector, screenshot } from './support/browser';
import { folderDigest } from './support/evidence-folder';
import type { ServeProcess } from './support/serve-process';
import { startServedDemo, stopServedDemo } from './support/served-demo';

const DROP = 'record:exec-drop-7';

describe('review notes', () => {
  let serve: ServeProcess;
  let browser: Browser;
  let demo: { readonly path: string; remove(): void };

  before(async () => ({ demo, serve, browser } = await startServedDemo()));
  after(() => stopServedDemo({ demo, serve, browser }));

  it('asks for a name, adds a note and a step bookmark on the execution page, lists, corrects and deletes them in the Notes view', async () => {
    const evidence = folderDigest(demo.path);
    const { page, context, errors, dialogs } = await openInspector(browser, `${serve.url}#/executions/${DROP}`);
    try {
      const panel = page.locator('section.panel-notes');
      await panel.getByText('No notes here yet.').waitFor();
      const add = panel.getByRole('button', { name: 'Add note' });
      assert.equal(await add.isDisabled(), true, 'no note before a reviewer name is set');
      await panel.getByLabel('Your name, to sign your notes').fill('Ada Reviewer');
      await panel.getByRole('button', { name: 'Save name' }).click();
      await panel.getByText('Signing as').waitFor();

      await panel.getByLabel('Note', { exact: true }).fill('The drop ran live: no snapshot was taken before step 1.');
      await add.click();
      await panel.locator('.note-item', { hasText: 'The drop ran live' }).waitFor();
      await panel.getByLabel('Kind', { exact: true }).selectOption('bookmark');
      await panel.getByLabel('On', { exact: true }).selectOption({ label: 'Step 1: Drop legacy customers table' });
      await panel.getByLabel('Label (optional)').fill('the drop');
      await panel.getByRole('button', { name: 'Add bookmark' }).click();
      // The bookmark shows where its target is shown: in the step's row.
      await page.locator('.step-notes', { hasText: 'the drop' }).waitFor();
      await panel.getByText('Notes (2)').waitFor();
      await screenshot(page, 'light-execution-notes');

      const journal = await serve.call('getJournal', {});
      assert.equal(journal.verdict.state, 'intact');
      assert.equal(journal.verdict.entries, 2);
      assert.equal(journal.reviewer, 'Ada Reviewer');
      const notes = await serve.call('listNotes', { executionId: DROP });
      assert.deepEqual(notes.items.map((note) => [note.kind, note.target.stepIndex, note.reviewer, note.targetNow]), [
        ['note', null, 'Ada Reviewer', 'matches'],
        ['bookmark', 1, 'Ada Reviewer', 'matches'],
      ]);

      await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Notes' }).click();
      const view = page.locator('.view-notes');
      await view.getByRole('heading', { name: 'Review notes' }).waitFor();
      await view.getByText('Notes and bookmarks (2)').waitFor();
      await view.locator('.badge', { hasText: 'intact' }).first().waitFor();
      const note = view.locator('.note-item', { hasText: 'The drop ran live' });
      await note.getByRole('button', { name: 'Edit' }).click();
      await note.getByLabel('Corrected text').fill('The drop ran live; the snapshot step ran after it.');
      assert.deepEqual(await axeViolations(page), [], 'with a note being corrected');
      await note.getByRole('button', { name: 'Save correction' }).click();
      await view.locator('.note-item', { hasText: 'the snapshot step ran after it' }).getByText('Earlier wording (1)').waitFor();
      const bookmark = view.locator('.note-item').filter({ has: page.locator('.badge', { hasText: 'bookmark' }) });
      await bookmark.getByRole('button', { name: 'Delete' }).click();
      await bookmark.getByLabel(/Why/).fill('kept as a note instead');
      assert.deepEqual(await axeViolations(page), [], 'with a deletion being confirmed');
      await bookmark.getByRole('button', { name: 'Delete note' }).click();
      await view.getByText('Notes and bookmarks (1)').waitFor();
      await view.getByLabel(/Show deleted/).check();
      await view.getByText('Deleted by Ada Reviewer').waitFor();
      await screenshot(page, 'light-notes-view');
      assert.deepEqual(await axeViolations(page), []);

      const after_ = await serve.call('getJournal', {});
      assert.equal(after_.verdict.state, 'intact');
      assert.equal(after_.verdict.entries, 4, 'a correction and a deletion were appended');

      // A note is shown as text, whatever it says.
      const hostile = '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a>';
      await serve.call('addNote', { kind: 'note', executionId: 'record:exec-drop-6', text: hostile });
      await goToHash(page, '#/');
      await goToHash(page, '#/notes');
      await page.locator('.view-notes .note-text', { hasText: hostile }).waitFor();
      assert.equal(await page.locator('main img, main a[href^="javascript"]').count(), 0);
      assert.deepEqual(folderDigest(demo.path), evidence, 'the evidence folder is untouched');
      assert.deepEqual(errors, []);
      assert.deepEqual(dialogs, []);
    } finally {
      await context.close();
    }
  });

  it('shows a banner on every view when the journal was edited by hand', async () => {
    const { file } = await serve.call('getJournal', {});
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('the snapshot step ran after it', 'the snapshot step ran before it'));
    const { page, context } = await openInspector(browser, `${serve.url}#/`);
    try {
      const banner = page.locator('.journal-banner');
      await banner.getByText('Review journal broken.').waitFor();
      assert.match((await banner.textContent()) ?? '', /broken at line 3 \(entry 3\)/);
      await goToHash(page, '#/notes');
      await page.locator('.view-notes .badge', { hasText: 'broken' }).first().waitFor();
      await screenshot(page, 'light-notes-journal-broken');
    } finally {
      writeFileSync(file, original);
      await context.close();
    }
  });
});
