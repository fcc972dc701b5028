import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeBenchCorpus } from '../fixtures/bench-corpus';
import type { BlockDesignCeiling } from './block-design-ceiling';
import { benchCorpusLnavFormat, lnavCount, type LnavResult } from './lnav-rate';
import { indexInChild, type ChildResult } from './index-in-child';
import { listFiles, parseBaseline } from './parse-baseline';

// `npm run bench`: figures for the index, each next to yardsticks measured in the same run:
// a read + JSON.parse of the corpus, and lnav (where installed) loading the same files.
const { values } = parseArgs({
  options: { events: { type: 'string', default: '1000000' }, files: { type: 'string', default: '20' }, seed: { type: 'string', default: '7' } },
});
const events = Number(values.events);
const files = Number(values.files);
const seed = Number(values.seed);

/** writer-ceiling's line: the writer alone on events parsed beforehand. */
interface CeilingResult {
  readonly events: number;
  readonly writeMs: number;
  readonly finishMs: number;
}

/** Events parsed beforehand are held in memory: the writer's ceiling is measured on this many at most. */
const CEILING_EVENTS = 200_000;

function writerCeilingInChild(folder: string): CeilingResult {
  const child = join(__dirname, 'writer-ceiling.js');
  const result = spawnSync(process.execPath, [child, folder, String(CEILING_EVENTS)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the writer's ceiling failed: ${result.stderr}`);
  return JSON.parse(result.stdout) as CeilingResult;
}

/** The block design's idealized scan (block-design-ceiling.ts) with one parse worker, then with two. */
function blockDesignCeilings(folder: string, mode: 'lists' | 'full'): BlockDesignCeiling[] {
  return [1, 2].map((workers) => {
    const result = spawnSync(process.execPath, [join(__dirname, 'block-design-ceiling.js'), folder, String(workers), mode], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the block design's ceiling failed: ${result.stderr}`);
    return JSON.parse(result.stdout) as BlockDesignCeiling;
  });
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function sizeOfIndex(dbPath: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(dbPath + suffix) ? statSync(dbPath + suffix).size : 0), 0);
}

/** The bench corpus in `work/<name>`, written once and reused by later runs (its marker is written last). */
function benchCorpus(work: string, name: string, traceIds: 'ordered' | 'random'): { corpus: string; written: { events: number; bytes: number; files: number } } {
  const corpus = join(work, name);
  const marker = join(work, `${name}.json`);
  if (!existsSync(marker)) {
    rmSync(corpus, { recursive: true, force: true });
    mkdirSync(corpus, { recursive: true });
    const t = performance.now();
    const written = writeBenchCorpus(corpus, { events, files, seed, traceIds });
    writeFileSync(marker, JSON.stringify(written));
    console.log(`corpus: wrote ${fmt(written.events)} events, ${fmt(written.bytes / 1e6, 1)} MB in ${fmt(performance.now() - t)} ms at ${corpus}`);
  }
  return { corpus, written: JSON.parse(readFileSync(marker, 'utf8')) as { events: number; bytes: number; files: number } };
}

/** Removes an index's files (database, log, shared memory) if they are there. */
function removeIndex(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
}

function main(): void {
  const work = join(tmpdir(), `ei-bench-${events}-${files}-${seed}`);
  mkdirSync(work, { recursive: true });
  const { corpus, written } = benchCorpus(work, 'corpus', 'ordered');
  console.log(`corpus: ${fmt(written.events)} events, ${written.files} files, ${fmt(written.bytes / 1e6, 1)} MB (${fmt(written.bytes / written.events)} bytes/line) at ${corpus}`);

  // Baseline twice, the faster one counts: both then read from a warm page cache, like the index does.
  const baseline = [parseBaseline(corpus), parseBaseline(corpus)].sort((a, b) => a.ms - b.ms)[0]!;
  const baselineRate = (baseline.lines / baseline.ms) * 1000;

  // lnav twice too, from the same warm page cache; the faster one counts.
  const lnavRuns = [lnavCount(listFiles(corpus), benchCorpusLnavFormat(), work), lnavCount(listFiles(corpus), benchCorpusLnavFormat(), work)];
  const lnav = lnavRuns.every((run) => run !== null) ? lnavRuns.sort((a, b) => a.ms - b.ms)[0]! : null;

  const dbPath = join(work, 'index.sqlite');
  removeIndex(dbPath);
  const cold = indexInChild(corpus, dbPath);
  const indexBytes = sizeOfIndex(dbPath);

  const reopen = indexInChild(corpus, dbPath);
  // Twice, the faster one counts, as for the yardsticks.
  const ceiling = [writerCeilingInChild(corpus), writerCeilingInChild(corpus)].sort((a, b) => a.writeMs + a.finishMs - (b.writeMs + b.finishMs))[0]!;
  const ceilingMs = ceiling.writeMs + ceiling.finishMs;
  const ceilingRate = (ceiling.events / ceilingMs) * 1000;
  const blockLists = blockDesignCeilings(corpus, 'lists');
  const blockFull = blockDesignCeilings(corpus, 'full');

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
  // The same corpus with its exec-event trace ids random, as many producers write them: new executions land all over the
  // executions' key index, and full text meets a new term in each. Its own index, removed after.
  const randomIds = benchCorpus(work, 'corpus-random-trace-ids', 'random');
  const randomDb = join(work, 'index-random-trace-ids.sqlite');
  removeIndex(randomDb);
  const randomCold = indexInChild(randomIds.corpus, randomDb);
  removeIndex(randomDb);

  const coldBytesPerMs = written.bytes / cold.ms;
  const appendBytesPerMs = appended.length / append.ms;

  const lnavRate = lnav === null ? null : (lnav.lines / lnav.ms) * 1000;
  /** A phase's rate and its ratios to the yardsticks. */
  const phase = (ms: number, lnavTarget: number, run: ChildResult = cold): [string, string] => {
    const rate = (run.events / ms) * 1000;
    const toLnav = lnavRate === null ? 'lnav skipped' : `${fmt(rate / lnavRate, 2)}x lnav (target >= ${fmt(lnavTarget, 1)}x)`;
    return [`${fmt(rate)} events/s`, `${fmt(ms)} ms; ${toLnav}, ${fmt(rate / baselineRate, 3)}x baseline`];
  };
  const searchNote = cold.searchAnnounced ? '' : '; the worker announced no search phase (no "searchable" or "enriched"): search is ready when it ends';
  const [searchableValue, searchableNote] = phase(cold.searchableMs, 0.5);
  const rows: [string, string, string][] = [
    ['baseline: read + JSON.parse', `${fmt(baselineRate)} lines/s`, `${fmt(baseline.ms)} ms for ${fmt(baseline.lines)} lines`],
    lnavRow(lnav, written.events),
    ['cold index to queryable (lists, overview, details)', ...phase(cold.queryableMs, 1)],
    ['cold index to searchable (full-text search)', searchableValue, `${searchableNote}${searchNote}`],
    ['the same, trace ids random: to queryable', ...phase(randomCold.queryableMs, 1, randomCold)],
    ['the same, trace ids random: to searchable', ...phase(randomCold.searchableMs, 0.5, randomCold)],
    [
      'the writer alone, lines parsed beforehand',
      `${fmt(ceilingRate)} events/s`,
      `${fmt(ceilingMs)} ms for ${fmt(ceiling.events)} events (${fmt(ceiling.finishMs)} ms of it finishing the cold build)${lnavRate === null ? '' : `; ${fmt(ceilingRate / lnavRate, 2)}x lnav`}: the most that parse workers could give with a row per line`,
    ],
    blockDesignRow('the block design, idealized: to lists', blockLists, lnavRate, 'blocks and executions only'),
    blockDesignRow('the block design, idealized: to search', blockFull, lnavRate, 'and full text in runs of 32'),
    ['cold index to the worker\'s end', `${fmt(cold.ms)} ms`, `${fmt(cold.cpuMs)} ms of CPU (all threads)`],
    ['peak RSS of the indexing process', `${fmt(cold.maxRssMb)} MB`, 'target <= 300 MB'],
    ['index size on disk', `${fmt(indexBytes / 1e6, 1)} MB`, `${fmt(indexBytes / written.bytes, 2)}x the input`],
    ['reopen, folder unchanged', `${fmt(reopen.ms)} ms`, `indexed ${reopen.events} events (target < 200 ms, incl. worker start; its code cache written by the first run)`],
    ['append 10,000 lines, re-index', `${fmt(append.ms)} ms`, `${fmt(append.events)} events, ${fmt(appended.length / 1e6, 2)} MB appended`],
    ['append cost vs cold, per byte', `${fmt(appendBytesPerMs / coldBytesPerMs, 2)}x`, `time ratio ${fmt(append.ms / cold.ms, 4)} for byte ratio ${fmt(appended.length / written.bytes, 4)}`],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nmachine: ${process.platform} ${process.arch}, node ${process.versions.node}, ${new Date().toISOString()}`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(18)}  ${note}`);
}

/**
 * A row of the block design's idealized scan: the most that design could give here, since it leaves out what the
 * index must do. The faster run counts; the note gives both, with their peak RSS (a parse worker is an isolate more).
 */
function blockDesignRow(name: string, runs: readonly BlockDesignCeiling[], lnavRate: number | null, what: string): [string, string, string] {
  const best = [...runs].sort((a, b) => a.ms - b.ms)[0]!;
  const rate = (best.lines / best.ms) * 1000;
  const toLnav = (run: BlockDesignCeiling): string => (lnavRate === null ? '' : `, ${fmt((run.lines / run.ms) * 1000 / lnavRate, 2)}x lnav`);
  const each = runs.map((run) => `${run.workers} parse worker${run.workers === 1 ? '' : 's'} ${fmt(run.ms)} ms (${fmt(run.cpuMs)} ms of CPU, ${fmt(run.maxRssMb)} MB${toLnav(run)})`);
  return [name, `${fmt(rate)} lines/s`, `${each.join('; ')}: ${what}, no normalizer, problem or row per line`];
}

/** lnav's row: its rate over every file of the corpus, with its count checked against the lines written. */
function lnavRow(lnav: LnavResult | null, lines: number): [string, string, string] {
  if (lnav === null) return ['lnav', 'not installed', 'comparison skipped (apt-get install lnav)'];
  const complete = lnav.lines === lines ? 'all lines' : `of ${fmt(lines)} lines: lnav did not read them all`;
  const cpu = lnav.cpuMs === null ? '' : `, ${fmt(lnav.cpuMs)} ms of CPU`;
  return [`${lnav.version}, every file, one JSON format`, `${fmt((lnav.lines / lnav.ms) * 1000)} lines/s`, `${fmt(lnav.lines)} counted (${complete}) in ${fmt(lnav.ms)} ms${cpu}`];
}

main();
