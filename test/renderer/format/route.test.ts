import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as RouteModule from '../../../renderer/format/route';
import { loadRendererModule } from '../load-renderer-module';

const { parseRoute, routeHash, executionHash, eventHash, routeSection, compareHash } = loadRendererModule<typeof RouteModule>('format/route');

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

  it('names two executions to compare, a cycle run id with "/" staying one segment, and the picker with one', () => {
    const cycle = 'cycle:2026-03-02T09-20-00Z/migrate customers';
    assert.equal(compareHash('record:a', cycle), '#/compare/record:a/cycle:2026-03-02T09-20-00Z%2Fmigrate%20customers');
    assert.deepEqual(parseRoute(compareHash('record:a', cycle)), { view: 'compare', a: 'record:a', b: cycle });
    assert.deepEqual(parseRoute(compareHash(cycle, null)), { view: 'compare', a: cycle, b: null });
    assert.deepEqual(parseRoute('#/compare/record:a/'), { view: 'compare', a: 'record:a', b: null });
    assert.equal(parseRoute('#/compare/').view, 'not-found');
    assert.equal(parseRoute('#/compare/a/b/c').view, 'not-found');
    assert.equal(parseRoute('#/compare/record:a/%E0%A4%A').view, 'not-found');
    assert.equal(routeSection({ view: 'compare', a: 'record:a', b: null }), 'executions');
  });

  it('finds the two ids of a compare address typed by hand with a cycle run id "/" unencoded, and its canonical link again', () => {
    const cycle = 'cycle:2026-03-02T09-20-00Z/migrate-customers';
    const typed = parseRoute(`#/compare/${cycle}/record:exec-001`);
    assert.deepEqual(typed, { view: 'compare', a: cycle, b: 'record:exec-001' });
    assert.equal(routeHash(typed), compareHash(cycle, 'record:exec-001'));
    assert.deepEqual(parseRoute(`#/compare/record:exec-001/${cycle}`), { view: 'compare', a: 'record:exec-001', b: cycle });
    assert.deepEqual(parseRoute(`#/compare/${cycle}`), { view: 'compare', a: cycle, b: null });
    assert.deepEqual(parseRoute(`#/compare/${cycle}/`), { view: 'compare', a: cycle, b: null });
    // Read more than one way: the first reading is shown, the others are tried while the index knows none of the first.
    assert.deepEqual(parseRoute('#/compare/cycle:2026-03-02T09-20-00Z/record:x/record:y'), {
      view: 'compare',
      a: 'cycle:2026-03-02T09-20-00Z',
      b: 'record:x/record:y',
      otherReadings: [{ a: 'cycle:2026-03-02T09-20-00Z/record:x', b: 'record:y' }],
    });
    // Two segments that name no execution still open the view (which says so); more are not an address of the app.
    assert.deepEqual(parseRoute('#/compare/a/b'), { view: 'compare', a: 'a', b: 'b' });
    assert.equal(parseRoute('#/compare//record:b').view, 'not-found');
    assert.equal(parseRoute(`#/compare/${cycle}/%E0%A4%A`).view, 'not-found');
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

  it('carries the executions filters in the hash, omitting defaults, and reads them back', () => {
    const filters = { family: 'record', outcome: 'failed', status: 'COMPLETED_PARTIAL', text: 'exec drop & <b>', hasProblems: true, integrity: 'broken', baseline: 'diverges', sort: 'events', descending: true } as const;
    const hash = routeHash({ view: 'executions', filters });
    assert.equal(hash, '#/executions?q=exec+drop+%26+%3Cb%3E&family=record&outcome=failed&status=COMPLETED_PARTIAL&problems=1&integrity=broken&baseline=diverges&sort=events&desc=1');
    assert.deepEqual(parseRoute(hash), { view: 'executions', filters });
    assert.equal(routeHash({ view: 'executions', filters: { ...filters, family: '', outcome: '', status: '', text: '', hasProblems: false, integrity: '', baseline: '', sort: 'start', descending: false } }), '#/executions');
    assert.deepEqual(parseRoute('#/executions?q='), { view: 'executions' }, 'all defaults read as no filters');
  });

  it('drops filter values the app does not know instead of failing', () => {
    assert.deepEqual(parseRoute('#/executions?family=nope&outcome=maybe&sort=evil&desc=yes'), { view: 'executions' });
    assert.deepEqual(parseRoute('#/events?family=__proto__&failed=2&anchor=-1'), { view: 'events', eventId: null });
    assert.deepEqual(parseRoute('#/problems?code='), { view: 'problems' });
  });

  it('carries the events filters and anchor with the open event, and round-trips hostile text', () => {
    const filters = { query: 'customer_tier "quoted" #/x?y=1', family: 'stream', kind: 'navigation', failedOnly: true } as const;
    const route = { view: 'events', eventId: 42, filters, anchor: 40 } as const;
    assert.deepEqual(parseRoute(routeHash(route)), route);
    assert.equal(routeHash({ view: 'events', eventId: 7, anchor: 7 }), '#/events/7?anchor=7');
    assert.deepEqual(parseRoute('#/events?kind=CHECKPOINT'), { view: 'events', eventId: null, filters: { query: '', family: '', kind: 'CHECKPOINT', failedOnly: false } });
    assert.equal(parseRoute('#/events/abc?kind=x').view, 'not-found');
  });

  it('names a problem code filter and a problem line', () => {
    assert.deepEqual(parseRoute('#/problems?code=line.invalid_json'), { view: 'problems', code: 'line.invalid_json' });
    assert.equal(routeHash({ view: 'problems', code: 'line.invalid_json' }), '#/problems?code=line.invalid_json');
    assert.equal(routeHash({ view: 'problems', code: null }), '#/problems');
    assert.deepEqual(parseRoute('#/problems/12'), { view: 'problem', problemId: 12 });
    assert.equal(routeHash({ view: 'problem', problemId: 12 }), '#/problems/12');
    assert.equal(routeSection({ view: 'problem', problemId: 12 }), 'problems');
    assert.equal(parseRoute('#/problems/0').view, 'not-found');
    assert.equal(parseRoute('#/problems/x').view, 'not-found');
  });
});
