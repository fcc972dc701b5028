import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { detectFamily } from '../../electron/families/family-registry';
import { searchText } from '../../electron/ingest/search-text';
import { listFiles } from './parse-baseline';

// The most the block design could give on this machine: an idealized skeleton of its scan, not the index.
// Parse workers read each line (JSON.parse, family detection and a few facts read straight off the object: no
// normalizer, no problem, no label), deflate the lines in 64 KiB blocks with their facts packed per block, and
// sum each piece's executions; the writer (this process's main thread) stores only blocks and executions, no row
// per line. With `fullText`, the workers also derive each line's search text and the writer stores it in runs of
// 32 events, as the index does. Everything the index must also do is left out (problems, resume marks, derived
// rows, checks, the executions' other columns and indexes), so the real design could only be slower.
// Runs in a process of its own: `node block-design-ceiling.js folder workers full|lists`; prints one JSON line.

/** What the skeleton did, and how long until its last commit. */
export interface BlockDesignCeiling {
  readonly lines: number;
  readonly workers: number;
  readonly fullText: boolean;
  /** From the start (workers included) to the last commit: an index announces its lists there, before its durable checkpoint. */
  readonly ms: number;
  /** The writer's time inside its transactions. */
  readonly writerMs: number;
  readonly executions: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
}

/** What a worker reads: its share of the files, with their source ids. */
interface WorkerTask {
  readonly files: readonly (readonly [path: string, sourceId: number])[];
  readonly fullText: boolean;
}

/** One piece of a file as a worker hands it over. */
interface Piece {
  readonly sourceId: number;
  lines: number;
  readonly blocks: Buffer[];
  /** Per block: offset, length, time, failed and the places of family, key, status and actor in its strings, per line. */
  readonly facts: Buffer[];
  readonly strings: string[];
  /** Per execution seen in the piece: family, key. */
  readonly keys: string[];
  readonly statuses: (string | null)[];
  /** Per execution: first time, last time, events, failures, block within the piece. */
  readonly sums: Float64Array;
  /** Each line's search text, in order (fullText only). */
  readonly texts: string[];
}

const PIECE_BYTES = 4 << 20;
const BLOCK_BYTES = 64 * 1024;
const RUN_EVENTS = 32;
const COLUMNS = Array.from({ length: RUN_EVENTS }, (_, index) => `e${index}`);

/**
 * Runs the skeleton over a folder's `.jsonl` files in a scratch database, removed after; `inspect` is shown
 * the database before it closes (tests check that every byte was stored).
 */
