import { strict as assert } from 'node:assert';
import { appendFileSync, cpSync, mkdirSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import workerThreads from 'node:worker_threads';
import { writeFixtureFolder } from '../../fixtures/fixture-folder';
import { writeBenchCorpus } from '../../fixtures/bench-corpus';
import { IngestSession, type IngestSessionListener } from '../../../electron/ingest/ingest-session';
import type { IngestOptions } from '../../../electron/ingest/ingest-options';
import type { TimeZoneSettings } from '../../../electron/index/time-zone-settings';
import { indexOnce, query } from '../../support/index-folder';
import { PRODUCER_SAMPLES } from '../../support/producer-samples';
import { tempFolder } from '../../support/temp-folder';
import { snapshot } from '../../support/index-snapshot';
import { assertSameIndex } from '../../support/assert-same-index';


/** Asserts that two indexes say the same (see IndexSnapshot), and that their sources stand at the same offsets and sightings. */
function assertSameDump(actualPath: string, expectedPath: string): void {
  assertSameIndex(snapshot(actualPath), snapshot(expectedPath), 'read ahead');
  for (const sql of [
    'SELECT path, kind, state, offset, line, pending_bytes, event_count, family, carry FROM sources ORDER BY path',
    "SELECT hex(i.identity) AS identity, s.path || ':' || e.line || '/' || e.part AS event FROM event_sightings i JOIN events e ON e.id = i.event_id JOIN sources s ON s.id = e.source_id ORDER BY identity",
  ]) {
    assert.deepEqual(query(actualPath, sql), query(expectedPath, sql), sql);
  }
}

/** A folder of every family, the nasty cases and the real producers' files, with files big enough to read in several pieces. */
function mixedFolder(name: string): string {
  const folder = tempFolder(name);
  writeFixtureFolder(join(folder, 'fixtures'), { seed: 5, scale: 2 });
  cpSync(PRODUCER_SAMPLES, join(folder, 'producers'), { recursive: true });
  writeBenchCorpus(join(folder, 'bulk'), { events: 30_000, files: 5, seed: 3 });
  return folder;
}

/**
 * Counts the parse workers started and keeps the last, with the offsets its
 * files began at. With `exitOnPiece` set, each runs the real worker but exits
 * (fails) when that piece of its reading comes; with `holdReady`, it says it is
 * ready only once told `go` (which the real worker never sees).
 */
const RealWorker = workerThreads.Worker;
let parseWorkersStarted = 0;
let exitOnPiece: number | null = null;
let holdReady = false;
let lastParseWorker: { worker: workerThreads.Worker; begins: { path: string; offset: number }[] } | null = null;
/** Called with every message the reader posts to a parse worker, before the worker gets it. */
let onPosted: ((message: { type: string; reading?: { path: string } }) => void) | null = null;
workerThreads.Worker = class extends RealWorker {
  constructor(filename: string | URL, options?: workerThreads.WorkerOptions) {
    const isParseWorker = String(filename).endsWith('parse-worker.js');
    if (!isParseWorker) {
      super(filename, options);
      return;
    }
    parseWorkersStarted++;
    const real = `require(${JSON.stringify(String(filename))});`;
    // Registered before the real worker's listener, so the piece is never answered.
    const failing = exitOnPiece === null ? '' : `let pieces = 0; port.on('message', (m) => { if (m.type === 'chunk' && ++pieces === ${exitOnPiece}) process.exit(3); });`;
    const held = holdReady
      ? `const post = port.postMessage.bind(port); let waiting = null; let go = false;
         port.postMessage = (m, t) => { if (!go && m && m.type === 'ready') waiting = m; else post(m, t); };
         const on = port.on.bind(port);
         port.on = (name, listener) => on(name, name === 'message' ? (m) => { if (!(m && m.type === 'go')) listener(m); } : listener);
         on('message', (m) => { if (m && m.type === 'go') { go = true; if (waiting) post(waiting); } });`
      : '';
    super(`const port = require('node:worker_threads').parentPort; ${failing} ${held} ${real}`, { ...options, eval: true });
    const begins: { path: string; offset: number }[] = [];
    const postMessage = this.postMessage.bind(this);
    this.postMessage = (message: { type: string; reading?: { path: string }; offset?: number }, transfer?: readonly workerThreads.Transferable[]) => {
      if (message.type === 'begin') begins.push({ path: message.reading?.path ?? '', offset: message.offset ?? -1 });
      onPosted?.(message);
      postMessage(message, transfer);
    };
    lastParseWorker = { worker: this, begins };
  }
} as typeof workerThreads.Worker;
after(() => {
  workerThreads.Worker = RealWorker;
});

describe('reading ahead in a parse worker', () => {
  const folder = mixedFolder('parse-ahead');
  const plain = indexOnce(folder, join(tempFolder('parse-ahead-plain'), 'index.sqlite'), { parseAheadMinBytes: Number.POSITIVE_INFINITY });

  it('gives the very index the writer thread gives by itself, nasty cases and real producers included', async () => {
    const started = parseWorkersStarted;
    const ahead = await indexOnce(folder, join(tempFolder('parse-ahead-ahead'), 'index.sqlite'), { parseAheadMinBytes: 0 });
    assert.ok(parseWorkersStarted > started, 'the parse worker read the folder');
    const expected = snapshot(await plain);
    assert.ok(expected.events.length > 30_000);
    assert.ok(expected.problems.length > 20, 'the nasty cases gave problems');
    assertSameDump(ahead, await plain);
  });

  it('is not started for a scan with no file to read ahead: a reopen of the unchanged folder, small files', async () => {
    const dbPath = join(tempFolder('parse-ahead-reopen'), 'index.sqlite');
    const first = parseWorkersStarted;
    await indexOnce(folder, dbPath);
    assert.equal(parseWorkersStarted - first, 1, 'the first index read the bulk files (over 1 MiB) ahead');
    const reopened = parseWorkersStarted;
    await indexOnce(folder, dbPath);
    assert.equal(parseWorkersStarted, reopened, 'nothing unread: no worker');
    const small = tempFolder('parse-ahead-small');
    cpSync(PRODUCER_SAMPLES, small, { recursive: true });
    const smallPath = await indexOnce(small, join(tempFolder('parse-ahead-small-db'), 'index.sqlite'));
    assert.ok(snapshot(smallPath).events.length > 0);
    assert.equal(parseWorkersStarted, reopened, "the real producers' files, each under 1 MiB: no worker");
  });

  it('reads on by itself when the parse worker fails mid-file, losing and repeating nothing', async () => {
    // The worker answers its first 40 pieces, then exits: a file is then part read ahead, part read by the writer's thread.
    exitOnPiece = 41;
    const started = parseWorkersStarted;
    try {
      const fellBack = await indexOnce(folder, join(tempFolder('parse-ahead-failed'), 'index.sqlite'), { parseAheadMinBytes: 0 });
      assert.equal(parseWorkersStarted - started, 1, 'a failed worker is not started again in the session');
      assertSameDump(fellBack, await plain);
    } finally {
      exitOnPiece = null;
    }
  });
});

/** Cycle lines of one run, their times with or without zone. */
function cycleLines(run: string, count: number, zone: 'Z' | ''): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const timestamp = new Date(Date.UTC(2026, 2, 2, 6, 0, 0) + index * 1_000).toISOString().replace('Z', zone);
    lines.push(JSON.stringify({
      schema_version: '0.1', timestamp, source: 'planner', run_id: run, cycle: 1 + (index % 7), event: index % 50 === 0 ? 'cycle.failed' : 'plan.generated',
      payload: { steps: index % 5, confidence: 0.5, inputs: ['user_goal', 'memory_context'], note: 'x'.repeat(index % 90) },
      tags: { agent: 'default', task: `task-${index % 3}` },
    }));
  }
  return `${lines.join('\n')}\n`;
}

