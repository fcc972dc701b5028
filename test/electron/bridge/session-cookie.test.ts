import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { cookieValues, hasSessionCookie, sessionCookieName, setCookieHeader, withoutToken } from '../../../electron/bridge/session-cookie';

const session = { name: sessionCookieName(41873), value: 'S'.repeat(43) };

describe('session cookie', () => {
  it('is named for its port, HttpOnly, SameSite=Strict, Path=/ and without Domain or expiry', () => {
    assert.equal(session.name, 'execution_inspector_session_41873');
    assert.notEqual(sessionCookieName(41874), session.name);
    assert.equal(setCookieHeader(session), `execution_inspector_session_41873=${'S'.repeat(43)}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('reads every value of its name from a Cookie header and matches only the exact value', () => {
    assert.deepEqual(cookieValues('a=1; execution_inspector_session_41873=x; b=2;execution_inspector_session_41873=y', session.name), ['x', 'y']);
    assert.deepEqual(cookieValues(undefined, session.name), []);
    assert.equal(hasSessionCookie(session, { cookie: `other=1; ${session.name}=${session.value}` }), true);
    assert.equal(hasSessionCookie(session, { cookie: `${session.name}=${session.value.slice(1)}` }), false);
    assert.equal(hasSessionCookie(session, { cookie: `x${session.name}=${session.value}` }), false);
    assert.equal(hasSessionCookie(session, { cookie: `execution_inspector_session_41874=${session.value}` }), false);
    assert.equal(hasSessionCookie(session, {}), false);
  });

  it('takes only the token out of a page address, and never yields a protocol-relative one', () => {
    assert.equal(withoutToken('/?token=abc'), '/');
    assert.equal(withoutToken('/x?a=1&token=abc&b=2'), '/x?a=1&b=2');
    assert.equal(withoutToken('/x?tokens=1&token=a&token=b'), '/x?tokens=1');
    assert.equal(withoutToken('/plain'), '/plain');
    assert.equal(withoutToken('//evil.example/?token=a'), '/evil.example/');
    assert.equal(withoutToken('/\\evil?token=a'), '/evil');
    assert.equal(withoutToken('/\\/evil?token=a'), '/evil');
  });
});
