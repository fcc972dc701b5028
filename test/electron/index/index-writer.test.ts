import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import { IndexWriter } from '../../../electron/index/index-writer';
import { openIndex, openIndexReadOnly } from '../../../electron/index/open-index';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { prepareWriterStatements } from '../../../electron/index/writer-statements';
import { INDEX_FAMILY_RULES } from '../../../electron/families/family-registry';
import { ExecutionProblems } from '../../../electron/ingest/execution-problems';
import { renormalizeRaw } from '../../../electron/ingest/renormalize-raw';
import { bensonEvent } from '../../fixtures/write-benson';
import { pendingLines } from '../../support/pending-lines';
import { tempFolder } from '../../support/temp-folder';

const T0 = Date.UTC(2026, 0, 5, 10, 0, 0);

/** One PAC told in five lines: its status events disagree, so only the tie-break (rank, then time, then event) decides. */
const PAC_LINES: readonly string[] = [
  bensonEvent('PAC_DISPATCH_START', T0, { pac_id: 'PAC-1', agent_gid: 'GID-07', agent_name: 'Dan' }),
  bensonEvent('CHECKPOINT', T0 + 1_000, { checkpoint_id: 'cp-1', checkpoint_name: 'plan ready', status: 'PASSED' }),
  bensonEvent('PAC_DISPATCH_END', T0 + 5_000, { pac_id: 'PAC-1', status: 'FAILED' }),
  // The same time as the FAILED end and read later: it wins.
  bensonEvent('PAC_DISPATCH_END', T0 + 5_000, { pac_id: 'PAC-1', status: 'COMPLETED' }),
  // Read last but earlier in time: it loses.
  bensonEvent('PAC_DISPATCH_END', T0 + 3_000, { pac_id: 'PAC-1', status: 'BLOCKED' }),
].map((event) => JSON.stringify(event));

interface Opened {
  readonly db: Database.Database;
  readonly writer: IndexWriter;
}

function openWriter(prefix: string): Opened {
  const db = openIndex(join(tempFolder(`${prefix}-db`), 'index.sqlite'), tempFolder(`${prefix}-folder`)).db;
  return { db, writer: new IndexWriter(db, renormalizeRaw, (connection) => new ExecutionProblems(connection), INDEX_FAMILY_RULES) };
}

function createSource(writer: IndexWriter, path: string): number {
  return writer.createSource({ path, dir: '', kind: 'lines', state: 'active', reason: null, identity: null, size: 0, mtime_ms: 0, head_hash: null, head_len: 0 });
}

function executionRow(db: Database.Database): Record<string, unknown> {
  return db.prepare(
    `SELECT family, key, event_count, failure_count, problem_count, exec_problems, first_ts, last_ts, status, outcome, status_rank, status_ts,
       label, actor, open_count, close_count FROM executions`,
  ).get() as Record<string, unknown>;
}

