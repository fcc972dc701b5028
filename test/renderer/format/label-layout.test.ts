import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as LabelLayout from '../../../renderer/format/label-layout';
import { loadRendererModule } from '../load-renderer-module';

const { labelsThatFit } = loadRendererModule<typeof LabelLayout>('format/label-layout');

describe('which axis labels fit without covering each other', () => {
  it('keeps every label that has room', () => {
    assert.deepEqual(labelsThatFit([{ start: 0, end: 100, priority: 0 }, { start: 110, end: 200, priority: 0 }, { start: 300, end: 400, priority: 0 }]), [true, true, true]);
  });

  it('drops the later of two that overlap, or the one of lower priority wherever it is', () => {
    assert.deepEqual(labelsThatFit([{ start: 0, end: 100, priority: 0 }, { start: 90, end: 190, priority: 0 }]), [true, false]);
    // The end of the axis (priority 2) stays; a segment start printed over it goes.
    assert.deepEqual(labelsThatFit([{ start: 0, end: 110, priority: 1 }, { start: 650, end: 760, priority: 0 }, { start: 680, end: 790, priority: 2 }]), [true, false, true]);
  });

  it('keeps a gap between labels', () => {
    assert.deepEqual(labelsThatFit([{ start: 0, end: 100, priority: 0 }, { start: 104, end: 200, priority: 0 }], 6), [true, false]);
    assert.deepEqual(labelsThatFit([{ start: 0, end: 100, priority: 0 }, { start: 107, end: 200, priority: 0 }], 6), [true, true]);
  });
});
