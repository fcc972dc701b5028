import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as RouteModule from '../../../renderer/format/route';
import { loadRendererModule } from '../load-renderer-module';

const { parseRoute, routeHash, executionHash, eventHash, routeSection } = loadRendererModule<typeof RouteModule>('format/route');

describe('hash routes', () => {
  it('names every view', () => {
    assert.deepEqual(parseRoute(''), { view: 'overview' });
    assert.deepEqual(parseRoute('#/'), { view: 'overview' });
    assert.deepEqual(parseRoute('#/start'), { view: 'start' });
    assert.deepEqual(parseRoute('#/executions'), { view: 'executions' });
    assert.deepEqual(parseRoute('#/executions/record:exec-001'), { view: 'execution', id: 'record:exec-001' });
    assert.deepEqual(parseRoute('#/events'), { view: 'events', eventId: null });
    assert.deepEqual(parseRoute('#/events/42'), { view: 'events', eventId: 42 });
    assert.deepEqual(parseRoute('#/problems'), { view: 'problems' });
    assert.deepEqual(parseRoute('#/notes'), { view: 'notes' });
  });

  it('keeps ":" readable in execution ids and encodes "/" so a cycle run id stays one segment', () => {
    assert.equal(executionHash('record:exec-001'), '#/executions/record:exec-001');
    const cycle = 'cycle:2026-03-02T09-20-00Z/migrate customers';
    assert.equal(executionHash(cycle), '#/executions/cycle:2026-03-02T09-20-00Z%2Fmigrate%20customers');
    assert.deepEqual(parseRoute(executionHash(cycle)), { view: 'execution', id: cycle });
    assert.deepEqual(parseRoute('#/executions/cycle:2026-03-02T09-20-00Z/migrate-customers-schema'), { view: 'execution', id: 'cycle:2026-03-02T09-20-00Z/migrate-customers-schema' });
  });

  it('round-trips ids made of hostile text', () => {
    for (const id of ['exec-event:<img src=x onerror=alert(1)>', 'stream:m-<b>xss</b>', 'record:#/events/1', 'exec-event:untraced/crm', 'record:%41']) {
      assert.deepEqual(parseRoute(executionHash(id)), { view: 'execution', id });
      assert.ok(executionHash(id).startsWith('#/executions/'));
    }
  });

  it('treats malformed hashes as not found instead of throwing', () => {
    assert.equal(parseRoute('#/executions/%E0%A4%A').view, 'not-found');
    assert.equal(parseRoute('#/events/abc').view, 'not-found');
    assert.equal(parseRoute('#/events/0').view, 'not-found');
    assert.equal(parseRoute('#/events/99999999999999999').view, 'not-found');
    assert.equal(parseRoute('#/whatever').view, 'not-found');
  });

  it('gives each route its navigation section and its hash back', () => {
    assert.equal(routeSection({ view: 'execution', id: 'record:x' }), 'executions');
    assert.equal(routeSection({ view: 'not-found', path: '/x' }), null);
    assert.equal(eventHash(7), '#/events/7');
    assert.equal(routeSection({ view: 'notes' }), 'notes');
    for (const hash of ['#/', '#/start', '#/executions', '#/events', '#/events/3', '#/problems', '#/notes']) assert.equal(routeHash(parseRoute(hash)), hash);
  });
});
