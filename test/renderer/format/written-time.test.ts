import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as WrittenTime from '../../../renderer/format/written-time';
import { loadRendererModule } from '../load-renderer-module';

const { writtenTimeText } = loadRendererModule<typeof WrittenTime>('format/written-time');

describe('times written in the evidence, in the app’s format', () => {
  it('converts a time that names its zone to the app’s UTC format', () => {
    assert.equal(writtenTimeText('2026-08-29T10:25:04Z'), '2026-08-29 10:25:04.000Z');
    assert.equal(writtenTimeText('2025-12-26T01:00:00.000000+00:00'), '2025-12-26 01:00:00.000Z');
    assert.equal(writtenTimeText('2026-03-02T15:32:11.418+05:30'), '2026-03-02 10:02:11.418Z');
  });

  it('shows a time without a zone as written and says so, instead of inventing the browser’s zone', () => {
    assert.equal(writtenTimeText('2026-03-02T10:02:11'), '2026-03-02T10:02:11 (as written, no zone)');
    assert.equal(writtenTimeText('yesterday'), 'yesterday (as written, no zone)');
  });

  it('shows an em dash for no time', () => {
    assert.equal(writtenTimeText(null), '—');
    assert.equal(writtenTimeText(''), '—');
  });
});