/** Two runs' cycle logs, a.jsonl read first, b.jsonl's times with or without zone. */
function twoRuns(name: string, aLines: number, bZone: 'Z' | ''): string {
  const folder = tempFolder(name);
  mkdirSync(join(folder, 'runs'));
  writeFileSync(join(folder, 'runs', 'a.jsonl'), cycleLines('run-a', aLines, 'Z'));
  writeFileSync(join(folder, 'runs', 'b.jsonl'), cycleLines('run-b', 12_000, bZone));
  return folder;
}

async function indexWith(folder: string, dbPath: string, options: Partial<IngestOptions>, timeZones?: TimeZoneSettings, listener?: IngestSessionListener): Promise<string> {
  const session = new IngestSession({ folder: realpathSync(folder), dbPath, options, timeZones }, listener);
  try {
    await session.indexOnce();
  } finally {
    await session.close();
  }
  return dbPath;
}

describe('reading the next file ahead', () => {
  it('reads again what it read ahead when the file is then read in another producer zone', async () => {
    // While a.jsonl's last pieces are parsed, b.jsonl's first are read ahead, before its zone is applied.
    const folder = twoRuns('parse-ahead-zones', 12_000, '');
    const zones: TimeZoneSettings = { folderZone: null, files: { 'runs/b.jsonl': 'America/New_York' } };
    const plain = await indexWith(folder, join(tempFolder('parse-ahead-zones-plain'), 'index.sqlite'), { parseAheadMinBytes: Number.POSITIVE_INFINITY }, zones);
    const ahead = await indexWith(folder, join(tempFolder('parse-ahead-zones-ahead'), 'index.sqlite'), { parseAheadMinBytes: 0 }, zones);
    const first = query<{ ts: number }>(ahead, "SELECT e.ts FROM events e JOIN sources s ON s.id = e.source_id WHERE s.path = 'runs/b.jsonl' ORDER BY e.id LIMIT 1");
    // 06:00 in New York on 2 March 2026 is 11:00 UTC.
    assert.deepEqual(first, [{ ts: Date.UTC(2026, 2, 2, 11, 0, 0) }]);
    assertSameDump(ahead, plain);
  });
});

