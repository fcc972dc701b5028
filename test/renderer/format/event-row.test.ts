import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as EventRowModule from '../../../renderer/format/event-row';
import { loadRendererModule } from '../load-renderer-module';

const { eventRowCells } = loadRendererModule<typeof EventRowModule>('format/event-row');

const ROW: EventRowModule.EventRow = {
  id: 12,
  ts: Date.UTC(2026, 2, 2, 9, 20, 12, 894),
  family: 'cycle',
  kind: 'executor.command_started',
  status: null,
  errorCode: null,
  actor: null,
  failed: false,
  executionId: 'cycle:run-1',
  source: { path: 'logs/telemetry/run-1.jsonl', line: 6, byteOffset: 900, byteLength: 180, gone: false },
  preview: '{"event":"executor.command_started",\n  "payload":{"command":"psql","password":"hunter2-fixture","redacted_fields":["args"]}}',
  secretFlags: [],
};

describe('the cells of an events list row', () => {
  it('shows the raw preview as one line of text when nothing is flagged', () => {
    const cells = eventRowCells(ROW);
    assert.deepEqual(cells.preview, [{ text: '{"event":"executor.command_started", "payload":{"command":"psql","password":"hunter2-fixture","redacted_fields":["args"]}}', masked: false }]);
    assert.equal(cells.location, 'logs/telemetry/run-1.jsonl:6');
  });

  it('masks the value a secret flag names in the preview, and only that value', () => {
    const cells = eventRowCells({ ...ROW, secretFlags: [{ code: 'cycle.secret_like_value', message: 'payload.password looks like a credential (its field is named like a password, secret, API key or token); it should be redacted' }] });
    assert.deepEqual(
      cells.preview.filter((part) => part.masked).map((part) => part.text),
      ['"hunter2-fixture"'],
    );
    assert.ok(!cells.preview.filter((part) => !part.masked).some((part) => part.text.includes('hunter2')));
    assert.equal(cells.preview.map((part) => part.text).join(''), eventRowCells(ROW).preview.map((part) => part.text).join(''), 'masking changes what is hidden, never the text');
  });
});
