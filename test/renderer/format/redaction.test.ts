import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as Redaction from '../../../renderer/format/redaction';
import { loadRendererModule } from '../load-renderer-module';

const { isRedactedValue, redactedFields, redactionView } = loadRendererModule<typeof Redaction>('format/redaction');

const HASH = 'sha256:27f05000bac0936ee9e3b839b6407deadbc315be1dd576392a9e907e33537e0b';

describe('redacted cycle values', () => {
  it('shows REDACTED and hashes standing in for listed fields as a badge, never as recovered text', () => {
    const listed = redactedFields({ args: 'REDACTED', token: HASH, redacted_fields: ['args', 'token', 7] });
    assert.deepEqual([...listed], ['args', 'token']);
    assert.deepEqual(redactionView('args', 'REDACTED', listed), { kind: 'redacted', hash: null });
    assert.deepEqual(redactionView('token', HASH, listed), { kind: 'redacted', hash: HASH });
    assert.deepEqual(redactionView('other', 'REDACTED', new Set()), { kind: 'redacted', hash: null });
  });

  it('shows digests that are not redactions as values', () => {
    assert.deepEqual(redactionView('stdout_digest', HASH, new Set(['args'])), { kind: 'value', text: HASH });
    assert.deepEqual(redactionView('exit_code', 1, new Set()), { kind: 'value', text: '1' });
  });

  it('knows a redaction placeholder', () => {
    assert.equal(isRedactedValue('REDACTED'), true);
    assert.equal(isRedactedValue(HASH), true);
    assert.equal(isRedactedValue('a'.repeat(64)), true);
    assert.equal(isRedactedValue('pytest'), false);
    assert.equal(isRedactedValue(null), false);
  });
});
