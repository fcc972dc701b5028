import { strict as assert } from 'node:assert';
import { appendFileSync, symlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { apiResultSchema } from '../../../shared/api/api-result';
import { API, HOST_METHODS, type ApiMethod, type IndexChange } from '../../../shared/api/contract';
import { createBridgeToken } from '../../../electron/bridge/bridge-token';
import { statusOf } from '../../../electron/bridge/http-bridge-server';
import { CONTENT_SECURITY_POLICY } from '../../../electron/bridge/security-headers';
import { apiRequest, execLine, FAKE_INDEX, FAKE_SCRIPT, NodeEventSource, rawRequest, SECRET, startServeHarness, type RawAnswer, type ServeHarness } from './serve-harness';

const envelope = apiResultSchema(API.summary.response);

function assertEnvelope(answer: RawAnswer, status: number, code?: string): void {
  assert.equal(answer.status, status, answer.body);
  assert.match(String(answer.headers['content-type']), /^application\/json/);
  const parsed = envelope.parse(JSON.parse(answer.body));
  if (code !== undefined) {
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.equal(parsed.error.code, code);
  }
}

describe('serve: the HTTP bridge over real HTTP on 127.0.0.1', () => {
  let h: ServeHarness;
  before(async () => {
    h = await startServeHarness();
  });
  after(async () => {
    await h.close();
  });

  it('listens on 127.0.0.1 only and prints a URL with a 256-bit base64url token', () => {
    assert.match(h.server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    assert.equal(h.token.length, 43);
  });

  it('refuses API calls without the token or with a wrong one (401)', async () => {
    const none = await rawRequest(h.port, '/api/summary', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assertEnvelope(none, 401, 'unauthorized');
    assert.equal(none.headers['www-authenticate'], 'Bearer');
    assertEnvelope(await apiRequest(h, 'summary', {}, { authorization: `Bearer ${createBridgeToken()}` }), 401, 'unauthorized');
    assertEnvelope(await apiRequest(h, 'summary', {}, { authorization: `Bearer ${h.token}x` }), 401, 'unauthorized');
    assertEnvelope(await apiRequest(h, 'summary', {}, { authorization: h.token }), 401, 'unauthorized');
    // Refused before anything else: an unauthenticated caller learns nothing about methods.
    assertEnvelope(await rawRequest(h.port, '/api/nope', { method: 'GET' }), 401, 'unauthorized');
  });

  it('takes the token from the query only for the event stream, never for a method', async () => {
    const query = await rawRequest(h.port, `/api/summary?token=${h.token}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assertEnvelope(query, 401, 'unauthorized');
    assertEnvelope(await rawRequest(h.port, '/api/events'), 401, 'unauthorized');
    assertEnvelope(await rawRequest(h.port, `/api/events?token=${createBridgeToken()}`), 401, 'unauthorized');
    const stream = new NodeEventSource(`${h.origin}/api/events?token=${h.token}`);
    try {
      assert.equal(await stream.opened, 200);
    } finally {
      stream.close();
    }
  });

  it('trades the token of the opened URL for an HttpOnly, SameSite=Strict session cookie named for its port, and redirects to the URL without it', async () => {
    const opened = await rawRequest(h.port, `/?token=${h.token}`, { headers: { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate' } });
    assert.equal(opened.status, 303);
    assert.equal(opened.headers.location, '/');
    assert.equal(opened.headers['cache-control'], 'no-store');
    const setCookie = opened.headers['set-cookie'] ?? assert.fail('a cookie is set');
    assert.equal(setCookie.length, 1);
    const cookie = setCookie[0] ?? '';
    assert.match(cookie, new RegExp(`^execution_inspector_session_${h.port}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict$`));
    assert.ok(!cookie.includes(h.token), 'the cookie is a secret of its own, not the token');
    assert.doesNotMatch(cookie, /Domain|Max-Age|Expires/i);
    // A deep path and other parameters survive; only the token goes.
    const deep = await rawRequest(h.port, `/index.html?a=1&token=${h.token}&b=2`);
    assert.equal(deep.status, 303);
    assert.equal(deep.headers.location, '/index.html?a=1&b=2');
    assert.equal((await rawRequest(h.port, `//evil.example/?token=${h.token}`)).headers.location, '/evil.example/', 'never a protocol-relative Location');
    const session = cookie.split(';')[0] ?? '';
    // The page then calls the API with the cookie, as fetch does from that page (same-origin, with its Origin on POST).
    const call = (headers: Record<string, string>) => rawRequest(h.port, '/api/summary', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    assertEnvelope(await call({ cookie: session, origin: h.origin, 'sec-fetch-site': 'same-origin' }), 200);
    assertEnvelope(await call({ cookie: `other=1; ${session}`, 'sec-fetch-site': 'same-origin' }), 200);
    const stream = new NodeEventSource(`${h.origin}/api/events`, { cookie: session, 'sec-fetch-site': 'same-origin' });
    try {
      assert.equal(await stream.opened, 200, 'the event stream takes the cookie too: no token in its URL');
    } finally {
      stream.close();
    }
    // Refused: no Sec-Fetch-Site and no Origin (not a page of ours), another site, a foreign Host or Origin, a wrong value, another port's name.
    assertEnvelope(await call({ cookie: session }), 401, 'unauthorized');
    assertEnvelope(await call({ cookie: session, 'sec-fetch-site': 'same-site' }), 403, 'unauthorized');
    assertEnvelope(await call({ cookie: session, 'sec-fetch-site': 'cross-site' }), 403, 'unauthorized');
    assertEnvelope(await call({ cookie: session, 'sec-fetch-site': 'same-origin', host: `evil.example:${h.port}` }), 403, 'unauthorized');
    assertEnvelope(await call({ cookie: session, origin: `http://127.0.0.1:${h.port + 1}` }), 403, 'unauthorized');
    assertEnvelope(await call({ cookie: `${session}x`, 'sec-fetch-site': 'same-origin' }), 401, 'unauthorized');
    assertEnvelope(await call({ cookie: session.replace(String(h.port), String(h.port + 1)), 'sec-fetch-site': 'same-origin' }), 401, 'unauthorized');
    assertEnvelope(await call({ cookie: `execution_inspector_session_${h.port}=${h.token}`, 'sec-fetch-site': 'same-origin' }), 401, 'unauthorized');
  });

  it('sets no cookie for a wrong token but still takes it out of the address, and still refuses a foreign Host first', async () => {
    const wrong = await rawRequest(h.port, `/executions?token=${createBridgeToken()}`);
    assert.equal(wrong.status, 303);
    assert.equal(wrong.headers.location, '/executions');
    assert.equal(wrong.headers['set-cookie'], undefined);
    const foreign = await rawRequest(h.port, `/?token=${h.token}`, { headers: { host: `evil.example:${h.port}` } });
    assert.equal(foreign.status, 403);
    assert.equal(foreign.headers['set-cookie'], undefined);
    // A method never takes the token from its query, and a POST to a page is not a navigation.
    assert.equal((await rawRequest(h.port, `/?token=${h.token}`, { method: 'POST' })).status, 405);
  });

  it('refuses a foreign Host (DNS rebinding) with 403, on the API and on static files', async () => {
    assertEnvelope(await apiRequest(h, 'summary', {}, { host: `evil.example:${h.port}` }), 403, 'unauthorized');
    assert.equal((await rawRequest(h.port, '/', { headers: { host: `evil.example:${h.port}` } })).status, 403);
    assert.equal((await rawRequest(h.port, '/', { headers: { host: `127.0.0.1:${h.port + 1}` } })).status, 403);
    assert.equal((await rawRequest(h.port, '/', { headers: { host: '127.0.0.1' } })).status, 403);
    assert.equal((await apiRequest(h, 'summary', {}, { host: `localhost:${h.port}` })).status, statusOf(envelope.parse(JSON.parse((await apiRequest(h, 'summary', {})).body))));
  });

  it('refuses a foreign Origin and cross-site fetches with 403', async () => {
    assertEnvelope(await apiRequest(h, 'summary', {}, { origin: 'http://evil.example' }), 403, 'unauthorized');
    assertEnvelope(await apiRequest(h, 'summary', {}, { origin: `http://127.0.0.1:${h.port + 1}` }), 403, 'unauthorized');
    assertEnvelope(await apiRequest(h, 'summary', {}, { origin: 'null' }), 403, 'unauthorized');
    assertEnvelope(await apiRequest(h, 'summary', {}, { 'sec-fetch-site': 'cross-site' }), 403, 'unauthorized');
    assertEnvelope(await apiRequest(h, 'summary', {}, { 'sec-fetch-site': 'same-site' }), 403, 'unauthorized');
    assert.equal((await rawRequest(h.port, '/', { headers: { 'sec-fetch-site': 'cross-site' } })).status, 403);
    const own = await apiRequest(h, 'summary', {}, { origin: `http://localhost:${h.port}`, host: `localhost:${h.port}`, 'sec-fetch-site': 'same-origin' });
    assert.notEqual(own.status, 403);
    assert.notEqual(own.status, 401);
  });

  it('answers 405 to anything but POST on a method, with Allow', async () => {
    const get = await rawRequest(h.port, '/api/summary', { headers: { authorization: `Bearer ${h.token}` } });
    assertEnvelope(get, 405, 'invalid_request');
    assert.equal(get.headers.allow, 'POST');
    assertEnvelope(await rawRequest(h.port, `/api/events?token=${h.token}`, { method: 'POST' }), 405, 'invalid_request');
  });

  it('answers 415 to a body that is not application/json', async () => {
    assertEnvelope(await apiRequest(h, 'summary', {}, { 'content-type': 'text/plain' }), 415, 'invalid_request');
    assertEnvelope(await apiRequest(h, 'summary', {}, { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'invalid_request');
    assertEnvelope(await apiRequest(h, 'summary', {}, { 'content-type': 'application/json; charset=latin1' }), 415, 'invalid_request');
    assert.notEqual((await apiRequest(h, 'summary', {}, { 'content-type': 'application/json; charset=utf-8' })).status, 415);
  });

  it('answers 413 to a body over 1 MiB, declared or not, and reads one of exactly 1 MiB', async () => {
    const big = `{"pad":"${'x'.repeat(1024 * 1024)}"}`;
    const headers = { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' };
    assertEnvelope(await rawRequest(h.port, '/api/summary', { method: 'POST', headers, body: big }), 413, 'invalid_request');
    assertEnvelope(await rawRequest(h.port, '/api/summary', { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' }, body: big }), 413, 'invalid_request');
    const exact = `{}${' '.repeat(1024 * 1024 - 2)}`;
    const answer = await rawRequest(h.port, '/api/summary', { method: 'POST', headers, body: exact });
    assert.notEqual(answer.status, 413);
    assert.equal(answer.status, statusOf(envelope.parse(JSON.parse(answer.body))));
  });

  it('answers 400 with an invalid_request envelope to malformed JSON and to requests the contract refuses', async () => {
    const headers = { authorization: `Bearer ${h.token}`, 'content-type': 'application/json' };
    for (const body of ['{', '', 'not json', Buffer.from([0x7b, 0xff, 0x7d])]) {
      assertEnvelope(await rawRequest(h.port, '/api/summary', { method: 'POST', headers, body }), 400, 'invalid_request');
    }
    assertEnvelope(await apiRequest(h, 'summary', { unexpected: true }), 400, 'invalid_request');
    assertEnvelope(await apiRequest(h, 'getExecution', {}), 400, 'invalid_request');
  });

  it('answers 404 with a not_found envelope to a method the contract does not have', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'hasOwnProperty', 'summary/x', '', 'Summary']) {
      const answer = await apiRequest(h, name, {});
      assertEnvelope(answer, 404, 'not_found');
      assert.match(answer.body, /unknown method/);
    }
  });

  it('answers a valid summary call with the envelope, parsed against the contract', async () => {
    const answer = await apiRequest(h, 'summary', {});
    const parsed = envelope.parse(JSON.parse(answer.body));
    assert.equal(answer.status, statusOf(parsed));
    assert.match(String(answer.headers['content-type']), /^application\/json; charset=utf-8$/);
    assert.equal(answer.headers['cache-control'], 'no-store');
    assert.equal(answer.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
  });

  it('answers cancelIndexing and rescan of the served folder, and the host methods with not_applicable (200, per statusOf)', async () => {
    await h.inspector.initialScan();
    const parse = (method: ApiMethod, body: string) => apiResultSchema(API[method].response).parse(JSON.parse(body));
    const cancel = await apiRequest(h, 'cancelIndexing', {});
    assert.equal(cancel.status, 200);
    assert.deepEqual(parse('cancelIndexing', cancel.body), { ok: true, value: { cancelled: false } }, 'nothing runs once indexed');
    const rescan = await apiRequest(h, 'rescan', {});
    assert.equal(rescan.status, 200);
    assert.deepEqual(parse('rescan', rescan.body), { ok: true, value: { started: true } });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const summary = envelope.parse(JSON.parse((await apiRequest(h, 'summary', {})).body));
      if (summary.ok && summary.value.progress.phase === 'watching') break;
      assert.ok(Date.now() < deadline, 'the rescan ends watching');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const method of HOST_METHODS) {
      const answer = await apiRequest(h, method, method === 'openRecentFolder' ? { id: '0123456789abcdef' } : {});
      const parsed = parse(method, answer.body);
      assert.deepEqual(parsed, { ok: false, error: { code: 'not_applicable', message: 'browser mode serves one folder' } }, method);
      assert.equal(answer.status, statusOf(parsed), method);
      assert.equal(answer.status, 200, method);
    }
    assertEnvelope(await apiRequest(h, 'openRecentFolder', { id: h.folder }), 400, 'invalid_request');
    assertEnvelope(await apiRequest(h, 'cancelIndexing', { folder: h.folder }), 400, 'invalid_request');
  });

  it('serves the renderer without the token, with the CSP and the isolation headers', async () => {
    const index = await rawRequest(h.port, '/');
    assert.equal(index.status, 200);
    assert.equal(index.body, FAKE_INDEX);
    assert.match(String(index.headers['content-type']), /^text\/html/);
    assert.equal(
      index.headers['content-security-policy'],
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    assert.equal(index.headers['referrer-policy'], 'no-referrer');
    assert.equal(index.headers['cross-origin-opener-policy'], 'same-origin');
    assert.equal(index.headers['cross-origin-resource-policy'], 'same-origin');
    const script = await rawRequest(h.port, '/assets/app.js');
    assert.equal(script.status, 200);
    assert.equal(script.body, FAKE_SCRIPT);
    assert.match(String(script.headers['content-type']), /^text\/javascript/);
    assert.equal((await rawRequest(h.port, '/executions/abc')).body, FAKE_INDEX, 'a route without an extension gets index.html');
    assert.equal((await rawRequest(h.port, '/missing.js')).status, 404);
    assert.equal((await rawRequest(h.port, '/', { method: 'POST' })).status, 405);
    const head = await rawRequest(h.port, '/assets/app.js', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('never serves a file outside the static root: traversal, encodings, backslashes, NUL and symlinks are 404', async () => {
    symlinkSync(h.secretFile, join(h.staticRoot, 'assets', 'link.txt'));
    symlinkSync(join(h.staticRoot, '..'), join(h.staticRoot, 'up'));
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/.%2e/secret.txt',
      '/%252e%252e/secret.txt',
      '/..\\secret.txt',
      '/assets\\..\\..\\secret.txt',
      '/..%5csecret.txt',
      '/..%5c..%5csecret',
      '/index.html%00.js',
      '/%00',
      '/assets/%00/../../secret.txt',
      '//secret.txt',
      '/assets//../../secret.txt',
      '/assets/link.txt',
      '/up/secret.txt',
      '/%2e%2e',
      '/..',
      '/.env',
      `/${'%'}zz`,
    ];
    for (const path of attempts) {
      const answer = await rawRequest(h.port, path);
      assert.equal(answer.status, 404, `${path} -> ${answer.status}`);
      assert.ok(!answer.body.includes(SECRET.trim()), path);
    }
  });

  it('does not serve a raw NUL or an absolute-form target as a file', async () => {
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(h.port, '127.0.0.1', () => socket.end(`GET /\0/../secret.txt HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (text += chunk));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    assert.ok(!status.includes(SECRET.trim()));
    assert.match(status, /^HTTP\/1\.1 (400|404) /);
    const absolute = await rawRequest(h.port, `http://127.0.0.1:${h.port}/../secret.txt`);
    assert.equal(absolute.status, 404);
  });

  it('streams a change notice within 500 ms of an append to a watched file', async () => {
    await h.inspector.initialScan();
    const stream = new NodeEventSource(`${h.origin}/api/events?token=${h.token}`);
    const received: { at: number; change: IndexChange }[] = [];
    stream.onmessage = (event) => received.push({ at: performance.now(), change: JSON.parse(String(event.data)) as IndexChange });
    try {
      assert.equal(await stream.opened, 200);
      // Let the notices of the initial scan drain, so the next one can only be the append's.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const baseline = received.at(-1)?.change.events ?? -1;
      const seen = received.length;
      const appendedAt = performance.now();
      appendFileSync(h.liveFile, execLine('live-1'));
      while (received.length === seen && performance.now() - appendedAt < 2000) await new Promise((resolve) => setTimeout(resolve, 5));
      const first = received[seen];
      assert.ok(first, 'no change notice within 2 s');
      const latency = first.at - appendedAt;
      console.log(`# SSE change notice ${latency.toFixed(1)} ms after the append`);
      assert.ok(latency < 500, `change notice after ${latency.toFixed(1)} ms`);
      assert.ok(first.change.events > baseline, `events ${first.change.events} > ${baseline}`);
    } finally {
      stream.close();
    }
  });
});

describe('serve: before the renderer is built, and keep-alives', () => {
  let h: ServeHarness;
  before(async () => {
    h = await startServeHarness({ built: false, keepAliveMs: 50 });
  });
  after(async () => {
    await h.close();
  });

  it('serves a built-in page at / that says how to build the renderer, with the CSP', async () => {
    const page = await rawRequest(h.port, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /renderer is not built/);
    assert.match(page.body, /npm run build/);
    assert.doesNotMatch(page.body, /<script|<style|style=/);
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal((await rawRequest(h.port, '/assets/app.js')).status, 404);
  });

  it('sends a keep-alive comment on an idle stream and drops the stream when the server closes', async () => {
    const stream = new NodeEventSource(`${h.origin}/api/events`, { authorization: `Bearer ${h.token}` });
    try {
      assert.equal(await stream.opened, 200);
      const started = Date.now();
      while (!stream.comments.includes(': keep-alive') && Date.now() - started < 2000) await new Promise((resolve) => setTimeout(resolve, 10));
      assert.ok(stream.comments.includes(': keep-alive'), stream.comments.join(','));
      assert.equal(h.server.eventStreams, 1);
    } finally {
      stream.close();
    }
  });
});
