import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { foldNotes, journalEntriesFor, matchNote } from '../../../electron/inspect/journal-notes';
import { acknowledgementEntry } from '../../../electron/inspect/journal-acknowledgements';
import { resolveTarget } from '../../../electron/inspect/journal-target-line';
import { ReviewJournal, type JournalEntryInput } from '../../../electron/inspect/review-journal';
import { tempFolder } from '../../support/temp-folder';
import { indexedDemo } from './open-inspection';

describe('journal notes', async () => {
  const { folder, targets } = await indexedDemo('journal-notes');
  const noteOn = (executionId: string, text: string, extra: Partial<JournalEntryInput> = {}): JournalEntryInput => {
    const resolved = resolveTarget(targets, { executionId });
    if (!('target' in resolved)) throw new Error(resolved.missing);
    return { reviewer: 'Ada', kind: 'note', target: resolved.target, line: resolved.line, refers: null, text, acknowledgement: null, ...extra };
  };
  let clock = Date.parse('2026-03-03T09:00:00.000Z');
  const journal = new ReviewJournal(tempFolder('journal-notes-data'), folder, () => new Date((clock += 1000)));
  journal.append([noteOn('record:exec-drop-7', 'first'), noteOn('record:exec-drop-6', 'other'), noteOn('record:exec-drop-7', 'to delete', { kind: 'bookmark' })]);
  journal.append([noteOn('record:exec-drop-7', 'first, corrected', { kind: 'correction', refers: 1, reviewer: 'Bo' })]);
  journal.append([noteOn('record:exec-drop-7', 'wrong execution', { kind: 'deletion', refers: 3 })]);
  journal.append([acknowledgementEntry({ executionId: 'record:exec-drop-7', reviewer: 'Cy', note: null, scaffoldHash: 'b'.repeat(64) }, targets)]);

  it('folds corrections and deletions into their notes, keeping every wording and who deleted what', () => {
    const notes = foldNotes(journal.read().entries);
    assert.deepEqual(notes.map((n) => [n.seq, n.kind, n.text, n.reviewer]), [
      [1, 'note', 'first, corrected', 'Bo'],
      [2, 'note', 'other', 'Ada'],
      [3, 'bookmark', 'to delete', 'Ada'],
    ]);
    assert.deepEqual(notes[0]?.history, [{ seq: 1, reviewer: 'Ada', at: '2026-03-03T09:00:01.000Z', text: 'first' }]);
    assert.deepEqual(notes[2]?.deleted, { seq: 5, reviewer: 'Ada', at: '2026-03-03T09:00:03.000Z', reason: 'wrong execution' });
    assert.equal(notes[0]?.deleted, null);
  });

  it('matches a note to the event at its line now', () => {
    const [note] = foldNotes(journal.read().entries);
    assert.ok(note?.line);
    const matched = matchNote(note, targets);
    assert.equal(matched.targetNow, 'matches');
    assert.equal(matched.eventIdNow, targets.executionFirstEvent('record:exec-drop-7')?.eventId);
    assert.equal(matchNote({ ...note, line: { ...note.line, sha256: '0'.repeat(64) } }, targets).targetNow, 'changed');
    assert.equal(matchNote({ ...note, line: { ...note.line, line: 9_999 } }, targets).targetNow, 'missing');
    assert.deepEqual([matchNote({ ...note, line: null }, targets).targetNow, matchNote({ ...note, line: null }, targets).eventIdNow], ['missing', null]);
  });

  it('gives what the journal says about some executions, for reports and comparisons', () => {
    const one = journalEntriesFor(journal, targets, ['record:exec-drop-7']);
    assert.equal(one.verdict.state, 'intact');
    assert.deepEqual(one.notes.map((n) => n.seq), [1, 3]);
    assert.deepEqual(one.acknowledgements.map((a) => a.reviewer), ['Cy']);
    assert.deepEqual(journalEntriesFor(journal, targets, ['record:exec-drop-7', 'record:exec-drop-6']).notes.map((n) => n.seq), [1, 2, 3]);
    assert.deepEqual(journalEntriesFor(journal, targets, []).notes, []);
  });
});
