import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COLD_BUILD_ENV, COLD_CHECKPOINT_ENV, COLD_CHECKPOINT_PAGES } from '../../../electron/index/cold-build';
import { openIndex, openIndexReadOnly, removeIndexFiles } from '../../../electron/index/open-index';
import { rawTextSql } from '../../../electron/index/raw-blocks';
import { IngestSession } from '../../../electron/ingest/ingest-session';
import { indexWithColdMode, indexList, isMarked, writeColdBuildFolder } from '../../support/cold-build-folder';
import { indexOnce, query } from '../../support/index-folder';
import { indexAndKill } from '../../support/index-and-kill';
import { snapshot } from '../../support/index-snapshot';
import { assertSameIndex } from '../../support/assert-same-index';
import { tempFolder } from '../../support/temp-folder';

/** What the writer's connection looked like while the first scan loaded. */
interface DuringLoad {
  readonly marked: boolean;
  readonly synchronous: number;
  readonly autocheckpoint: number;
  readonly indexes: number;
  readonly readerSaw: number;
}

/** Exec-event lines, one trace each, named `<prefix>-<n>` from `from`. */
function traceLines(prefix: string, count: number, from = 0): string {
  const line = (n: number): string => `${JSON.stringify({ trace_id: `${prefix}-${from + n}`, action_type: 'send_email', adapter: 'smtp', status: 'success', timestamp: '2026-03-02T10:15:04.120Z' })}\n`;
  return Array.from({ length: count }, (_, n) => line(n)).join('');
}

/** Watches the writer's connection at its first commit: the state cold mode runs in, and what a reader sees meanwhile. */
function observer(dbPath: string, session: () => IngestSession): { readonly onCommit: () => void; readonly during: () => DuringLoad | null } {
  let during: DuringLoad | null = null;
  return {
    onCommit: () => {
      if (during !== null) return;
      const db = session().db;
      const reader = openIndexReadOnly(dbPath);
      try {
        during = {
          marked: (db.prepare('SELECT count(*) FROM cold_build').pluck().get() as number) > 0,
          synchronous: db.pragma('synchronous', { simple: true }) as number,
          autocheckpoint: db.pragma('wal_autocheckpoint', { simple: true }) as number,
          indexes: db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index'").pluck().get() as number,
          // The API's connection reads while the writer loads, the sorts without their indexes.
          readerSaw: reader.prepare('SELECT count(*) FROM (SELECT id FROM executions ORDER BY last_ts DESC, id LIMIT 50)').pluck().get() as number,
        };
      } finally {
        reader.close();
      }
    },
    during: () => during,
  };
}

