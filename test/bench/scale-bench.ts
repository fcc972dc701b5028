import { appendFileSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { FolderInspector } from '../../electron/api/folder-inspector';
import { openIndexReadOnly, removeIndexFiles } from '../../electron/index/open-index';
import { encodeCursor } from '../../electron/index/queries/keyset-cursor';
import { writeBenchCorpus } from '../fixtures/bench-corpus';
import { SeededRandom } from '../fixtures/seeded-random';
import { lnavCount, type LnavFormat } from './lnav-rate';
import { indexInChild } from './index-in-child';
import { listFiles, parseBaseline } from './parse-baseline';

// `npm run bench:scale`: the inspector on a large folder. Every figure is measured in this run.
const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '5000000' },
    files: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '11' },
    samples: { type: 'string', default: '200' },
    // Re-measures the queries on the index a previous run built, without the baseline and cold index.
    'reuse-index': { type: 'boolean', default: false },
  },
});
const EVENTS = Number(values.events);
const FILES = Number(values.files);
const SEED = Number(values.seed);
const SAMPLES = Number(values.samples);

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function sizeOf(path: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}

function execLine(trace: string, ts: string): string {
  return `{"trace_id":"${trace}","action_type":"send_email","adapter":"smtp","status":"success","product":"crm","timestamp":"${ts}"}\n`;
}

/** Times one API call; fails loudly if it answers an error, so a latency is never of a failure. */
async function timed(inspector: FolderInspector, method: string, request: unknown): Promise<number> {
  const started = performance.now();
  const result = await inspector.service.call(method, request);
  const ms = performance.now() - started;
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return ms;
}

