import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readLegacyAcknowledgements } from '../../../electron/inspect/legacy-acknowledgements';
import { tempFolder } from '../../support/temp-folder';

describe('readLegacyAcknowledgements', () => {
  const folder = '/evidence/incident-7';
  const key = createHash('sha256').update(folder).digest('hex').slice(0, 32);

  it('reads the older file of this folder with each acknowledgement\'s line, and names the lines that hold none', () => {
    const dataDir = tempFolder('legacy-data');
    mkdirSync(join(dataDir, 'acknowledgements'));
    const ack = { id: 'a1', executionId: 'record:exec-drop-7', reviewer: 'Ada', note: null, scaffoldHash: '0'.repeat(64), acknowledgedAt: '2026-01-02T03:04:05.000Z' };
    writeFileSync(join(dataDir, 'acknowledgements', `${key}.jsonl`), `${JSON.stringify(ack)}\n{"id":"x"}\n\n${JSON.stringify({ ...ack, id: 'a2' })}\n{torn`);
    const read = readLegacyAcknowledgements(dataDir, folder);
    assert.equal(read.file, join(dataDir, 'acknowledgements', `${key}.jsonl`));
    assert.deepEqual(read.items.map((item) => [item.acknowledgement.id, item.line]), [['a1', 1], ['a2', 4]]);
    assert.deepEqual(read.unreadableLines, [2, 5]);
  });

  it('finds nothing, and creates nothing, when there is no older file', () => {
    const dataDir = tempFolder('legacy-none');
    assert.deepEqual(readLegacyAcknowledgements(dataDir, folder).items, []);
    assert.deepEqual(readdirSync(dataDir), []);
  });
});