describe('while the parse worker starts', () => {
  it('reads the first file on the writer\'s thread, then hands the rest to the worker where the lines read end', async () => {
    // a.jsonl is big enough to be read in several 1 MiB chunks before the worker says it is ready.
    const folder = twoRuns('parse-ahead-start', 30_000, 'Z');
    const plain = await indexOnce(folder, join(tempFolder('parse-ahead-start-plain'), 'index.sqlite'), { parseAheadMinBytes: Number.POSITIVE_INFINITY });
    holdReady = true;
    try {
      let told = false;
      const ahead = await indexWith(folder, join(tempFolder('parse-ahead-start-ahead'), 'index.sqlite'), { parseAheadMinBytes: 0 }, undefined, {
        onProgress: (progress) => {
          // The worker is told it may say so once the writer's thread has read a chunk of the first file by itself.
          if (told || progress.bytesDone === 0) return;
          told = true;
          lastParseWorker?.worker.postMessage({ type: 'go' });
        },
      });
      const begins = lastParseWorker?.begins ?? [];
      assert.equal(begins[0]?.path, 'runs/a.jsonl');
      assert.ok((begins[0]?.offset ?? 0) > 0, 'the worker began the first file where the lines read by the writer\'s thread ended');
      assertSameDump(ahead, plain);
    } finally {
      holdReady = false;
    }
  });
});

/** A folder of `files` small files of the bench corpus (100 events, about 25 KiB, each; every family), over 1 MiB in all. */
function smallFiles(name: string, files: number): { folder: string; paths: string[] } {
  const folder = tempFolder(name);
  writeBenchCorpus(folder, { events: files * 100, files, seed: 11 });
  const paths = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
  return { folder, paths };
}

