import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as FieldFlags from '../../../renderer/format/field-flags';
import { loadRendererModule } from '../load-renderer-module';

const { payloadFieldFlags } = loadRendererModule<typeof FieldFlags>('format/field-flags');

const problems = [
  { code: 'cycle.secret_like_value', message: 'payload.password looks like a credential (its field is named like a password, secret, API key or token); it should be redacted', eventId: 7 },
  { code: 'cycle.secret_like_value', message: 'payload.env.API_TOKEN looks like a credential; it should be redacted', eventId: 7 },
  { code: 'cycle.unredacted_value', message: 'payload.args is listed in redacted_fields but is not "REDACTED" or a hash', eventId: 7 },
  { code: 'cycle.secret_like_value', message: 'payload["odd key"] looks like a bearer token; it should be redacted', eventId: 7 },
  { code: 'cycle.secret_like_value', message: 'payload.password looks like a credential; it should be redacted', eventId: 8 },
  { code: 'time.no_zone', message: 'payload.password has no zone', eventId: 7 },
] as const;

describe('flags of payload fields from the problems of their event', () => {
  it('flags the field a secret or an unredacted listed field is in, nested secrets on their top-level field', () => {
    const flags = payloadFieldFlags(problems, 7, 'payload', ['password', 'passwordHint', 'env', 'args', 'odd key', 'command']);
    assert.deepEqual([...flags.keys()].sort(), ['args', 'env', 'odd key', 'password']);
    assert.equal(flags.get('password')?.[0]?.label, 'looks like a secret');
    assert.equal(flags.get('args')?.[0]?.label, 'listed as redacted, not redacted');
    assert.equal(flags.get('env')?.length, 1);
  });

  it('never flags a field by a prefix of its name, another event, or another kind of problem', () => {
    const flags = payloadFieldFlags(problems, 7, 'payload', ['passwordHint', 'command']);
    assert.equal(flags.size, 0);
    assert.equal(payloadFieldFlags(problems, 9, 'payload', ['password']).size, 0);
  });
});
