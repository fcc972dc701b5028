import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Anchor from '../../../renderer/format/step-event-anchor';
import { loadRendererModule } from '../load-renderer-module';

const { stepEventAnchorId, stepEventName } = loadRendererModule<typeof Anchor>('format/step-event-anchor');

describe('the name and place of a step event', () => {
  it('names a step event by its source and its 0-based place in that source’s chain, as the verdict counts', () => {
    assert.equal(stepEventName('stream', 2), 'stream step event 2');
    assert.equal(stepEventName('document', 0), 'document step event 0');
  });

  it('gives each source’s step events distinct element ids', () => {
    assert.equal(stepEventAnchorId('stream', 2), 'step-event-stream-2');
    assert.notEqual(stepEventAnchorId('stream', 2), stepEventAnchorId('document', 2));
  });
});
