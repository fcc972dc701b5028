import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as SecretMask from '../../../renderer/format/secret-mask';
import { loadRendererModule } from '../load-renderer-module';

const { maskFlaggedValues } = loadRendererModule<typeof SecretMask>('format/secret-mask');

/** The parts as one text, each masked run in brackets. */
function shown(parts: readonly SecretMask.TextPart[]): string {
  return parts.map((part) => (part.masked ? `[${part.text}]` : part.text)).join('');
}

const LINE = JSON.stringify({
  schema_version: '0.1',
  event: 'executor.command_started',
  payload: { command: 'psql', password: 'hunter2-fixture', passwordHint: 'the usual', env: { API_TOKEN: 'tok-123', HOME: '/root' }, args: ['--host', 'Bearer eyJabc.def'], 'odd key': 'AKIAABCDEFGHIJKLMNOP', retries: 3 },
});

describe("masking the values a line's secret flags name", () => {
  it('masks exactly the named values, nested and in arrays, and keeps every other character as written', () => {
    const parts = maskFlaggedValues(LINE, [
      'payload.password looks like a credential; it should be redacted',
      'payload.env.API_TOKEN looks like a credential; it should be redacted',
      'payload.args[1] looks like a bearer token; it should be redacted',
      'payload["odd key"] looks like an AWS access key id; it should be redacted',
    ]);
    assert.equal(parts.map((part) => part.text).join(''), LINE, 'the parts are the line, cut into runs');
    assert.equal(
      shown(parts),
      '{"schema_version":"0.1","event":"executor.command_started","payload":{"command":"psql","password":["hunter2-fixture"],"passwordHint":"the usual","env":{"API_TOKEN":["tok-123"],"HOME":"/root"},"args":["--host",["Bearer eyJabc.def"]],"odd key":["AKIAABCDEFGHIJKLMNOP"],"retries":3}}',
    );
    assert.deepEqual(
      parts.filter((part) => part.masked).map((part) => part.text),
      ['"hunter2-fixture"', '"tok-123"', '"Bearer eyJabc.def"', '"AKIAABCDEFGHIJKLMNOP"'],
    );
  });

  it('masks everything under a field the flag names, and never a field whose name only starts like it', () => {
    const parts = maskFlaggedValues(LINE, ['payload.env is listed in redacted_fields but is not "REDACTED" or a hash']);
    assert.deepEqual(parts.filter((part) => part.masked).map((part) => part.text), ['"tok-123"', '"/root"']);
    const password = maskFlaggedValues(LINE, ['payload.password looks like a credential; it should be redacted']);
    assert.ok(shown(password).includes('"passwordHint":"the usual"'), 'passwordHint stays');
  });

  it('masks every value under the root a count-only flag names', () => {
    const parts = maskFlaggedValues(LINE, ['3 more values under payload look like secrets']);
    const masked = parts.filter((part) => part.masked).map((part) => part.text);
    assert.ok(masked.includes('"psql"') && masked.includes('3') && masked.includes('"the usual"'));
    assert.ok(!masked.includes('"executor.command_started"'), 'outside payload stays');
    assert.ok(maskFlaggedValues(LINE, ['2 more fields listed in redacted_fields are not redacted']).some((part) => part.masked && part.text === '"hunter2-fixture"'));
  });

  it('masks a value cut by the end of a preview, and pretty-printed JSON as well as a line', () => {
    const cut = LINE.slice(0, LINE.indexOf('hunter2') + 4);
    const parts = maskFlaggedValues(cut, ['payload.password looks like a credential; it should be redacted']);
    assert.equal(parts.at(-1)?.masked, true);
    assert.ok(!shown(parts.filter((part) => !part.masked)).includes('hunt'));
    const pretty = JSON.stringify(JSON.parse(LINE), null, 2);
    const prettyParts = maskFlaggedValues(pretty, ['payload.password looks like a credential; it should be redacted']);
    assert.equal(prettyParts.map((part) => part.text).join(''), pretty);
    assert.deepEqual(prettyParts.filter((part) => part.masked).map((part) => part.text), ['"hunter2-fixture"']);
  });

  it('masks the rest of a line that stops reading as JSON, and leaves an unflagged line whole', () => {
    const odd = '{"payload": {"password": hunter2-fixture, "x": 1}}';
    const parts = maskFlaggedValues(odd, ['payload.password looks like a credential; it should be redacted']);
    assert.ok(!parts.filter((part) => !part.masked).some((part) => part.text.includes('hunter2')));
    assert.deepEqual(maskFlaggedValues(LINE, []), [{ text: LINE, masked: false }]);
    assert.deepEqual(maskFlaggedValues('plain text with a password', ['payload.password looks like a credential']), [{ text: 'plain text with a password', masked: true }]);
  });
});
