import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ApiResponse } from '../../../shared/api/contract';
import type * as NoteText from '../../../renderer/format/note-text';
import { loadRendererModule } from '../load-renderer-module';

const { journalProblemText, noteTargetLabel, targetNowText } = loadRendererModule<typeof NoteText>('format/note-text');

type Verdict = ApiResponse<'listNotes'>['verdict'];

const line = { which: 'event' as const, path: 'logs/run.jsonl', line: 12, sha256: 'a'.repeat(64), text: '{}', textTruncated: false };

describe('note text', () => {
  it('names what a note is on: an event by file and line, a step of its execution, or the execution', () => {
    assert.equal(noteTargetLabel({ target: { executionId: 'record:x', stepIndex: null, eventId: 5 }, line }), 'event (logs/run.jsonl:12)');
    assert.equal(noteTargetLabel({ target: { executionId: 'record:x', stepIndex: 2, eventId: null }, line }), 'step 2 of record:x');
    assert.equal(noteTargetLabel({ target: { executionId: 'record:x', stepIndex: null, eventId: null }, line }), 'record:x');
  });

  it('says whether the noted line is still the one in the index, with a tone for each answer', () => {
    assert.deepEqual([targetNowText('matches').tone, targetNowText('changed').tone, targetNowText('missing').tone], ['ok', 'bad', 'warn']);
    assert.match(targetNowText('changed').title, /evidence changed/);
  });

  it('has a banner sentence only for a journal that does not verify, telling a cut-short last line from a broken chain', () => {
    const intact: Verdict = { state: 'intact', entries: 3, brokenAt: null, head: 'h', statement: '' };
    assert.equal(journalProblemText(intact), null);
    const broken: Verdict = { state: 'broken', entries: 1, brokenAt: { line: 2, seq: 2, reason: 'entry_hash_mismatch', message: 'entry 2 was changed after it was written' }, head: 'h', statement: '' };
    assert.equal(journalProblemText(broken), 'The review journal is broken at line 2 (entry 2): entry 2 was changed after it was written. Only the 1 entries before it are shown; nothing can be added.');
    const cut: Verdict = { ...broken, state: 'truncated', brokenAt: { line: 2, seq: null, reason: 'truncated_tail', message: '' } };
    assert.match(journalProblemText(cut) ?? '', /^The review journal's last line was cut short, as by a crash/);
  });
});
