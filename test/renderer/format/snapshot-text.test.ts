import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as SnapshotText from '../../../renderer/format/snapshot-text';
import { loadRendererModule } from '../load-renderer-module';

const { fieldChangeText } = loadRendererModule<typeof SnapshotText>('format/snapshot-text');

describe('snapshot field changes in words', () => {
  it('names a missing snapshot rather than calling its fields removed or added', () => {
    assert.equal(fieldChangeText('no_post_snapshot'), 'no post snapshot');
    assert.equal(fieldChangeText('no_pre_snapshot'), 'no pre snapshot');
    assert.equal(fieldChangeText('removed'), 'removed');
  });
});
