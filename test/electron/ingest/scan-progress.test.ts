import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ScanProgress, type IngestProgress } from '../../../electron/ingest/scan-progress';

describe('ScanProgress', () => {
  it('sends phase changes at once and throttles the notices in between', () => {
    const heard: IngestProgress[] = [];
    const progress = new ScanProgress((notice) => heard.push(notice));
    progress.start();
    progress.report('discovering', true);
    progress.counts.bytesDone = 10;
    progress.report('indexing', false);
    progress.report('indexing', false);
    progress.report('done', true);
    assert.deepEqual(heard.map((notice) => notice.phase), ['discovering', 'done'], 'two notices within 100 ms of the first are held back');
    assert.equal(heard[1]?.bytesDone, 10);
  });

  it('says nothing but that it stopped once cancelled, and starts over from zero', () => {
    const heard: string[] = [];
    const progress = new ScanProgress((notice) => heard.push(notice.phase));
    progress.start();
    progress.counts.events = 5;
    progress.cancelled = true;
    progress.report('indexing', true);
    progress.report('cancelled', true);
    assert.deepEqual(heard, ['cancelled']);
    progress.start();
    assert.deepEqual([progress.cancelled, progress.snapshot('discovering').events], [false, 0]);
  });
});