describe('IndexWriter', () => {
  it('stores every column of an event where it belongs, and its raw line byte for byte', () => {
    const { db, writer } = openWriter('writer-columns');
    try {
      const sourceId = createSource(writer, 'benson.jsonl');
      const events = pendingLines(sourceId, 'benson.jsonl', PAC_LINES);
      writer.commit({ events, problems: [], progress: [] });
      const rows = db.prepare('SELECT id, source_id, line, byte_offset, byte_length, ts, family, kind, status, execution_id FROM events ORDER BY id').all() as {
        id: number; source_id: number; line: number; byte_offset: number; byte_length: number; ts: number; family: string; kind: string; status: string | null;
        execution_id: number | null;
      }[];
      assert.deepEqual(
        rows.map((row) => [row.source_id, row.line, row.byte_offset, row.byte_length, row.ts, row.family, row.kind, row.status]),
        events.map((e) => [sourceId, e.line, e.offset, e.length, e.event.timestampMs, 'benson', e.event.kind, e.event.status]),
      );
      // The CHECKPOINT names no pac_id: it joins the PAC open in its file, like every other line of it.
      assert.equal(new Set(rows.map((row) => row.execution_id)).size, 1);
      assert.deepEqual(rows.map((row) => readRaw(db, row.id)), PAC_LINES);
      const checkpoint = db.prepare('SELECT checkpoint_id, name, status, ts, source_id FROM checkpoints').all();
      assert.deepEqual(checkpoint, [{ checkpoint_id: 'cp-1', name: 'plan ready', status: 'PASSED', ts: T0 + 1_000, source_id: sourceId }]);
    } finally {
      db.close();
    }
  });

  it('settles an execution the same whichever batches its events arrive in', () => {
    const oneBatch = openWriter('writer-one-batch');
    let expected: Record<string, unknown>;
    try {
      const sourceId = createSource(oneBatch.writer, 'benson.jsonl');
      oneBatch.writer.commit({ events: pendingLines(sourceId, 'benson.jsonl', PAC_LINES), problems: [], progress: [] });
      expected = executionRow(oneBatch.db);
    } finally {
      oneBatch.db.close();
    }
    assert.equal(expected['status'], 'COMPLETED');
    assert.equal(expected['outcome'], 'ok');
    assert.equal(expected['status_ts'], T0 + 5_000);
    assert.deepEqual([expected['first_ts'], expected['last_ts'], expected['event_count'], expected['open_count'], expected['close_count']], [T0, T0 + 5_000, 5, 1, 3]);
    // One start and three ends: the writer's checker finds the unpaired dispatch.
    assert.equal(expected['exec_problems'], 1);

    for (let split = 1; split < PAC_LINES.length; split++) {
      const { db, writer } = openWriter(`writer-split-${split}`);
      try {
        const sourceId = createSource(writer, 'benson.jsonl');
        const all = pendingLines(sourceId, 'benson.jsonl', PAC_LINES);
        writer.commit({ events: all.slice(0, split), problems: [], progress: [] });
        writer.commit({ events: all.slice(split), problems: [], progress: [] });
        assert.deepEqual(executionRow(db), expected, `split after line ${split}`);
      } finally {
        db.close();
      }
    }
  });

  it('takes a source back and recomputes its executions from the events that remain', () => {
    const { db, writer } = openWriter('writer-reset');
    try {
      const first = createSource(writer, 'a.jsonl');
      const second = createSource(writer, 'b.jsonl');
      // The PAC's start and first end in one file, its later ends in another (each file names the pac_id).
      writer.commit({ events: pendingLines(first, 'a.jsonl', [PAC_LINES[0]!, PAC_LINES[2]!]), problems: [], progress: [] });
      writer.commit({ events: pendingLines(second, 'b.jsonl', [PAC_LINES[3]!, PAC_LINES[4]!]), problems: [], progress: [] });
      assert.equal(executionRow(db)['status'], 'COMPLETED');
      writer.resetSource(second);
      const after = executionRow(db);
      assert.deepEqual([after['status'], after['outcome'], after['event_count'], after['close_count'], after['last_ts']], ['FAILED', 'failed', 2, 1, T0 + 5_000]);
      assert.equal(after['exec_problems'], 0, 'one start and one end left: the dispatch is paired again');
      assert.equal(db.prepare('SELECT count(*) FROM events WHERE source_id = ?').pluck().get(second), 0);
      assert.equal(db.prepare('SELECT count(*) FROM text_runs_fts WHERE text_runs_fts MATCH ?').pluck().get('COMPLETED'), 0, 'its full text is taken back too');
      writer.resetSource(first);
      assert.equal(db.prepare('SELECT count(*) FROM executions').pluck().get(), 0, 'an execution without events is gone');
    } finally {
      db.close();
    }
  });

  it('never gives a block id out twice: a reader that cached a source taken back reads the new lines, not the old', () => {
    const dbPath = join(tempFolder('writer-block-ids-db'), 'index.sqlite');
    const folder = tempFolder('writer-block-ids-folder');
    const open = (): Opened => {
      const db = openIndex(dbPath, folder).db;
      return { db, writer: new IndexWriter(db, renormalizeRaw, (connection) => new ExecutionProblems(connection), INDEX_FAMILY_RULES) };
    };
    let { db, writer } = open();
    const reader = openIndexReadOnly(dbPath);
    try {
      const sourceId = createSource(writer, 'a.jsonl');
      const rawOf = reader.prepare(`SELECT e.raw_block AS block, ${rawTextSql('e')} AS raw FROM events e ORDER BY e.id`);
      writer.commit({ events: pendingLines(sourceId, 'a.jsonl', PAC_LINES.slice(0, 2)), problems: [], progress: [] });
      const before = rawOf.all() as { block: number; raw: string }[];
      assert.deepEqual(before.map((row) => row.raw), PAC_LINES.slice(0, 2), 'the reader has inflated (and cached) the source\'s block');
      // The file was replaced: its blocks, the highest ids in the index, are deleted. The writer starts again (the
      // app was restarted, the reader is another process) and new lines come in.
      writer.resetSource(sourceId);
      db.close();
      ({ db, writer } = open());
      writer.commit({ events: pendingLines(sourceId, 'a.jsonl', PAC_LINES.slice(2, 4)), problems: [], progress: [] });
      const after = rawOf.all() as { block: number; raw: string }[];
      assert.deepEqual(after.map((row) => row.raw), PAC_LINES.slice(2, 4));
      assert.ok(Math.min(...after.map((row) => row.block)) > Math.max(...before.map((row) => row.block)), 'the deleted block ids are not given out again');
    } finally {
      reader.close();
      db.close();
    }
  });

  it('gives a rolled-back batch\'s block ids to no later batch: what the writer read in it is not read again', () => {
    const { db, writer } = openWriter('writer-block-rollback');
    try {
      const sourceId = createSource(writer, 'a.jsonl');
      // Reads every event's raw text (caching its block) and then fails the batch, at its last write: the progress.
      db.exec(`CREATE TEMP TRIGGER read_then_fail BEFORE UPDATE OF line ON main.sources WHEN NEW.line = 999
        BEGIN SELECT ${rawTextSql('e')} FROM events e; SELECT RAISE(ABORT, 'the disk is full'); END`);
      const progress = [{ sourceId, offset: 1, line: 999, pendingBytes: 0 }];
      assert.throws(() => writer.commit({ events: pendingLines(sourceId, 'a.jsonl', PAC_LINES.slice(0, 2)), problems: [], progress }), /the disk is full/);
      assert.equal(db.prepare('SELECT count(*) FROM events').pluck().get(), 0, 'the batch rolled back');
      writer.commit({ events: pendingLines(sourceId, 'a.jsonl', PAC_LINES.slice(2, 4)), problems: [], progress: [] });
      const raws = db.prepare(`SELECT ${rawTextSql('e')} FROM events e ORDER BY e.id`).pluck().all();
      assert.deepEqual(raws, PAC_LINES.slice(2, 4));
    } finally {
      db.close();
    }
  });

  it('drops only the transient problems of a source, found through their own small index', () => {
    const { db, writer } = openWriter('writer-transient');
    try {
      const sourceId = createSource(writer, 'live.jsonl');
      const problems = Array.from({ length: 5_000 }, (_, index) => ({
        sourceId, line: index + 1, code: 'line.invalid_json' as const, message: 'm', transient: index === 4_999,
      }));
      writer.commit({ events: [], problems, progress: [] });
      db.exec('ANALYZE');
      const statement = prepareWriterStatements(db).hasTransient;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all(sourceId) as { detail: string }[]).map((row) => row.detail).join(' | ');
      assert.match(plan, /problems_transient/, plan);
      writer.dropTransientProblems(sourceId);
      assert.deepEqual(db.prepare('SELECT count(*) AS n, sum(transient) AS t FROM problems WHERE source_id = ?').get(sourceId), { n: 4_999, t: 0 });
    } finally {
      db.close();
    }
  });

  it('finds sources by file identity through an index: a first scan asks once per file whether it was renamed', () => {
    const { db, writer } = openWriter('writer-identity');
    try {
      for (let index = 0; index < 2_000; index++) {
        writer.createSource({ path: `d/${index}.jsonl`, dir: 'd', kind: 'lines', state: 'active', reason: null, identity: `1:${index}`, size: 0, mtime_ms: 0, head_hash: null, head_len: 0 });
      }
      db.exec('ANALYZE');
      const statement = prepareWriterStatements(db).sourcesByIdentity;
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${statement.source}`).all('1:7') as { detail: string }[]).map((row) => row.detail).join(' | ');
      assert.match(plan, /USING INDEX sources_identity/, plan);
      assert.deepEqual(writer.sourcesWithIdentity('1:1234').map((source) => source.path), ['d/1234.jsonl']);
    } finally {
      db.close();
    }
  });
});

/** An event's raw line as the index gives it back (the path the writer re-derives executions through). */
function readRaw(db: Database.Database, eventId: number): string {
  return db.prepare(`SELECT ${rawTextSql('e')} AS raw FROM events e WHERE e.id = ?`).pluck().get(eventId) as string;
}
