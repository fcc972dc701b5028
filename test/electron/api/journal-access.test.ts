import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ApiFailure } from '../../../electron/api/api-failure';
import type { HandlerContext } from '../../../electron/api/handler-context';
import { JournalAccess } from '../../../electron/api/journal-access';
import { tempFolder } from '../../support/temp-folder';
import { indexedDemo } from '../inspect/open-inspection';
import { staticHandlerContext } from '../../support/static-handler-context';

describe('JournalAccess', async () => {
  const { folder, db } = await indexedDemo('journal-access');
  const contextFor = (dataDir: string): HandlerContext => staticHandlerContext({ db, folder, dataDir, now: () => new Date('2026-03-03T09:00:00.000Z') });
  const note = { reviewer: 'Ada', kind: 'note' as const, target: { executionId: 'record:exec-drop-7', stepIndex: null, eventId: null }, line: null, refers: null, text: 'x', acknowledgement: null };

  it('signs with the reviewer a request names, else the saved one, and refuses when there is neither', () => {
    const access = new JournalAccess(contextFor(tempFolder('access-reviewer')));
    assert.throws(() => access.reviewerFor(undefined), (error: unknown) => error instanceof ApiFailure && error.code === 'invalid_request');
    access.reviewer.set('Saved Name');
    assert.equal(access.reviewerFor(undefined), 'Saved Name');
    assert.equal(access.reviewerFor('Named'), 'Named');
  });

  it('answers an append to a journal that does not verify as not_applicable, with the verdict', () => {
    const access = new JournalAccess(contextFor(tempFolder('access-broken')));
    access.append([note]);
    appendFileSync(access.journal.file, '{"torn');
    assert.throws(() => access.append([note]), (error: unknown) => error instanceof ApiFailure && error.code === 'not_applicable' && /cut short/.test(error.message));
    assert.equal(access.read().verdict.state, 'truncated');
  });

  it('gives the journal\'s entries about executions', () => {
    const access = new JournalAccess(contextFor(tempFolder('access-entries')));
    access.append([note]);
    const excerpt = access.entriesFor(['record:exec-drop-7']);
    assert.deepEqual([excerpt.verdict.state, excerpt.notes.length, excerpt.notes[0]?.targetNow], ['intact', 1, 'missing']);
  });
});
