import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CONTENT_SECURITY_POLICY, enforceContentSecurityPolicy, withContentSecurityPolicy } from '../../../electron/app/content-security-policy';
import { FakeSession } from './electron-stand-in';

describe('content security policy', () => {
  it('is the strict policy: only our own origin, no framing, forms or base', () => {
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
  });

  it('replaces a policy a response carried, in any letter case, and keeps the other headers', () => {
    assert.deepEqual(withContentSecurityPolicy({ 'CONTENT-Security-Policy': "script-src 'unsafe-eval'", Server: 'x', Vary: ['a', 'b'] }), {
      Server: ['x'],
      Vary: ['a', 'b'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    assert.deepEqual(withContentSecurityPolicy(undefined), { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('is applied to every response of the session', () => {
    const session = new FakeSession();
    enforceContentSecurityPolicy(session as never);
    let answered: unknown;
    session.headersReceived?.({ responseHeaders: {} }, (response) => (answered = response));
    assert.deepEqual(answered, { responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
});