describe('a folder of many small files', () => {
  it('is read through the parse worker, several files ahead, into the very index the writer gives by itself', async () => {
    const { folder, paths } = smallFiles('parse-ahead-many', 400);
    assert.equal(paths.length, 400);
    const plain = await indexOnce(folder, join(tempFolder('parse-ahead-many-plain'), 'index.sqlite'), { parseAheadMinBytes: Number.POSITIVE_INFINITY });
    const started = parseWorkersStarted;
    let commits = 0;
    // The app's defaults: every file is under 1 MiB, the folder over it.
    const ahead = await indexWith(folder, join(tempFolder('parse-ahead-many-ahead'), 'index.sqlite'), {}, undefined, { onCommit: () => commits++ });
    assert.equal(parseWorkersStarted - started, 1, 'the worker read the small files');
    const begun = new Set((lastParseWorker?.begins ?? []).map((begin) => begin.path));
    // The first files are read by the writer's thread while the worker starts (about 170 ms, more on a busy machine).
    assert.ok(begun.size >= 200, `${begun.size} of 400 files went through the worker`);
    assertSameDump(ahead, plain);
    assert.equal(query<{ n: number }>(ahead, 'SELECT count(*) AS n FROM events')[0]?.n, 40_000);
    // 40,000 events in batches of 4,000: a commit per file would be 400.
    assert.ok(commits <= 20, `${commits} commits for 400 files`);
  });

  it('reads by itself what a file read ahead whole gained before its turn', async () => {
    const { folder, paths } = smallFiles('parse-ahead-grown', 400);
    const grown = paths[350] as string;
    // The file ends in half a line when it is read ahead; the rest of that line and more come before its turn.
    const half = JSON.stringify({ schema_version: '0.1', timestamp: '2026-03-02T06:00:00Z', source: 'planner', run_id: 'run-grown', cycle: 1, event: 'plan.generated', payload: {} });
    appendFileSync(join(folder, grown), half.slice(0, 40));
    let filesDone = 0;
    let doneWhenAppended: number | null = null;
    let begunGrown = false;
    onPosted = (message) => {
      if (message.type === 'begin') begunGrown = message.reading?.path === grown;
      if (message.type === 'finish' && begunGrown && doneWhenAppended === null) {
        doneWhenAppended = filesDone;
        appendFileSync(join(folder, grown), `${half.slice(40)}\n${half.replace('run-grown', 'run-grown-2')}\n`);
      }
    };
    let ahead: string;
    try {
      ahead = await indexWith(folder, join(tempFolder('parse-ahead-grown-ahead'), 'index.sqlite'), {}, undefined, { onProgress: (progress) => (filesDone = progress.filesDone) });
    } finally {
      onPosted = null;
    }
    assert.notEqual(doneWhenAppended, null, 'the file was read through the worker');
    // Its turn: the files the writer's thread read while the worker started, then the worker's files before it.
    const begun = [...new Set((lastParseWorker?.begins ?? []).map((begin) => begin.path))];
    const turn = paths.length - begun.length + begun.indexOf(grown);
    assert.ok((doneWhenAppended ?? turn) < turn, `appended after it was read ahead whole, before its turn (${doneWhenAppended} files done, its turn ${turn})`);
    // What a read of the file as it is now gives.
    const plain = await indexOnce(folder, join(tempFolder('parse-ahead-grown-plain'), 'index.sqlite'), { parseAheadMinBytes: Number.POSITIVE_INFINITY });
    assertSameDump(ahead, plain);
    const runs = query<{ key: string }>(ahead, "SELECT key FROM executions WHERE key LIKE 'run-grown%' ORDER BY key").map((row) => row.key);
    assert.deepEqual(runs, ['run-grown', 'run-grown-2']);
    assert.deepEqual(query(ahead, "SELECT code FROM problems WHERE code = 'line.truncated'"), []);
  });
});