/** Events committed so far by a writer in another process; 0 (and -1 before the marker) while the index is not there yet. */
function committedEvents(dbPath: string): number {
  try {
    return isMarked(dbPath) ? (query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM events')[0]?.n ?? 0) : -1;
  } catch {
    return -1;
  }
}

/** The indexes SQLite makes for UNIQUE and PRIMARY KEY constraints (they have no statement). */
function autoIndexes(dbPath: string): number {
  return query<{ n: number }>(dbPath, "SELECT count(*) AS n FROM sqlite_master WHERE type = 'index' AND sql IS NULL")[0]?.n ?? 0;
}

describe('a first index built in cold mode', async () => {
  const folder = writeColdBuildFolder('cold', 16_000);
  const cleanPath = await indexWithColdMode(folder, join(tempFolder('cold-clean'), 'index.sqlite'), false);
  const clean = snapshot(cleanPath);
  const cleanIndexes = indexList(cleanPath);

  it('holds the same rows and the same indexes as one built without it, and is durable and unmarked at the end', async () => {
    const dbPath = join(tempFolder('cold-db'), 'index.sqlite');
    let session: IngestSession | null = null;
    const watch = observer(dbPath, () => session as IngestSession);
    let atScanned: { readonly marked: boolean; readonly indexes: { name: string; sql: string }[]; readonly byEventCount: number[] } | null = null;
    const byEventCount = (path: string): number[] =>
      query<{ id: number }>(path, 'SELECT id FROM executions ORDER BY event_count DESC, id DESC LIMIT 50').map((row) => row.id);
    const onScanned = (): void => void (atScanned = { marked: isMarked(dbPath), indexes: indexList(dbPath), byEventCount: byEventCount(dbPath) });
    session = new IngestSession({ folder, dbPath, coldBuild: true }, { onCommit: watch.onCommit, onScanned });
    const allIndexes = (session.db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index'").pluck().get() as number);
    try {
      await session.indexOnce();
      const during = watch.during();
      assert.ok(during !== null);
      assert.equal(during.marked, true, 'the marker was committed before the load');
      assert.equal(during.synchronous, 1, 'synchronous = NORMAL while loading: each checkpoint syncs');
      assert.equal(during.autocheckpoint, COLD_CHECKPOINT_PAGES, 'checkpoints seldom while loading');
      assert.ok(during.indexes < allIndexes - 25, `the deferred indexes were dropped (${during.indexes} of ${allIndexes})`);
      assert.equal(during.readerSaw, 50, 'a reader pages the executions meanwhile');
      assert.equal(session.db.pragma('synchronous', { simple: true }), 1, 'synchronous = NORMAL again');
      assert.equal(session.db.pragma('wal_autocheckpoint', { simple: true }), 8192, 'automatic checkpoints again');
      // Lists are announced usable once the indexes they need are there, before the executions' other sorts and
      // the sync that clears the marker; a page in such a sort is read by sorting every execution meanwhile.
      const settled = ['executions_event_count', 'executions_failure_count', 'executions_family_event_count', 'executions_family_failure_count',
        'executions_family_last_ts', 'executions_family_problem_count', 'executions_key', 'executions_problem_count'];
      assert.deepEqual(atScanned, { marked: true, indexes: cleanIndexes.filter((index) => !settled.includes(index.name)), byEventCount: byEventCount(cleanPath) });
      assert.equal(cleanIndexes.filter((index) => settled.includes(index.name)).length, settled.length);
    } finally {
      await session.close();
    }
    assert.equal(isMarked(dbPath), false);
    assert.deepEqual(indexList(dbPath), cleanIndexes);
    assertSameIndex(snapshot(dbPath), clean, 'the index');
  });

  it('is only used for the first scan of an empty index', async () => {
    const small = tempFolder('cold-second');
    writeFileSync(join(small, 'first.jsonl'), traceLines('first', 1));
    const dbPath = await indexWithColdMode(small, join(tempFolder('cold-second-db'), 'index.sqlite'), true);
    writeFileSync(join(small, 'later.jsonl'), traceLines('later', 1));
    let session: IngestSession | null = null;
    const watch = observer(dbPath, () => session as IngestSession);
    session = new IngestSession({ folder: small, dbPath, coldBuild: true }, { onCommit: watch.onCommit });
    try {
      await session.indexOnce();
    } finally {
      await session.close();
    }
    assert.deepEqual(watch.during(), { marked: false, synchronous: 1, autocheckpoint: 8192, indexes: cleanIndexes.length + autoIndexes(dbPath), readerSaw: 2 });
  });

  it('a cancelled first scan leaves a durable, fully indexed, unmarked index that resumes to the clean one', async () => {
    const dbPath = join(tempFolder('cold-cancel'), 'index.sqlite');
    let commits = 0;
    const session: IngestSession = new IngestSession(
      { folder, dbPath, coldBuild: true, options: { batchEvents: 200 } },
      { onCommit: () => (++commits === 5 ? void session.cancel() : undefined) },
    );
    try {
      const progress = await session.indexOnce();
      assert.equal(progress.phase, 'cancelled');
    } finally {
      await session.close();
    }
    assert.equal(isMarked(dbPath), false);
    assert.deepEqual(indexList(dbPath), cleanIndexes);
    const partial = query<{ n: number }>(dbPath, 'SELECT count(*) AS n FROM events')[0]?.n ?? 0;
    assert.ok(partial > 0 && partial < clean.events.length, `cancelled part-way (${partial} events)`);
    await indexOnce(folder, dbPath);
    assertSameIndex(snapshot(dbPath), clean, 'the index');
  });

  it('runs the watched first scan cold and what is appended afterwards as always', async () => {
    const watched = join(tempFolder('cold-watch'), 'evidence');
    mkdirSync(watched);
    const file = join(watched, 'exec.jsonl');
    writeFileSync(file, traceLines('w', 3000));
    const dbPath = join(tempFolder('cold-watch-db'), 'index.sqlite');
    let session: IngestSession | null = null;
    const watch = observer(dbPath, () => session as IngestSession);
    const traces = (): string[] => query<{ raw: string }>(dbPath, `SELECT ${rawTextSql('e')} AS raw FROM events e ORDER BY e.id`).map((r) => JSON.parse(r.raw).trace_id as string);
    let onAppended: () => void = () => undefined;
    const onCommit = (): void => {
      watch.onCommit();
      if (traces().length === 3002) onAppended();
    };
    session = new IngestSession({ folder: watched, dbPath, coldBuild: true, options: { batchEvents: 500 } }, { onCommit });
    try {
      await session.watch();
      assert.equal(watch.during()?.marked, true, 'the initial scan ran cold');
      assert.equal(isMarked(dbPath), false, 'and finished before watch() resolved');
      assert.deepEqual(indexList(dbPath), cleanIndexes);
      assert.equal(traces().length, 3000);
      const appended = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the appended lines were not indexed')), 10_000);
        onAppended = () => resolve(clearTimeout(timer));
      });
      appendFileSync(file, traceLines('w', 2, 3000));
      await appended;
      assert.equal(traces().length, 3002);
      assert.equal(session.db.pragma('synchronous', { simple: true }), 1, 'appends are written with synchronous = NORMAL');
      assert.equal(isMarked(dbPath), false);
    } finally {
      await session.close();
    }
    assert.deepEqual(traces(), Array.from({ length: 3002 }, (_, i) => `w-${i}`), 'every line once, in order');
    assert.deepEqual(indexList(dbPath), cleanIndexes);
  });

  it('killed (SIGKILL) at any point, is found marked, checked and resumed to exactly the clean index', async () => {
    const dbPath = join(tempFolder('cold-kill'), 'index.sqlite');
    // Checkpointed every 64 pages, so the kills land before, inside and after the load's checkpoints.
    const cold = { [COLD_BUILD_ENV]: 'on', [COLD_CHECKPOINT_ENV]: '64' };
    let marked = 0;
    // From an empty index each time, killed once the load has committed this share of the
    // events: right after the marker, through the load, and at its end (creating the indexes).
    for (const share of [0, 0.2, 0.5, 0.8, 1]) {
      removeIndexFiles(dbPath);
      const killed = await indexAndKill(folder, dbPath, () => committedEvents(dbPath) >= share * clean.events.length, cold);
      if (killed.outcome === 'killed' && isMarked(dbPath)) {
        marked++;
        const opened = openIndex(dbPath, folder);
        opened.db.close();
        // A killed process loses nothing the kernel was given: the check must pass, never find a false fault.
        assert.equal(opened.rebuiltBecause, null, `killed at ${share}: checked and resumed, not rebuilt`);
        assert.equal(isMarked(dbPath), false);
        assert.deepEqual(indexList(dbPath), cleanIndexes);
      }
      const finished = await indexAndKill(folder, dbPath, 600_000, cold);
      assert.equal(finished.outcome, 'finished');
      assert.equal(finished.stderr, '', 'nothing was rebuilt');
      const resumed = snapshot(dbPath);
      assert.equal(resumed.events.length, clean.events.length, `killed at ${share}: event count`);
      assertSameIndex(resumed, clean, `killed at ${share}: identical to the clean index`);
      assert.deepEqual(indexList(dbPath), cleanIndexes);
    }
    assert.ok(marked >= 3, `most kills interrupted a cold build (${marked} of 5)`);
  });
});
