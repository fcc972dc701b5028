import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as JsonText from '../../../renderer/format/json-text';
import type * as StreamEvent from '../../../renderer/format/stream-event';
import type * as VisibleControls from '../../../renderer/format/visible-controls';
import { loadRendererModule } from '../load-renderer-module';

const { withVisibleControls, shownParts } = loadRendererModule<typeof VisibleControls>('format/visible-controls');
const { prettyJson, plainText, valueText } = loadRendererModule<typeof JsonText>('format/json-text');
const { streamEventLine } = loadRendererModule<typeof StreamEvent>('format/stream-event');

// A file name that reads "invoice_gpj.exe" but is shown as "invoice_exe.jpg" by a right-to-left override.
const SPOOFED = 'invoice_\u202Egpj.exe';

describe('hidden controls in log text', () => {
  it('are written out as escapes: bidirectional overrides, isolates, marks, zero-width spaces, a byte order mark', () => {
    assert.equal(withVisibleControls(SPOOFED), 'invoice_\\u202egpj.exe');
    for (const control of ['\u061C', '\u200B', '\u200C', '\u200E', '\u200F', '\u202A', '\u202D', '\u2060', '\u2066', '\u2069', '\uFEFF']) {
      assert.equal(withVisibleControls(`a${control}b`), `a\\u${(control.codePointAt(0) as number).toString(16).padStart(4, '0')}b`);
    }
  });

  it('leave ordinary text, right-to-left scripts and emoji sequences as they are', () => {
    for (const text of ['plain', 'שלום עולם', 'مرحبا', '👨‍👩‍👧 family', 'tab\tand newline\n', '']) assert.equal(withVisibleControls(text), text);
  });

  it('are cut out of the text they sit in, for a view that marks them', () => {
    assert.deepEqual(shownParts(SPOOFED), [{ text: 'invoice_' }, { control: '\\u202e' }, { text: 'gpj.exe' }]);
    assert.deepEqual(shownParts('\u2066x\u2069'), [{ control: '\\u2066' }, { text: 'x' }, { control: '\\u2069' }]);
    assert.deepEqual(shownParts('clean'), [{ text: 'clean' }]);
    assert.deepEqual(shownParts(''), [{ text: '' }]);
  });

  it('are escaped in pretty JSON, which stays valid JSON of the same value, and in values shown as text', () => {
    const value = { file: SPOOFED, nested: [SPOOFED] };
    const pretty = prettyJson(value) ?? assert.fail('pretty JSON');
    assert.ok(!pretty.includes('\u202E'));
    assert.deepEqual(JSON.parse(pretty), value);
    assert.equal(plainText(SPOOFED), 'invoice_\\u202egpj.exe');
    assert.equal(valueText(SPOOFED), '"invoice_\\u202egpj.exe"');
  });

  it('are escaped in a mission stream event\'s line, as the live tail shows it', () => {
    const preview = JSON.stringify({ event_type: 'navigation', payload: { action: 'download', url: `https://example.test/${SPOOFED}`, detail: 'saved' } });
    const row = { id: 1, ts: 0, family: 'stream', kind: 'navigation', status: null, errorCode: null, actor: null, failed: false, executionId: null, preview } as unknown as Parameters<typeof streamEventLine>[0];
    const line = streamEventLine(row);
    assert.ok(!line.summary.includes('\u202E'), line.summary);
    assert.match(line.summary, /invoice_\\u202egpj\.exe/);
  });
});