async function main(): Promise<void> {
  const work = join(tmpdir(), `ei-scale-${EVENTS}-${FILES}-${SEED}`);
  const corpus = join(work, 'corpus');
  const marker = join(work, 'corpus.json');
  if (!existsSync(marker)) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(corpus, { recursive: true });
    const t = performance.now();
    const written = writeBenchCorpus(corpus, { events: EVENTS, files: FILES, seed: SEED });
    writeFileSync(marker, JSON.stringify(written));
    console.log(`corpus: wrote ${fmt(written.events)} events in ${fmt(written.files)} files, ${fmt(written.bytes / 1e9, 2)} GB, in ${fmt((performance.now() - t) / 1000, 1)} s`);
  }
  const written = JSON.parse(readFileSync(marker, 'utf8')) as { events: number; bytes: number; files: number };
  const rows: [string, string, string][] = [];
  const add = (name: string, value: string, note = ''): void => {
    rows.push([name, value, note]);
    console.log(`  ${name}: ${value} ${note}`);
  };

  // The corpus as it is now: every run's second writer has appended to it.
  const inputBytes = listFiles(corpus).reduce((sum, file) => sum + statSync(file).size, 0);
  const dbPath = join(work, 'index.sqlite');
  if (values['reuse-index'] && existsSync(dbPath)) {
    add('index', 'reused', `built by an earlier run: ${fmt(sizeOf(dbPath) / 1e9, 2)} GB, ${fmt(sizeOf(dbPath) / inputBytes, 2)}x the input`);
  } else {
    const baseline = parseBaseline(corpus);
    const baselineRate = (baseline.lines / baseline.ms) * 1000;
    add('baseline: read + JSON.parse', `${fmt(baselineRate)} lines/s`, `${fmt(baseline.lines)} lines`);
    removeIndexFiles(dbPath);
    const cold = indexInChild(corpus, dbPath);
    const coldRate = (cold.events / cold.ms) * 1000;
    add('cold index', `${fmt(coldRate)} events/s`, `${fmt(cold.ms / 1000, 1)} s; ${fmt((coldRate / baselineRate) * 100, 1)}% of baseline`);
    add('cold index to queryable (lists, overview, details)', `${fmt((cold.events / cold.queryableMs) * 1000)} events/s`, `${fmt(cold.queryableMs / 1000, 1)} s`);
    add('cold index to searchable (full-text search)', `${fmt((cold.events / cold.searchableMs) * 1000)} events/s`, `${fmt(cold.searchableMs / 1000, 1)} s`);
    add('peak RSS of the indexing process', `${fmt(cold.maxRssMb)} MB`, 'target <= 300 MB');
    add('open file descriptors while indexing (max)', `${fmt(cold.maxFds)}`, `for ${fmt(written.files)} files: files are not held open`);
    const indexBytes = sizeOf(dbPath);
    add('index size on disk', `${fmt(indexBytes / 1e9, 2)} GB`, `${fmt(indexBytes / inputBytes, 2)}x the ${fmt(inputBytes / 1e9, 2)} GB input (target <= 1.5x)`);
  }

  // Queries on the built index while a second ingest (the watcher) takes in a writer's appends.
  const dataDir = join(work, 'data');
  const reopenStarted = performance.now();
  const inspector = await FolderInspector.open({ folder: corpus, dbPath, dataDir, watch: true });
  await inspector.initialScan();
  add('reopen, folder unchanged (watching)', `${fmt(performance.now() - reopenStarted)} ms`, `${fmt(written.files)} files reconciled`);
  const random = new SeededRandom(SEED);
  const appendTargets = listFiles(corpus).filter((f) => f.includes('karma-events')).slice(0, 5);
  let appended = 0;
  const appender = setInterval(() => {
    const ts = new Date().toISOString();
    for (let i = 0; i < 40; i++) appendFileSync(appendTargets[appended % appendTargets.length] as string, execLine(`live-${appended++}`, ts));
  }, 20);
  try {
    const firstPage = await inspector.service.call('listExecutions', { limit: 500 });
    if (!firstPage.ok) throw new Error(firstPage.error.message);
    const ids = (firstPage.value as { items: { id: string }[] }).items.map((r) => r.id);
    const summary = await inspector.service.call('summary', {});
    if (!summary.ok) throw new Error(summary.error.message);
    const range = (summary.value as { timeRange: { from: number; to: number } }).timeRange;
    // Places anywhere in the exec-event list from the folder's first time on: a reviewer scrolled deep into a time window.
    const deep = ((): { ts: number; id: number }[] => {
      const db = openIndexReadOnly(dbPath);
      try {
        return db.prepare("SELECT ts, id FROM events WHERE family = 'exec-event' AND ts IS NOT NULL ORDER BY random() LIMIT ?").all(SAMPLES) as { ts: number; id: number }[];
      } finally {
        db.close();
      }
    })();
    const latencies = new Map<string, number[]>();
    const sample = async (name: string, method: string, request: () => unknown): Promise<void> => {
      const list = latencies.get(name) ?? [];
      list.push(await timed(inspector, method, request()));
      latencies.set(name, list);
    };
    let cursor: string | null = null;
    for (let i = 0; i < SAMPLES; i++) {
      await sample('listExecutions, first page', 'listExecutions', () => ({ limit: 100 }));
      const page = await inspector.service.call('listExecutions', cursor ? { limit: 100, cursor } : { limit: 100 });
      if (page.ok) cursor = (page.value as { nextCursor: string | null }).nextCursor;
      await sample('listExecutions, next page by cursor', 'listExecutions', () => (cursor ? { limit: 100, cursor } : { limit: 100 }));
      await sample('listExecutions, one family, by events', 'listExecutions', () => ({ families: ['benson'], sort: 'events', descending: true, limit: 100 }));
      const from = range.from + random.int(0, Math.max(1, range.to - range.from - 3_600_000));
      await sample('listEvents, family + 1 h window', 'listEvents', () => ({ families: ['exec-event'], from, to: from + 3_600_000, limit: 100 }));
      const at = deep[i % Math.max(1, deep.length)];
      if (at !== undefined) {
        await sample('listEvents, family + from, a page deep in it', 'listEvents', () => ({ families: ['exec-event'], from: range.from, limit: 100, cursor: encodeCursor({ value: at.ts, id: at.id }) }));
      }
      await sample('listEvents, full-text search', 'listEvents', () => ({ query: random.pick(['captcha', 'ADAPTER_EXCEPTION', 'pytest', 'GS_130', 'crm send_email']), limit: 50 }));
      await sample('getExecution', 'getExecution', () => ({ id: random.pick(ids) }));
    }
    for (const [name, list] of latencies) {
      const sorted = [...list].sort((a, b) => a - b);
      const target = name.includes('full-text') ? 150 : 50;
      add(`${name} p50 / p95`, `${fmt(percentile(sorted, 50), 1)} / ${fmt(percentile(sorted, 95), 1)} ms`, `target p95 <= ${target} ms, ${sorted.length} samples while appending`);
    }
    // Append-to-queryable: a line with a unique token, polled until the API finds it.
    const visible: number[] = [];
    for (let i = 0; i < 40; i++) {
      const token = `probe${SEED}x${i}x${Date.now()}`;
      const started = performance.now();
      appendFileSync(appendTargets[0] as string, execLine(token, new Date().toISOString()));
      for (;;) {
        const found = await inspector.service.call('listEvents', { query: token, limit: 1 });
        if (found.ok && (found.value as { items: unknown[] }).items.length > 0) break;
        if (performance.now() - started > 10_000) throw new Error('an appended line did not become queryable within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      visible.push(performance.now() - started);
    }
    const sortedVisible = visible.sort((a, b) => a - b);
    add('append-to-queryable while tailing p50 / p95', `${fmt(percentile(sortedVisible, 50))} / ${fmt(percentile(sortedVisible, 95))} ms`, 'target p95 <= 300 ms');
    add('lines appended by the second writer meanwhile', fmt(appended));
  } finally {
    clearInterval(appender);
    await inspector.close();
  }

  // lnav on the same exec-event files, side by side with our cold index of exactly those files.
  // Given many files, lnav 0.11 with this format counts only part of their lines
  // (seen here: 54,000 of 100,000 over 200 files), so the two are compared on the
  // largest exec-event file, which it reads whole (its count is checked).
  const execFiles = listFiles(corpus)
    .filter((f) => basename(f).startsWith('karma-events'))
    .sort((a, b) => statSync(b).size - statSync(a).size)
    .slice(0, 1);
  const lnav = lnavCount(execFiles, execEventLnavFormat(), work);
  if (lnav !== null) {
    const only = join(work, 'exec-only');
    rmSync(only, { recursive: true, force: true });
    for (const file of execFiles) {
      const target = join(only, relative(corpus, file));
      mkdirSync(dirname(target), { recursive: true });
      linkSync(file, target);
    }
    const expectedLines = execFiles.reduce((sum, file) => sum + countNewlines(readFileSync(file)), 0);
    const ours = join(work, 'exec-only.sqlite');
    removeIndexFiles(ours);
    const oursResult = indexInChild(only, ours);
    const lnavRate = (lnav.lines / lnav.ms) * 1000;
    const oursRate = (oursResult.events / oursResult.ms) * 1000;
    const complete = lnav.lines === expectedLines ? 'all lines' : `of ${fmt(expectedLines)} lines: lnav did not read them all`;
    add(`${lnav.version} on the largest exec-event file`, `${fmt(lnavRate)} lines/s`, `${fmt(lnav.lines)} counted (${complete}) in ${fmt(lnav.ms / 1000, 1)} s`);
    add('inspector cold index of the same files', `${fmt(oursRate)} events/s`, `${fmt(oursResult.events)} events in ${fmt(oursResult.ms / 1000, 1)} s; ${fmt(oursRate / lnavRate, 2)}x lnav's rate`);
  } else {
    add('lnav', 'not installed', '(apt-get install lnav) — comparison skipped');
  }

  const width = Math.max(...rows.map((r) => r[0].length));
  console.log(`\nmachine: ${process.platform} ${process.arch}, node ${process.versions.node}, ${new Date().toISOString()}`);
  console.log(`corpus: ${fmt(written.events)} events, ${fmt(written.files)} files, ${fmt(written.bytes / 1e9, 2)} GB at ${corpus}`);
  for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padStart(22)}  ${note}`);
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}

function execEventLnavFormat(): LnavFormat {
  return {
    name: 'exec_event_log',
    definition: {
      title: 'exec-event',
      description: 'Executor terminal events (formats.md section 1)',
      json: true,
      'file-pattern': '\\.jsonl',
      'timestamp-field': 'timestamp',
      'level-field': 'status',
      level: { error: 'failed', info: 'success' },
      value: {
        trace_id: { kind: 'string', identifier: true },
        action_type: { kind: 'string' },
        adapter: { kind: 'string' },
        product: { kind: 'string' },
        status: { kind: 'string' },
        error_code: { kind: 'string' },
      },
      'line-format': [{ field: '__timestamp__' }, ' ', { field: 'trace_id' }, ' ', { field: 'status' }],
    },
  };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