export async function measureBlockDesign(folder: string, workers: number, fullText: boolean, inspect?: (db: Database.Database) => void): Promise<BlockDesignCeiling> {
  const work = mkdtempSync(join(tmpdir(), 'ei-block-ceiling-'));
  try {
    const started = performance.now();
    const cpu = process.cpuUsage();
    const db = new Database(join(work, 'index.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('wal_autocheckpoint = 262144');
    db.exec(`CREATE TABLE blocks (id INTEGER PRIMARY KEY, source_id INTEGER NOT NULL, data BLOB NOT NULL, facts BLOB NOT NULL, strings TEXT NOT NULL);
      CREATE TABLE executions (id INTEGER PRIMARY KEY, family TEXT NOT NULL, key TEXT NOT NULL, first_ts INTEGER, last_ts INTEGER, status TEXT,
        event_count INTEGER NOT NULL, failure_count INTEGER NOT NULL, first_block INTEGER, last_block INTEGER, UNIQUE (family, key));
      CREATE INDEX executions_first_ts ON executions (first_ts, id);
      CREATE INDEX executions_last_ts ON executions (last_ts, id);
      CREATE VIRTUAL TABLE text_runs_fts USING fts5 (${COLUMNS.join(', ')}, content = '', contentless_delete = 1);`);
    const insertBlock = db.prepare('INSERT INTO blocks (id, source_id, data, facts, strings) VALUES (?, ?, ?, ?, ?)');
    const executionId = db.prepare('SELECT id FROM executions WHERE family = ? AND key = ?').pluck();
    const insertExecution = db.prepare(
      'INSERT INTO executions (family, key, first_ts, last_ts, status, event_count, failure_count, first_block, last_block) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const mergeExecution = db.prepare(
      'UPDATE executions SET first_ts = min(first_ts, ?), last_ts = max(last_ts, ?), status = coalesce(?, status), event_count = event_count + ?, failure_count = failure_count + ?, last_block = ? WHERE id = ?',
    );
    const insertRun = db.prepare(`INSERT INTO text_runs_fts (rowid, ${COLUMNS.join(', ')}) VALUES (?, ${COLUMNS.map(() => '?').join(', ')})`);
    let blockId = 0;
    let runId = 0;
    let lines = 0;
    let writerMs = 0;
    const store = db.transaction((piece: Piece) => {
      const first = blockId + 1;
      piece.blocks.forEach((block, index) => insertBlock.run(++blockId, piece.sourceId, block, piece.facts[index], piece.strings[index]));
      for (let at = 0; at < piece.statuses.length; at++) {
        const family = piece.keys[at * 2] as string;
        const key = piece.keys[at * 2 + 1] as string;
        const s = piece.sums.subarray(at * 5, at * 5 + 5);
        const block = first + (s[4] as number);
        const id = executionId.get(family, key) as number | undefined;
        if (id === undefined) insertExecution.run(family, key, nullable(s[0]), nullable(s[1]), piece.statuses[at], s[2], s[3], block, block);
        else mergeExecution.run(nullable(s[0]), nullable(s[1]), piece.statuses[at], s[2], s[3], block, id);
      }
      for (let at = 0; at < piece.texts.length; at += RUN_EVENTS) {
        const run: (string | null)[] = piece.texts.slice(at, at + RUN_EVENTS);
        while (run.length < RUN_EVENTS) run.push(null);
        insertRun.run(++runId, ...run);
      }
      lines += piece.lines;
    });
    const files = listFiles(folder).map((path, index) => ({ path, sourceId: index + 1, bytes: statSync(path).size }));
    const shares = Array.from({ length: workers }, () => ({ files: [] as [string, number][], bytes: 0 }));
    for (const file of files.sort((a, b) => b.bytes - a.bytes)) {
      const share = shares.reduce((a, b) => (a.bytes <= b.bytes ? a : b));
      share.files.push([file.path, file.sourceId]);
      share.bytes += file.bytes;
    }
    await Promise.all(
      shares.map(
        (share) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(__filename, { workerData: { files: share.files, fullText } satisfies WorkerTask });
            worker.on('message', (piece: Piece | null) => {
              if (piece === null) return resolve();
              const at = performance.now();
              store(piece);
              writerMs += performance.now() - at;
            });
            worker.once('error', reject);
          }),
      ),
    );
    if (fullText) db.prepare("INSERT INTO text_runs_fts (text_runs_fts, rank) VALUES ('merge', 500)").run();
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const executions = db.prepare('SELECT count(*) FROM executions').pluck().get() as number;
    inspect?.(db);
    db.close();
    return { lines, workers, fullText, ms, writerMs, executions, cpuMs: (used.user + used.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A worker: reads its files and hands over each 4 MiB piece. */
function readShare(task: WorkerTask): void {
  for (const [path, sourceId] of task.files) {
    const bytes = readFileSync(path);
    for (let start = 0; start < bytes.length; ) start = readPiece(bytes, start, sourceId, task.fullText);
  }
  parentPort?.postMessage(null);
}

/** Reads the lines that start within one piece from `start`; returns where the next piece starts. */
function readPiece(bytes: Buffer, from: number, sourceId: number, fullText: boolean): number {
  const end = Math.min(bytes.length, from + PIECE_BYTES);
  const piece: Piece = { sourceId, lines: 0, blocks: [], facts: [], strings: [], keys: [], statuses: [], sums: new Float64Array(0), texts: [] };
  const sums = new Map<string, { family: string; key: string; first: number; last: number; events: number; failures: number; status: string | null; block: number }>();
  let blockStart = from;
  let facts: number[] = [];
  let names = new Map<string, number>();
  const place = (value: unknown): number => {
    if (typeof value !== 'string') return -1;
    let at = names.get(value);
    if (at === undefined) names.set(value, (at = names.size));
    return at;
  };
  const endBlock = (at: number): void => {
    piece.blocks.push(deflateRawSync(bytes.subarray(blockStart, at), { level: 1 }));
    piece.facts.push(Buffer.from(Float64Array.from(facts).buffer));
    piece.strings.push(JSON.stringify([...names.keys()]));
    facts = [];
    names = new Map();
    blockStart = at;
  };
  let start = from;
  while (start < end) {
    const newline = bytes.indexOf(10, start);
    const stop = newline === -1 ? bytes.length : newline;
    if (stop === start) {
      start = stop + 1;
      continue;
    }
    const object = JSON.parse(bytes.toString('utf8', start, stop)) as Record<string, unknown>;
    const family = detectFamily(object);
    const time = object['timestamp'] ?? object['ts'] ?? object['time'] ?? object['timestamp_start'];
    const ms = typeof time === 'string' ? Date.parse(time) : Number.NaN;
    const key = object['trace_id'] ?? object['execution_id'] ?? object['run_id'] ?? object['pac_id'];
    const status = object['status'] ?? object['event'] ?? object['kind'];
    const failed = object['error_code'] !== undefined || status === 'FAILED' || status === 'failed' ? 1 : 0;
    facts.push(start - blockStart, stop - start, ms, failed, place(family), place(key), place(status), place(object['actor']));
    if (typeof key === 'string') {
      const id = `${family}\u0000${key}`;
      let sum = sums.get(id);
      if (sum === undefined) sums.set(id, (sum = { family, key, first: ms, last: ms, events: 0, failures: 0, status: null, block: piece.blocks.length }));
      if (ms < sum.first) sum.first = ms;
      if (ms > sum.last) sum.last = ms;
      sum.events++;
      sum.failures += failed;
      if (typeof status === 'string') sum.status = status;
    }
    if (fullText) piece.texts.push(searchText(object));
    piece.lines++;
    start = stop + 1;
    if (start - blockStart >= BLOCK_BYTES) endBlock(start);
  }
  if (start > blockStart) endBlock(Math.min(start, bytes.length));
  const numbers: number[] = [];
  for (const sum of sums.values()) {
    piece.keys.push(sum.family, sum.key);
    piece.statuses.push(sum.status);
    numbers.push(sum.first, sum.last, sum.events, sum.failures, sum.block);
  }
  const sumsArray = Float64Array.from(numbers);
  parentPort?.postMessage({ ...piece, sums: sumsArray }, [sumsArray.buffer]);
  return start;
}

function nullable(value: number | undefined): number | null {
  return value === undefined || Number.isNaN(value) ? null : value;
}

if (!isMainThread) {
  readShare(workerData as WorkerTask);
} else if (require.main === module) {
  const [folder, workers, mode] = process.argv.slice(2);
  if (folder === undefined || workers === undefined || (mode !== 'full' && mode !== 'lists')) throw new Error('usage: block-design-ceiling.js folder workers full|lists');
  void measureBlockDesign(folder, Number(workers), mode === 'full').then((result) => process.stdout.write(`${JSON.stringify(result)}\n`));
}
