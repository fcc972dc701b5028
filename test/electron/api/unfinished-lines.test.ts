import { strict as assert } from 'node:assert';
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openIndexReadOnly } from '../../../electron/index/open-index';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { API, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import { indexedService } from '../../support/indexed-service';
import { tempFolder } from '../../support/temp-folder';

describe('files whose last line has no newline yet, while the folder is watched', () => {
  it('are listed with the bytes that wait, and only they, so the folder page can say so', async () => {
    const folder = realpathSync(tempFolder('unfinished-lines'));
    mkdirSync(join(folder, 'logs'));
    const line = (n: number): string => `{"timestamp":"2026-03-01T10:00:0${n}Z","trace_id":"t-${n}","status":"success","action_type":"a","product":"p"}`;
    // A producer that died mid-write: its last record has no newline.
    const cut = line(3).slice(0, 40);
    writeFileSync(join(folder, 'logs', 'crashed.jsonl'), `${line(1)}\n${line(2)}\n${cut}`);
    writeFileSync(join(folder, 'logs', 'finished.jsonl'), `${line(4)}\n`);
    const dbPath = join(tempFolder('unfinished-db'), 'index.sqlite');
    const session = new IngestSession({ folder, dbPath });
    try {
      await session.watch();
    } finally {
      await session.close();
    }
    const db = openIndexReadOnly(dbPath);
    try {
      const api = indexedService(folder, db, tempFolder('unfinished-data'));
      const list = async (request: ApiRequest<'listSources'>): Promise<ApiResponse<'listSources'>> => {
        const result = await api.call('listSources', request);
        return result.ok ? API.listSources.response.parse(result.value) : assert.fail(result.error.message);
      };
      const unfinished = await list({ states: ['active'], unfinished: true });
      assert.deepEqual(unfinished.items.map((file) => [file.path, file.pendingBytes, file.eventCount]), [['logs/crashed.jsonl', Buffer.byteLength(cut), 2]]);
      const all = await list({ states: ['active'] });
      assert.deepEqual(all.items.map((file) => file.path), ['logs/crashed.jsonl', 'logs/finished.jsonl']);
    } finally {
      db.close();
    }
  });
});
