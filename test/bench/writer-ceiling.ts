import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { INDEX_FAMILY_RULES } from '../../electron/families/family-registry';
import { ColdBuild, coldCheckpointPages } from '../../electron/index/cold-build';
import type { IngestBatch, PendingEvent } from '../../electron/index/ingest-batch';
import { IndexWriter } from '../../electron/index/index-writer';
import { openIndex } from '../../electron/index/open-index';
import { ExecutionProblems } from '../../electron/ingest/execution-problems';
import { renormalizeRaw } from '../../electron/ingest/renormalize-raw';
import { pendingLines } from '../support/pending-lines';
import { listFiles } from './parse-baseline';

// What the index's single writer does alone, with every line parsed and normalized beforehand: the most that
// moving the parsing off the writer (parse workers) could give, with events stored one row per line as now.
// Runs in a process of its own; prints one JSON line. Only the first `limit` lines are taken, so that
// holding them all parsed in memory stays within a laptop's reach.
const BATCH_EVENTS = 4_000;

function run(folder: string, limit: number): void {
  const work = mkdtempSync(join(tmpdir(), 'ei-writer-ceiling-'));
  try {
    const db = openIndex(join(work, 'index.sqlite'), folder).db;
    const writer = new IndexWriter(db, renormalizeRaw, (connection) => new ExecutionProblems(connection), INDEX_FAMILY_RULES);
    writer.deferEnrichment = true;
    const batches = parsedBatches(writer, folder, limit);
    const cold = ColdBuild.beginIfEmpty(db, coldCheckpointPages(process.env));
    const cpu = process.cpuUsage();
    const started = performance.now();
    let events = 0;
    for (const batch of batches) events += writer.commit(batch);
    const written = performance.now();
    cold?.settle();
    const ended = performance.now();
    const used = process.cpuUsage(cpu);
    db.close();
    process.stdout.write(`${JSON.stringify({ events, writeMs: written - started, finishMs: ended - written, cpuMs: (used.user + used.system) / 1000 })}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The folder's lines as the reader would hand them to the writer, in batches, up to `limit` lines (the bench corpus's lines are all events). */
function parsedBatches(writer: IndexWriter, folder: string, limit: number): IngestBatch[] {
  const batches: IngestBatch[] = [];
  let left = limit;
  for (const file of listFiles(folder)) {
    if (left <= 0) break;
    const rel = relative(folder, file);
    const sourceId = writer.createSource({ path: rel, dir: dirname(rel), kind: 'lines', state: 'active', reason: null, identity: null, size: 0, mtime_ms: 0, head_hash: null, head_len: 0 });
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '').slice(0, left);
    left -= lines.length;
    let offset = 0;
    for (let first = 0; first < lines.length; first += BATCH_EVENTS) {
      const events = pendingLines(sourceId, rel, lines.slice(first, first + BATCH_EVENTS), first + 1, offset);
      const last = events[events.length - 1] as PendingEvent;
      offset = last.offset + last.length;
      batches.push({ events, problems: [], progress: [{ sourceId, offset, line: last.line, pendingBytes: 0 }] });
    }
  }
  return batches;
}

const [folder, limit] = process.argv.slice(2);
if (!folder) throw new Error('usage: writer-ceiling <folder> [events]');
run(folder, Number(limit ?? 200_000));
