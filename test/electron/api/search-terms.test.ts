import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { indexedApi } from '../../support/indexed-service';
import { tempFolder } from '../../support/temp-folder';

const folder = tempFolder('search-terms');
const MESSAGES = ['deploy 🥑 to canary', 'deploy plain build', 'ᦰ deploy script', 'DROP TABLE users', 'drop the table of users', 'paid 100₽ fee'];

const api = indexedApi(folder, () => {
  mkdirSync(join(folder, 'logs'));
  const lines = MESSAGES.map((message, n) => JSON.stringify({ timestamp: `2026-03-01T10:00:0${n}Z`, level: 'INFO', message }));
  writeFileSync(join(folder, 'logs', 'service.jsonl'), `${lines.join('\n')}\n`);
});

/** The messages a search finds, in time order. */
async function found(query: string): Promise<string[]> {
  const { items } = await api.call('listEvents', { query, limit: 50 });
  return items.map((item) => (JSON.parse(item.preview) as { message: string }).message);
}

describe('search terms as the index tokenizes them', () => {
  it('finds a symbol the index holds as a word, alone and with other words', async () => {
    assert.deepEqual(await found('🥑'), ['deploy 🥑 to canary']);
    assert.deepEqual(await found('deploy 🥑'), ['deploy 🥑 to canary'], 'not every deploy: the symbol is required');
    assert.deepEqual(await found('100₽'), ['paid 100₽ fee']);
  });

  it('leaves out a letter the index splits on, instead of matching nothing', async () => {
    assert.deepEqual(await found('ᦰ deploy'), ['deploy 🥑 to canary', 'deploy plain build', 'ᦰ deploy script']);
  });

  it('holds a quoted phrase\'s words together, and unquoted words anywhere', async () => {
    assert.deepEqual(await found('"drop table"'), ['DROP TABLE users']);
    assert.deepEqual(await found('drop table'), ['DROP TABLE users', 'drop the table of users']);
  });
});
