import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { APP_INDEX_URL, createAppProtocolHandler, isAppIndexUrl, isAppOrigin, resolveAppPath } from '../../../electron/app/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/app/content-security-policy';
import { tempFolder } from '../../support/temp-folder';

function rendererFolder(): { root: string; outside: string } {
  const base = tempFolder('app-protocol');
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(base, 'secret.txt'), 'secret');
  return { root, outside: base };
}

describe('app:// protocol', () => {
  it('knows our origin and our index page', () => {
    assert.equal(APP_INDEX_URL, 'app://inspector/index.html');
    assert.equal(isAppOrigin('app://inspector/assets/app.js'), true);
    assert.equal(isAppOrigin('app://evil/index.html'), false);
    assert.equal(isAppOrigin('app://user:pw@inspector/index.html'), false);
    assert.equal(isAppOrigin('https://inspector/index.html'), false);
    assert.equal(isAppOrigin('not a url'), false);
    assert.equal(isAppIndexUrl('app://inspector/index.html#/executions'), true);
    assert.equal(isAppIndexUrl('app://inspector/index.html?x=1'), false);
    assert.equal(isAppIndexUrl('app://inspector/other.html'), false);
  });

  it('maps URLs to files inside the renderer folder and refuses every way out', () => {
    const root = '/srv/renderer';
    assert.equal(resolveAppPath(root, 'app://inspector/'), join(root, 'index.html'));
    assert.equal(resolveAppPath(root, 'app://inspector/assets/app.js'), join(root, 'assets', 'app.js'));
    assert.equal(resolveAppPath(root, 'app://inspector/assets/a%20b.js'), join(root, 'assets', 'a b.js'));
    for (const url of [
      'app://inspector/..%2f..%2fetc%2fpasswd',
      'app://inspector/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://inspector/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://inspector/..%5c..%5cwindows%5cwin.ini',
      'app://inspector/C:%2fWindows%2fwin.ini',
      'app://inspector/%2fetc%2fpasswd/..%2f..',
      'app://inspector/index.html%00.js',
      'app://inspector/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      assert.equal(resolveAppPath(root, url), null, url);
    }
  });

  it('serves files with their type and the policy header; refuses traversal, symbolic links out and other methods', async () => {
    const { root, outside } = rendererFolder();
    symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'));
    const handler = createAppProtocolHandler(root);

    const index = await handler(new Request('app://inspector/index.html'));
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(index.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await index.text(), /<title>x<\/title>/);

    const script = await handler(new Request('app://inspector/assets/app.js'));
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');

    for (const url of ['app://inspector/..%2fsecret.txt', 'app://inspector/assets/link.txt']) {
      const refused = await handler(new Request(url));
      assert.equal(refused.status, 403, url);
      assert.equal(refused.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
      assert.doesNotMatch(await refused.text(), /secret/);
    }
    assert.equal((await handler(new Request('app://inspector/missing.js'))).status, 404);
    assert.equal((await handler(new Request('app://inspector/assets'))).status, 404);
    assert.equal((await handler(new Request('app://inspector/index.html', { method: 'POST', body: 'x' }))).status, 405);
  });
});
