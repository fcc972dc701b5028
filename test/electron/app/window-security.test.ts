import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { denyAllPermissions, lockDownWebContents, secureWebPreferences } from '../../../electron/app/window-security';
import { FakeSession, FakeWebContents } from './electron-stand-in';

describe('window security', () => {
  it('web preferences: isolated, sandboxed, no Node, no webview, web security on, no insecure content, no spellcheck', () => {
    assert.deepEqual(secureWebPreferences('/app/preload.js'), {
      preload: '/app/preload.js',
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

  it('denies every permission request and check', () => {
    const session = new FakeSession();
    denyAllPermissions(session as never);
    let granted: boolean | null = null;
    session.permissionRequestHandler?.(null, 'media', (answer) => (granted = answer));
    assert.equal(granted, false);
    assert.equal(session.permissionCheckHandler?.(null, 'clipboard-sanitized-write', 'app://inspector'), false);
  });

  it('allows navigation only to our own page and denies redirects, new windows and webviews', () => {
    const contents = new FakeWebContents();
    lockDownWebContents(contents as never, (url) => url === 'app://inspector/index.html');
    assert.equal(contents.navigate('will-navigate', 'app://inspector/index.html').prevented, false);
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://inspector/evil.html']) {
      assert.equal(contents.navigate('will-navigate', url).prevented, true, url);
      assert.equal(contents.navigate('will-redirect', url).prevented, true, url);
    }
    assert.deepEqual(contents.windowOpenHandler?.({ url: 'https://example.com/' }), { action: 'deny' });
    assert.equal(contents.attachWebview(), true);
  });
});
