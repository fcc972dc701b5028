import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { toFtsQuery } from '../../../../electron/index/queries/fts-query';
import { tokenizerTerms } from '../../../../electron/index/queries/query-terms';

describe('toFtsQuery', () => {
  it('quotes every term as a phrase and requires them all', () => {
    assert.deepEqual(toFtsQuery('alpha  beta'), { kind: 'match', expression: '"alpha" AND "beta"' });
    assert.deepEqual(toFtsQuery('say"hi'), { kind: 'match', expression: '"say""hi"' });
    assert.deepEqual(toFtsQuery('a OR b'), { kind: 'match', expression: '"a" AND "OR" AND "b"' });
  });

  it('filters nothing on blank text and matches nothing on punctuation alone', () => {
    assert.deepEqual(toFtsQuery(''), { kind: 'all' });
    assert.deepEqual(toFtsQuery(' \t\n '), { kind: 'all' });
    assert.deepEqual(toFtsQuery(') ( * - "" %'), { kind: 'none' });
  });

  it('drops punctuation-only terms, which would be empty phrases that match nothing', () => {
    assert.deepEqual(toFtsQuery('exec-001 -'), { kind: 'match', expression: '"exec-001"' });
  });

  it('yields expressions FTS5 accepts, whatever the text', () => {
    const db = new Database(':memory:');
    try {
      db.exec("CREATE VIRTUAL TABLE f USING fts5 (text, content = '', contentless_delete = 1)");
      db.prepare('INSERT INTO f (rowid, text) VALUES (1, ?)').run('deploy exec-001 it\'s 50% done NEAR the end');
      const match = db.prepare('SELECT rowid FROM f WHERE f MATCH ?').pluck();
      const texts = ['"', '*', 'NEAR(', '-', "'", '%', ') OR (', 'a" OR "b', 'NOT x', 'col:val', '^x', '{a b}', 'x AND', '\\', 'ё ü 𝒳', 'deploy*', '"deploy"'];
      for (const text of texts) {
        const query = toFtsQuery(text);
        if (query.kind === 'match') assert.doesNotThrow(() => match.all(query.expression), text);
      }
      const found = toFtsQuery("EXEC-001 it's 50%");
      assert.equal(found.kind, 'match');
      if (found.kind === 'match') assert.deepEqual(match.all(found.expression), [1]);
    } finally {
      db.close();
    }
  });
  it('takes a quoted phrase standing alone as one term, its words next to each other; a quote inside a word is text', () => {
    assert.deepEqual(toFtsQuery('"drop table" users'), { kind: 'match', expression: '"drop table" AND "users"' });
    assert.deepEqual(toFtsQuery('users "drop   table"'), { kind: 'match', expression: '"users" AND "drop   table"' });
    assert.deepEqual(toFtsQuery('say"hi'), { kind: 'match', expression: '"say""hi"' });
    assert.deepEqual(toFtsQuery('"drop table'), { kind: 'match', expression: '"""drop" AND "table"' }, 'not closed: words');
    assert.deepEqual(toFtsQuery('""'), { kind: 'none' });
  });

  it('asks whether a term holds a word of the tokenizer it is given', () => {
    const said: string[] = [];
    const query = toFtsQuery('keep drop', (term) => (said.push(term), term === 'keep'));
    assert.deepEqual(query, { kind: 'match', expression: '"keep"' });
    assert.deepEqual(said, ['keep', 'drop']);
  });

  it('knows the index tokenizer\'s words, which JavaScript\'s newer Unicode tables call otherwise, on a read-only, query-only connection', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ei-query-terms-'));
    try {
      new Database(join(dir, 'index.sqlite')).close();
      const db = new Database(join(dir, 'index.sqlite'), { readonly: true });
      db.pragma('query_only = ON');
      const hasTokensByIndex = tokenizerTerms(db);
      for (const term of ['hello', '🥑', '₽', 'a.b', 'ё']) assert.equal(hasTokensByIndex(term), true, term);
      for (const term of ['-', '…', 'ᦰ', '()']) assert.equal(hasTokensByIndex(term), false, term);
      assert.deepEqual(toFtsQuery('🥑 ᦰ', hasTokensByIndex), { kind: 'match', expression: '"🥑"' });
      assert.equal(db.pragma('query_only', { simple: true }), 1, 'still query-only');
      assert.throws(() => db.exec('CREATE TABLE main.x (a)'), /readonly|read-only/i);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
