import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { PendingEvent } from '../../../electron/index/ingest-batch';
import { IndexWriter } from '../../../electron/index/index-writer';
import { openIndex } from '../../../electron/index/open-index';
import { INDEX_FAMILY_RULES } from '../../../electron/families/family-registry';
import { ExecutionProblems } from '../../../electron/ingest/execution-problems';
import { renormalizeRaw } from '../../../electron/ingest/renormalize-raw';
import { lineToEvent } from '../../../electron/ingest/line-to-event';
import { PendingBatch } from '../../../electron/ingest/pending-batch';
import { ScanProgress } from '../../../electron/ingest/scan-progress';
import { tempFolder } from '../../support/temp-folder';

function genericEvent(sourceId: number, line: number): PendingEvent {
  const raw = JSON.stringify({ message: `line ${line}` });
  const outcome = lineToEvent(raw);
  if (outcome.type !== 'event') throw new Error('not an event');
  return { sourceId, line, part: 0, offset: (line - 1) * 100, length: 100, raw, searchText: outcome.searchText, event: outcome.event, label: null, extraProblems: [], packed: null, facts: null };
}

describe('PendingBatch', () => {
  it('commits a batch once it is full, with the offset of its last line, and counts what it holds', () => {
    const db = openIndex(join(tempFolder('batch-db'), 'index.sqlite'), tempFolder('batch-folder')).db;
    try {
      const writer = new IndexWriter(db, renormalizeRaw, (connection) => new ExecutionProblems(connection), INDEX_FAMILY_RULES);
      const sourceId = writer.createSource({ path: 'a.jsonl', dir: '', kind: 'lines', state: 'active', reason: null, identity: null, size: 0, mtime_ms: 0, head_hash: null, head_len: 0 });
      const scan = new ScanProgress();
      const commits: number[] = [];
      const batch = new PendingBatch(writer, 3, scan, (added) => commits.push(added));
      for (let line = 1; line <= 7; line++) {
        batch.addEvent(genericEvent(sourceId, line));
        batch.setProgress({ sourceId, offset: line * 100, line, pendingBytes: 0 });
        batch.flushIfFull();
        // Committed with its events: the stored offset never runs ahead of them nor lags behind.
        const stored = writer.sourceById(sourceId)!;
        const events = db.prepare('SELECT count(*) FROM events').pluck().get() as number;
        assert.equal(stored.offset, events * 100, `after line ${line}`);
      }
      assert.deepEqual(commits, [3, 3]);
      batch.lineProblem(sourceId, 8, 'line.invalid_json', 'not JSON');
      batch.flush();
      batch.flush();
      assert.deepEqual(commits, [3, 3, 1], 'the rest goes at flush; an empty flush commits nothing');
      assert.deepEqual([scan.counts.events, scan.counts.problems], [7, 1]);
      assert.equal(db.prepare("SELECT count(*) FROM problems WHERE code = 'line.invalid_json' AND line = 8").pluck().get(), 1);
    } finally {
      db.close();
    }
  });

  it("stores a file's head with the batch that stores its lines, and alone when nothing else is waiting", () => {
    const db = openIndex(join(tempFolder('batch-head-db'), 'index.sqlite'), tempFolder('batch-head-folder')).db;
    try {
      const writer = new IndexWriter(db, renormalizeRaw, (connection) => new ExecutionProblems(connection), INDEX_FAMILY_RULES);
      const source = (path: string): number =>
        writer.createSource({ path, dir: '', kind: 'lines', state: 'active', reason: null, identity: null, size: 0, mtime_ms: 0, head_hash: null, head_len: 0 });
      const [a, b] = [source('a.jsonl'), source('b.jsonl')];
      const head = (id: number): [string | null, number] => [writer.sourceById(id)!.head_hash, writer.sourceById(id)!.head_len];
      const batch = new PendingBatch(writer, 2, new ScanProgress());
      batch.setHead({ sourceId: a, hash: 'a'.repeat(64), length: 4096 });
      batch.addEvent(genericEvent(a, 1));
      batch.setProgress({ sourceId: a, offset: 100, line: 1, pendingBytes: 0 });
      batch.flushIfFull();
      assert.deepEqual(head(a), [null, 0], 'not before its lines');
      batch.addEvent(genericEvent(a, 2));
      batch.setProgress({ sourceId: a, offset: 200, line: 2, pendingBytes: 0 });
      batch.flushIfFull();
      assert.deepEqual(head(a), ['a'.repeat(64), 4096]);
      batch.setHead({ sourceId: b, hash: 'b'.repeat(64), length: 10 });
      batch.flush();
      assert.deepEqual(head(b), ['b'.repeat(64), 10]);
    } finally {
      db.close();
    }
  });
});
