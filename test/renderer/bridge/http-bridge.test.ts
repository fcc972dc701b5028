import { strict as assert } from 'node:assert';
import { appendFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { apiResultSchema } from '../../../shared/api/api-result';
import { API, API_METHODS, type IndexChange } from '../../../shared/api/contract';
import { apiRequest, execLine, NodeEventSource, startServeHarness, type ServeHarness } from '../../electron/bridge/serve-harness';
import { loadHttpBridge, type EventSourceLike, type FetchLike } from './load-http-bridge';

const { createHttpBridge, hasSession } = loadHttpBridge();

const MISSING = 'record:no-such-execution';

/** A minimal valid request per method where `{}` is not one, so parity also reaches the handler (the execution does not exist). */
const MINIMAL_REQUESTS: Partial<Record<(typeof API_METHODS)[number], unknown>> = {
  getExecution: { id: MISSING },
  getWaterfall: { id: MISSING },
  getEvent: { id: 987_654_321 },
  getProblemLine: { id: 987_654_321 },
  verifyExecution: { id: MISSING },
  getSecurityDiff: { id: MISSING },
  getSideEffectReport: { id: MISSING },
  getRollbackScaffold: { id: MISSING },
  getTelemetrySummary: { id: MISSING },
  acknowledgeRollback: { id: MISSING, reviewer: 'parity test', scaffoldHash: '0'.repeat(64) },
  exportReport: { id: MISSING, format: 'md' },
  // An event and entries the index and the journal do not have: answered not_found, and nothing is written.
  addNote: { kind: 'note', eventId: 987_654_321, text: 'parity test', reviewer: 'parity test' },
  editNote: { seq: 987_654_321, text: 'parity test', reviewer: 'parity test' },
  deleteNote: { seq: 987_654_321, reviewer: 'parity test' },
  setReviewer: { reviewer: 'parity test' },
  compareExecutions: { a: MISSING, b: MISSING },
  exportComparisonReport: { a: MISSING, b: MISSING, format: 'md' },
  // An execution the index does not have: answered not_found, and no baseline is saved.
  setBaseline: { id: MISSING },
  clearBaseline: { id: MISSING },
  getBaselineVerdicts: { ids: [MISSING] },
  exportOtlp: { ids: [MISSING] },
  openRecentFolder: { id: '0123456789abcdef' },
  // A source id the index does not have: answered not_found, and nothing is saved.
  setTimeZone: { sourceId: 987_654_321, zone: 'UTC' },
};

/** Methods whose answer depends on what the previous call started: a second rescan finds the first one running. */
const CHANGES_STATE: ReadonlySet<string> = new Set(['rescan']);

describe('HTTP bridge client against the real serve server', () => {
  let h: ServeHarness;
  before(async () => {
    h = await startServeHarness();
    await h.inspector.initialScan();
  });
  after(async () => {
    await h.close();
  });

  it('has one function per contract method and nothing else but onIndexChanged', () => {
    const bridge = createHttpBridge({ baseUrl: h.origin, token: h.token });
    assert.deepEqual(Object.keys(bridge).sort(), [...API_METHODS, 'onIndexChanged'].sort());
    for (const method of API_METHODS) assert.equal(typeof bridge[method], 'function', method);
    assert.ok(Object.isFrozen(bridge));
  });

  it('every contract method is answered by the server with its envelope, never as an unknown method', async () => {
    const bridge = createHttpBridge({ baseUrl: h.origin, token: h.token });
    for (const method of API_METHODS) {
      const request = MINIMAL_REQUESTS[method] ?? {};
      const answer = await apiRequest(h, method, request);
      const parsed = apiResultSchema(API[method].response).parse(JSON.parse(answer.body));
      assert.doesNotMatch(answer.body, /unknown method/, method);
      if (answer.status === 404) assert.ok(!parsed.ok && parsed.error.code === 'not_found', `${method}: a 404 must be the handler's not_found`);
      assert.ok(parsed.ok || parsed.error.code !== 'invalid_request', `${method}: the minimal request reaches the handler (${answer.body})`);
      const viaBridge = await (bridge[method] as (request: unknown) => Promise<unknown>)(request);
      if (CHANGES_STATE.has(method)) assert.equal(apiResultSchema(API[method].response).parse(viaBridge).ok, parsed.ok, method);
      else assert.deepEqual(viaBridge, parsed, method);
    }
    // Let the rescan finish, so the next tests see a still index.
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const summary = await h.inspector.service.call('summary', {});
      if (summary.ok && (summary.value as { progress: { phase: string } }).progress.phase === 'watching') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('calls summary over the global fetch and resolves to the parsed envelope', async () => {
    const bridge = createHttpBridge({ baseUrl: `${h.origin}/`, token: h.token, fetch: fetch as FetchLike });
    const result = await bridge.summary({});
    assert.deepEqual(result, apiResultSchema(API.summary.response).parse(JSON.parse((await apiRequest(h, 'summary', {})).body)));
  });

  it('resolves to typed failures, never rejects: wrong token, invalid request, unreachable server, non-JSON and off-contract answers', async () => {
    const wrong = await createHttpBridge({ baseUrl: h.origin, token: 'A'.repeat(43) }).summary({});
    assert.deepEqual(wrong.ok ? null : wrong.error.code, 'unauthorized');
    const invalid = await createHttpBridge({ baseUrl: h.origin, token: h.token }).getExecution({} as never);
    assert.equal(invalid.ok ? null : invalid.error.code, 'invalid_request');
    const unreachable = await createHttpBridge({ baseUrl: 'http://127.0.0.1:1', token: h.token }).summary({});
    assert.equal(unreachable.ok ? null : unreachable.error.code, 'internal');
    const answering = (status: number, text: string): FetchLike => async () => ({ status, text: async () => text });
    const html = await createHttpBridge({ baseUrl: '', token: h.token, fetch: answering(502, '<html>bad gateway</html>') }).summary({});
    assert.equal(html.ok ? null : html.error.code, 'internal');
    const offContract = await createHttpBridge({ baseUrl: '', token: h.token, fetch: answering(200, '{"ok":true,"value":{"nope":1}}') }).summary({});
    assert.equal(offContract.ok ? null : offContract.error.code, 'internal');
    const throwing = await createHttpBridge({ baseUrl: '', token: h.token, fetch: () => Promise.reject(new TypeError('offline')) }).summary({});
    assert.match(throwing.ok ? '' : throwing.error.message, /offline/);
  });

  it('POSTs JSON to /api/<method> with the bearer token, no cookies, no cache', async () => {
    const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
    const recording: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return { status: 200, text: async () => '{"ok":true,"value":{"items":[]}}' };
    };
    const bridge = createHttpBridge({ baseUrl: 'http://127.0.0.1:9/', token: 'T'.repeat(43), fetch: recording });
    await bridge.listAcknowledgements({});
    assert.deepEqual(calls, [
      {
        url: 'http://127.0.0.1:9/api/listAcknowledgements',
        init: { method: 'POST', headers: { Authorization: `Bearer ${'T'.repeat(43)}`, 'Content-Type': 'application/json' }, body: '{}', credentials: 'omit', cache: 'no-store' },
      },
    ]);
  });

  it('without a token sends no Authorization header, sends the session cookie of its own origin, and opens the stream without a token', async () => {
    const calls: { url: string; init: Parameters<FetchLike>[1] }[] = [];
    const recording: FetchLike = async (url, init) => {
      calls.push({ url, init });
      return { status: 200, text: async () => '{"ok":true,"value":{"items":[]}}' };
    };
    const opened: string[] = [];
    class RecordingEventSource implements EventSourceLike {
      onmessage = null;
      constructor(url: string) {
        opened.push(url);
      }
      close(): void {}
    }
    const bridge = createHttpBridge({ baseUrl: 'http://127.0.0.1:9', token: null, fetch: recording, EventSource: RecordingEventSource });
    await bridge.listAcknowledgements({});
    assert.deepEqual(calls, [{ url: 'http://127.0.0.1:9/api/listAcknowledgements', init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}', credentials: 'same-origin', cache: 'no-store' } }]);
    bridge.onIndexChanged(() => undefined)();
    assert.deepEqual(opened, ['http://127.0.0.1:9/api/events']);
  });

  it('hasSession is false only when the server refuses the session', async () => {
    assert.equal(await hasSession(createHttpBridge({ baseUrl: h.origin, token: h.token })), true);
    // Node's fetch sends no cookie and no Origin: the server refuses it as a page without its session.
    assert.equal(await hasSession(createHttpBridge({ baseUrl: h.origin, token: null })), false);
    assert.equal(await hasSession(createHttpBridge({ baseUrl: 'http://127.0.0.1:1', token: null })), true, 'an unreachable server is for the views to report');
  });

  it('shares one lazily opened event stream between listeners and closes it after the last unsubscribe', async () => {
    await h.inspector.initialScan();
    const opened: string[] = [];
    const sources: NodeEventSource[] = [];
    class CountingEventSource extends NodeEventSource implements EventSourceLike {
      constructor(url: string) {
        super(url);
        opened.push(url);
        sources.push(this);
      }
    }
    const bridge = createHttpBridge({ baseUrl: h.origin, token: h.token, EventSource: CountingEventSource });
    assert.equal(opened.length, 0, 'nothing opened before the first subscription');
    const first: IndexChange[] = [];
    const second: IndexChange[] = [];
    const stopFirst = bridge.onIndexChanged((change) => first.push(change));
    const stopSecond = bridge.onIndexChanged((change) => second.push(change));
    assert.deepEqual(opened, [`${h.origin}/api/events?token=${h.token}`]);
    assert.equal(await sources[0]?.opened, 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const seen = first.length;
    appendFileSync(h.liveFile, execLine('bridge-1'));
    const started = Date.now();
    while ((first.length === seen || second.length === seen) && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(first.length > seen && second.length > seen, 'both listeners got the notice');
    stopFirst();
    stopFirst();
    assert.equal(h.server.eventStreams, 1, 'still open for the second listener');
    stopSecond();
    const closing = Date.now();
    while (h.server.eventStreams > 0 && Date.now() - closing < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(h.server.eventStreams, 0, 'the stream closed after the last unsubscribe');
    const stopAgain = bridge.onIndexChanged(() => undefined);
    assert.equal(opened.length, 2, 'a new subscription opens a new stream');
    stopAgain();
  });
});
