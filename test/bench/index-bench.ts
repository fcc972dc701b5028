import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchCorpus } from '../fixtures/bench-corpus';
import { listFiles, parseBaseline } from './parse-baseline';

// `npm run bench`: figures for the index, each next to a baseline measured in the same run.
const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, files: { type: 'string', default: '20' }, seed: { type: 'string', default: '7' } },
});
const events = Number(values.events);
const files = Number(values.files);
const seed = Number(values.seed);

interface ChildResult {
  readonly ms: number;
  readonly events: number;
  readonly bytes: number;
  readonly maxRssMb: number;
}

function indexInChild(folder: string, dbPath: string): ChildResult {
  const child = join(__dirname, 'index-child.js');
  const result = spawnSync(process.execPath, [child, folder, dbPath], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`indexing failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChildResult;
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function sizeOfIndex(dbPath: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(dbPath + suffix) ? statSync(dbPath + suffix).size : 0), 0);
}

function main(): void {
  const work = join(tmpdir(), `ei-bench-${events}-${files}-${seed}`);
  const corpus = join(work, 'corpus');
  const marker = join(work, 'corpus.json');
  if (!existsSync(marker)) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(corpus, { recursive: true });
    const t = performance.now();
    const written = writeBenchCorpus(corpus, { events, files, seed });
    writeFileSync(marker, JSON.stringify(written));
    console.log(`corpus: wrote ${fmt(written.events)} events, ${fmt(written.bytes / 1e6, 1)} MB in ${fmt(performance.now() - t)} ms`);
  }
  const written = JSON.parse(readFileSync(marker, 'utf8')) as { events: number; bytes: number; files: number };
  console.log(`corpus: ${fmt(written.events)} events, ${written.files} files, ${fmt(written.bytes / 1e6, 1)} MB (${fmt(written.bytes / written.events)} bytes/line) at ${corpus}`);

  // Baseline twice, the faster one counts: both then read from a warm page cache, like the index does.
  const baseline = [parseBaseline(corpus), parseBaseline(corpus)].sort((a, b) => a.ms - b.ms)[0]!;
  const baselineRate = (baseline.lines / baseline.ms) * 1000;

  const dbPath = join(work, 'index.sqlite');
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}-wal`, { force: true });
  rmSync(`${dbPath}-shm`, { force: true });
  const cold = indexInChild(corpus, dbPath);
  const coldRate = (cold.events / cold.ms) * 1000;
  const indexBytes = sizeOfIndex(dbPath);

  const reopen = indexInChild(corpus, dbPath);

  // Append 10,000 clean lines to one file and index again: the work should follow the appended bytes.
  const extra = join(work, 'extra');
  rmSync(extra, { recursive: true, force: true });
  writeBenchCorpus(extra, { events: 10_000, files: 1, seed: seed + 1, keyPrefix: 'appended-' });
  const appended = readFileSync(listFiles(extra)[0]!);
  const target = listFiles(corpus)[0]!;
  const originalSize = statSync(target).size;
  appendFileSync(target, appended);
  let append: ChildResult;
  try {
    append = indexInChild(corpus, dbPath);
  } finally {
    truncateSync(target, originalSize);
  }
  const coldBytesPerMs = written.bytes / cold.ms;
  const appendBytesPerMs = appended.length / append.ms;

  const rows: [string, string, string][] = [
    ['baseline: read + JSON.parse', `${fmt(baselineRate)} lines/s`, `${fmt(baseline.ms)} ms for ${fmt(baseline.lines)} lines`],
    ['cold index', `${fmt(coldRate)} events/s`, `${fmt(cold.ms)} ms; ${fmt((coldRate / baselineRate) * 100, 1)}% of baseline (target >= 40%)`],
    ['peak RSS of the indexing process', `${fmt(cold.maxRssMb)} MB`, 'target <= 300 MB'],
    ['index size on disk', `${fmt(indexBytes / 1e6, 1)} MB`, `${fmt(indexBytes / written.bytes, 2)}x the input`],
    ['reopen, folder unchanged', `${fmt(reopen.ms)} ms`, `indexed ${reopen.events} events (target < 200 ms, incl. worker start)`],
    ['append 10,000 lines, re-index', `${fmt(append.ms)} ms`, `${fmt(append.events)} events, ${fmt(appended.length / 1e6, 2)} MB appended`],
    ['append cost vs cold, per byte', `${fmt(appendBytesPerMs / coldBytesPerMs, 2)}x`, `time ratio ${fmt(append.ms / cold.ms, 4)} for byte ratio ${fmt(appended.length / written.bytes, 4)}`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nmachine: ${process.platform} ${process.arch}, node ${process.versions.node}, ${new Date().toISOString()}`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${note}`);
}

main();
