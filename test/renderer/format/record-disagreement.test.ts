import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type * as RecordDisagreement from '../../../renderer/format/record-disagreement';
import { loadRendererModule } from '../load-renderer-module';

const { recordDisagreement } = loadRendererModule<typeof RecordDisagreement>('format/record-disagreement');

describe('a record\'s stream and document disagreeing', () => {
  it('is said in the header with the problem\'s own words and which status is shown', () => {
    const message = 'The observer stream and the record document of exec-b906-disagree disagree on status (stream COMPLETED_PARTIAL, document COMPLETED).';
    const said = recordDisagreement([{ code: 'time.no_zone', message: 'no zone' }, { code: 'record.stream_document_mismatch', message }]);
    assert.ok(said?.startsWith(message), said ?? 'null');
    assert.match(said ?? '', /status shown is the record document's/);
  });

  it('is not said where no such problem was found', () => {
    assert.equal(recordDisagreement([]), null);
    assert.equal(recordDisagreement([{ code: 'record.chain_broken', message: 'broken' }]), null);
  });
});
