import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as ShareLinkModule from '../../../renderer/format/share-link';
import { loadRendererModule } from '../load-renderer-module';

const { shareLink } = loadRendererModule<typeof ShareLinkModule>('format/share-link');

describe('shareLink', () => {
  it("puts a route's hash on this page's address, replacing the hash it has", () => {
    assert.equal(shareLink({ href: 'http://127.0.0.1:41873/' }, '#/executions/record:exec-1'), 'http://127.0.0.1:41873/#/executions/record:exec-1');
    assert.equal(shareLink({ href: 'http://127.0.0.1:41873/#/problems?code=x' }, '#/events/3?anchor=3'), 'http://127.0.0.1:41873/#/events/3?anchor=3');
    assert.equal(shareLink({ href: 'file:///opt/app/index.html#/' }, '#/events/3'), 'file:///opt/app/index.html#/events/3');
  });
});
