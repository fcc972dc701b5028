import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { FolderInspector } from '../../../electron/api/folder-inspector';
import { apiResultSchema } from '../../../shared/api/api-result';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { tempFolder } from '../../support/temp-folder';
import { API, API_METHODS, HOST_METHODS, type ApiMethod } from '../../../shared/api/contract';
import { apiRequest, startServeHarness, type ServeHarness } from '../bridge/serve-harness';

/** Requests no method may accept: not objects, or objects with keys no method has. */
const NOT_REQUESTS: readonly unknown[] = ['x', 42, [], null, true, { unknownKey: 1 }, { __proto__: { polluted: true }, constructor: 1 }];

/** Text that looks like SQL or a path: it must be matched as text and never read or run. */
const SQL_AND_PATHS: readonly string[] = [
  "'; DROP TABLE events; --",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  ') OR (',
  'NEAR(a b)',
  '*',
  '../../../../etc/passwd',
  '/etc/passwd',
  'C:\\Windows\\system32\\config',
  'file:///etc/passwd',
  '\u0000',
];

/** Methods whose request names one execution. */
const BY_EXECUTION: readonly ApiMethod[] = API_METHODS.filter((m) => {
  const shape = (API[m].request as unknown as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && 'id' in shape && m !== 'getEvent' && m !== 'getProblemLine' && m !== 'listAcknowledgements' && !(HOST_METHODS as readonly string[]).includes(m);
});

describe('every method refuses malformed, wrongly typed and oversized requests', () => {
  let harness: ServeHarness;
  let eventsBefore = 0;
  before(async () => {
    harness = await startServeHarness();
    await harness.inspector.initialScan();
    const summary = await harness.inspector.service.call('summary', {});
    assert.ok(summary.ok);
    eventsBefore = Object.values((summary.value as { events: Record<string, number> }).events).reduce((a, b) => a + b, 0);
  });
  after(async () => harness.close());

  it('answers anything that is not a request with invalid_request, directly and over HTTP', async () => {
    for (const method of API_METHODS) {
      for (const request of NOT_REQUESTS) {
        const direct = await harness.inspector.service.call(method, request);
        assert.ok(!direct.ok && direct.error.code === 'invalid_request', `${method} ${JSON.stringify(request)}`);
        const http = await apiRequest(harness, method, request);
        assert.equal(http.status, 400, `${method} over HTTP ${JSON.stringify(request)}`);
        const envelope = apiResultSchema(API[method].response).parse(JSON.parse(http.body));
        assert.equal(envelope.ok, false);
      }
    }
  });

  it('refuses wrongly typed, empty, malformed and oversized execution ids, and unknown ones are not_found', async () => {
    assert.ok(BY_EXECUTION.length >= 8, BY_EXECUTION.join());
    for (const method of BY_EXECUTION) {
      const extra = method === 'exportReport' ? { format: 'md' } : method === 'acknowledgeRollback' ? { reviewer: 'r', scaffoldHash: 'a'.repeat(64) } : {};
      for (const id of [123, '', 'x', 'nofamily-here', 'record:', 'unknownfamily:key', 'x'.repeat(3000), ['record:a'], { id: 'record:a' }]) {
        const result = await harness.inspector.service.call(method, { id, ...extra });
        assert.ok(!result.ok && result.error.code === 'invalid_request', `${method} id=${JSON.stringify(id).slice(0, 40)}`);
      }
      const missing = await harness.inspector.service.call(method, { id: 'record:no-such-execution', ...extra });
      assert.ok(!missing.ok && missing.error.code === 'not_found', `${method} unknown id → ${JSON.stringify(missing)}`);
    }
  });

  it('refuses out-of-range limits, oversized text, garbage cursors and wrongly typed filters', async () => {
    const cases: [ApiMethod, unknown][] = [
      ['listExecutions', { limit: 0 }],
      ['listExecutions', { limit: 501 }],
      ['listExecutions', { limit: '10' }],
      ['listExecutions', { text: 'x'.repeat(1001) }],
      ['listExecutions', { families: ['nope'] }],
      ['listExecutions', { sort: 'raw' }],
      ['listExecutions', { cursor: 'definitely-not-a-cursor' }],
      ['listExecutions', { from: 'yesterday' }],
      ['listEvents', { query: 'x'.repeat(1001) }],
      ['listEvents', { cursor: 'eyJub3QiOiJhIGN1cnNvciJ9' }],
      ['listEvents', { failed: 'yes' }],
      ['getEvent', { id: -1 }],
      ['getEvent', { id: 1.5 }],
      ['getEvent', { id: '1' }],
      ['listProblems', { codes: ['no.such_code'] }],
      ['histogram', { buckets: 100000 }],
      ['listSources', { states: ['deleted'] }],
      ['acknowledgeRollback', { id: 'record:a', reviewer: '', scaffoldHash: 'a'.repeat(64) }],
      ['acknowledgeRollback', { id: 'record:a', reviewer: 'r'.repeat(201), scaffoldHash: 'a'.repeat(64) }],
      ['acknowledgeRollback', { id: 'record:a', reviewer: 'r', scaffoldHash: 'not-a-hash' }],
      ['exportReport', { id: 'record:a', format: 'pdf' }],
    ];
    for (const [method, request] of cases) {
      const result = await harness.inspector.service.call(method, request);
      assert.ok(!result.ok && result.error.code === 'invalid_request', `${method} ${JSON.stringify(request).slice(0, 80)} → ${JSON.stringify(result).slice(0, 120)}`);
    }
    const huge = await apiRequest(harness, 'listEvents', { query: 'x'.repeat(2 * 1024 * 1024) });
    assert.equal(huge.status, 413);
  });

  it('treats SQL-like and path-like strings in every text filter as text: answered, nothing read, nothing changed', async () => {
    for (const text of SQL_AND_PATHS) {
      const requests: [ApiMethod, unknown][] = [
        ['listExecutions', { text }],
        ['listExecutions', { statuses: [text] }],
        ['listEvents', { query: text }],
        ['listEvents', { kinds: [text], statuses: [text] }],
        ['listProblems', { path: text }],
      ];
      for (const [method, request] of requests) {
        const result = await harness.inspector.service.call(method, request);
        assert.ok(result.ok, `${method} ${JSON.stringify(request)} → ${JSON.stringify(result)}`);
        API[method].response.parse(result.value);
        assert.ok(!JSON.stringify(result.value).includes('root:x:0:0'), 'no file named in a request is ever read');
      }
    }
    const summary = await harness.inspector.service.call('summary', {});
    assert.ok(summary.ok);
    const eventsAfter = Object.values((summary.value as { events: Record<string, number> }).events).reduce((a, b) => a + b, 0);
    assert.equal(eventsAfter, eventsBefore, 'the index is unchanged');
  });

  it('no host method takes a path: openRecentFolder refuses anything but an opaque 16-hex id; browser mode opens no folder', async () => {
    for (const id of [...SQL_AND_PATHS, '', '0123456789ABCDEF', '0123456789abcdef0', '0123456789abcde', 123, null]) {
      const result = await harness.inspector.service.call('openRecentFolder', { id });
      assert.ok(!result.ok && result.error.code === 'invalid_request', `openRecentFolder ${JSON.stringify(id)}`);
    }
    for (const request of [{ path: '/etc' }, { folder: '/etc' }, { id: '0123456789abcdef', path: '/etc' }]) {
      for (const method of HOST_METHODS) {
        const result = await harness.inspector.service.call(method, request);
        assert.ok(!result.ok && result.error.code === 'invalid_request', `${method} ${JSON.stringify(request)}`);
      }
    }
    for (const [method, request] of [['listRecentFolders', {}], ['chooseFolder', {}], ['openRecentFolder', { id: '0123456789abcdef' }]] as const) {
      assert.deepEqual(await harness.inspector.service.call(method, request), { ok: false, error: { code: 'not_applicable', message: 'browser mode serves one folder' } }, method);
    }
  });

  it('does not answer for executions of another folder', async () => {
    const folder = realpathSync(tempFolder('other-folder'));
    writeFixtureFolder(folder, { seed: 77 });
    const other = await FolderInspector.open({ folder, dbPath: join(tempFolder('other-db'), 'i.sqlite'), dataDir: tempFolder('other-data'), watch: false });
    try {
      await other.initialScan();
      const theirs = await other.service.call('listExecutions', { families: ['record'], limit: 5 });
      assert.ok(theirs.ok);
      const ours = await harness.inspector.service.call('listExecutions', { families: ['record'], limit: 500 });
      assert.ok(ours.ok);
      const ourIds = new Set((ours.value as { items: { id: string }[] }).items.map((r) => r.id));
      const foreign = (theirs.value as { items: { id: string }[] }).items.map((r) => r.id).filter((id) => !ourIds.has(id));
      assert.ok(foreign.length > 0, 'the two fixture folders have different record executions');
      for (const id of foreign) {
        const result = await harness.inspector.service.call('getExecution', { id });
        assert.ok(!result.ok && result.error.code === 'not_found', id);
      }
    } finally {
      await other.close();
    }
  });
});
