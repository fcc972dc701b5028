import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lockDownWebContents, restrictPermissions, secureWebPreferences } from '../../../electron/app/window-security';
import { FakeSession, FakeWebContents } from './electron-stand-in';

describe('window security', () => {
  it('web preferences: isolated, sandboxed, no Node, no webview, web security on, no insecure content, no spellcheck; DevTools as asked', () => {
    assert.equal(secureWebPreferences('/app/preload.js', false).devTools, false);
    assert.deepEqual(secureWebPreferences('/app/preload.js', true), {
      preload: '/app/preload.js',
      devTools: true,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: true,
    });
  });

  it('grants clipboard-sanitized-write to our top-level page only, and denies every other permission and asker (request and check)', () => {
    const session = new FakeSession();
    restrictPermissions(session as never, (url) => url.startsWith('app://inspector'));
    const ours = new FakeWebContents('app://inspector/index.html');
    const foreign = new FakeWebContents('https://example.com/');
    const request = (contents: unknown, permission: string, details: { isMainFrame: boolean; requestingUrl: string }): boolean => {
      let granted: boolean | null = null;
      session.permissionRequestHandler?.(contents, permission, (answer) => (granted = answer), details);
      assert.notEqual(granted, null, 'the request is answered');
      return granted as unknown as boolean;
    };
    const check = (contents: unknown, permission: string, origin: string, details: { isMainFrame: boolean; embeddingOrigin?: string }): boolean =>
      session.permissionCheckHandler?.(contents, permission, origin, details) ?? true;

    assert.equal(request(ours, 'clipboard-sanitized-write', { isMainFrame: true, requestingUrl: 'app://inspector/index.html' }), true);
    assert.equal(check(ours, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: true, embeddingOrigin: 'app://inspector' }), true);
    assert.equal(check(ours, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: true }), true);

    // Anything else of our page is denied.
    for (const permission of ['clipboard-read', 'deprecated-sync-clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fileSystem', 'unknown']) {
      assert.equal(request(ours, permission, { isMainFrame: true, requestingUrl: 'app://inspector/index.html' }), false, permission);
      assert.equal(check(ours, permission, 'app://inspector', { isMainFrame: true }), false, permission);
    }
    // The clipboard is denied to a sub-frame, another origin, foreign contents, no contents, and a foreign embedder.
    assert.equal(request(ours, 'clipboard-sanitized-write', { isMainFrame: false, requestingUrl: 'app://inspector/index.html' }), false);
    assert.equal(request(ours, 'clipboard-sanitized-write', { isMainFrame: true, requestingUrl: 'https://example.com/' }), false);
    assert.equal(request(foreign, 'clipboard-sanitized-write', { isMainFrame: true, requestingUrl: 'app://inspector/index.html' }), false);
    assert.equal(check(ours, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: false }), false);
    assert.equal(check(ours, 'clipboard-sanitized-write', 'https://example.com', { isMainFrame: true }), false);
    assert.equal(check(ours, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: true, embeddingOrigin: 'https://example.com' }), false);
    assert.equal(check(foreign, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: true }), false);
    assert.equal(check(null, 'clipboard-sanitized-write', 'app://inspector', { isMainFrame: true }), false);
  });

  it('allows navigation only to our own page and denies redirects, new windows and webviews', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never, (url) => url === 'app://inspector/index.html', true);
    assert.equal(contents.navigate('will-navigate', 'app://inspector/index.html').prevented, false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://inspector/evil.html']) {
      assert.equal(contents.navigate('will-navigate', url).prevented, true, url);
      assert.equal(contents.navigate('will-redirect', url).prevented, true, url);
    }
    assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://example.com/' }), { action: 'deny' });
    assert.equal(contents.attachWebview(), true);
  });

  it('closes DevTools as soon as they open when they are not allowed (an installed app), and leaves them alone otherwise', () => {
    const locked = new FakeWebContents();
    lockDownWebContents(locked as never, () => true, false);
    locked.emit('devtools-opened');
    assert.equal(locked.devToolsClosed, 1);
    const development = new FakeWebContents();
    lockDownWebContents(development as never, () => true, true);
    development.emit('devtools-opened');
    assert.equal(development.devToolsClosed, 0);
  });
});
