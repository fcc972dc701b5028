import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { PendingDirectories } from '../../../electron/ingest/pending-directories';

describe('PendingDirectories', () => {
  it('queues one scan for any number of changes until it starts, and a new one after', () => {
    const pending = new PendingDirectories();
    assert.equal(pending.add(['logs/a']), true, 'the first change queues a scan');
    assert.equal(pending.add(['logs/b', 'logs/a']), false, 'later changes join it');
    assert.equal(pending.add(['']), false);
    assert.deepEqual([...pending.take()].sort(), ['', 'logs/a', 'logs/b']);
    assert.deepEqual([...pending.take()], [], 'taken once');
    assert.equal(pending.add(['logs/c']), true, 'a change after the scan started queues the next one');
    assert.deepEqual([...pending.take()], ['logs/c']);
  });
});
