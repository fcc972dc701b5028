import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as ChecksProgress from '../../../renderer/format/checks-progress';
import { loadRendererModule } from '../load-renderer-module';

const { acknowledgementNote, checksPending, pendingChecksNote, stillReading } = loadRendererModule<typeof ChecksProgress>('format/checks-progress');

type Progress = ChecksProgress.IndexingProgress;

function progress(phase: Progress['phase'], stage: 'events' | 'merge' | 'rows' | 'checks' | null): Progress {
  return {
    phase, filesTotal: 3, filesDone: 3, bytesTotal: 100, bytesDone: 100, events: 10, message: null,
    enrichment: stage === null ? null : { stage, done: 1, total: 2, etaMs: null },
  };
}

describe('what counts of problems and hashes say before every check has run', () => {
  it('counts are of what was read so far only while the folder is read', () => {
    assert.equal(stillReading(progress('discovering', null)), true);
    assert.equal(stillReading(progress('indexing', null)), true);
    for (const phase of ['idle', 'done', 'watching', 'cancelled', 'failed'] as const) assert.equal(stillReading(progress(phase, null)), false, phase);
  });

  it('checks are pending while the scan runs and until the enrichment has checked every execution', () => {
    assert.equal(checksPending(progress('indexing', null)), true, 'the scan');
    assert.equal(checksPending(progress('watching', 'events')), true, 'full text first');
    assert.equal(checksPending(progress('watching', 'merge')), true, 'then the search index merged: no execution is checked yet');
    assert.equal(checksPending(progress('watching', 'rows')), true, 'then the derived rows');
    assert.equal(checksPending(progress('watching', 'checks')), true, 'then the checks');
    assert.equal(checksPending(progress('cancelled', 'events')), true, 'a cancelled enrichment still waits');
    assert.equal(checksPending(progress('watching', null)), false);
    assert.equal(checksPending(progress('done', null)), false);
  });

  it('a count of problems says more may appear while checks are pending, and nothing once they are done', () => {
    assert.match(pendingChecksNote(progress('watching', 'checks')) ?? '', /have not finished: more problems may appear/);
    assert.match(pendingChecksNote(progress('watching', 'merge')) ?? '', /have not finished/, 'the merge comes before the checks');
    assert.equal(pendingChecksNote(progress('done', null)), null);
  });
});

describe('the executions list while checks are pending', () => {
  const { executionsListNote } = loadRendererModule<typeof ChecksProgress>('format/checks-progress');
  const plain = { hasProblems: false, integrity: '', sort: 'start' };

  it('says the list may change when a filter or the order rests on the checks', () => {
    const pending = progress('watching', 'events');
    for (const filters of [{ ...plain, hasProblems: true }, { ...plain, sort: 'problems' }, { ...plain, integrity: 'broken' }, { ...plain, integrity: 'intact' }, { ...plain, integrity: 'unhashed' }]) {
      assert.match(executionsListNote(filters, pending) ?? '', /may change once the checks are done/, JSON.stringify(filters));
    }
  });

  it('says nothing for filters the checks do not decide, or once they are done', () => {
    const pending = progress('watching', 'checks');
    for (const filters of [plain, { ...plain, integrity: 'unchecked' }, { ...plain, integrity: 'not_applicable' }, { ...plain, sort: 'failures' }]) {
      assert.equal(executionsListNote(filters, pending), null, JSON.stringify(filters));
    }
    assert.equal(executionsListNote({ ...plain, integrity: 'broken' }, progress('done', null)), null);
  });

  it('says every row covers what was read so far while the folder is read, whatever the filters', () => {
    for (const filters of [plain, { ...plain, integrity: 'broken' }]) {
      assert.match(executionsListNote(filters, progress('indexing', null)) ?? '', /still being read: .*cover the lines read so far/, JSON.stringify(filters));
    }
  });

  it('a rollback acknowledgement says the scaffold may change only while the folder is read', () => {
    for (const phase of ['discovering', 'indexing'] as const) assert.match(acknowledgementNote(progress(phase, null)) ?? '', /still being read: this scaffold covers what was read so far/, phase);
    // The enrichment derives an opened execution's rows, its plan's included, before it answers: its scaffold is whole.
    assert.equal(acknowledgementNote(progress('watching', 'events')), null);
    for (const phase of ['idle', 'done', 'watching', 'cancelled', 'failed'] as const) assert.equal(acknowledgementNote(progress(phase, null)), null, phase);
  });
});
