import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as EventCopies from '../../../renderer/format/event-copies';
import { loadRendererModule } from '../load-renderer-module';

const { eventCopiesNote } = loadRendererModule<typeof EventCopies>('format/event-copies');

describe('an execution\'s events listed from two files', () => {
  it('says why the list holds more lines than the header counts events', () => {
    assert.equal(eventCopiesNote(12, 6), '12 lines for 6 events: 6 events are also logged in another file, listed from both and counted once.');
    assert.equal(eventCopiesNote(7, 6), '7 lines for 6 events: one event is also logged in another file, listed from both and counted once.');
  });

  it('says nothing when they agree, or before the list\'s length is known', () => {
    assert.equal(eventCopiesNote(6, 6), null);
    assert.equal(eventCopiesNote(null, 6), null);
    assert.equal(eventCopiesNote(5, 6), null);
  });
});
