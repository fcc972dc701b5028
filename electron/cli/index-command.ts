import { openIndexReadOnly } from '../index/open-index';
import { readIndexSummary, type IndexSummary } from '../index/index-summary';
import { defaultDataDir } from '../index/index-location';
import { codeCacheDirFor } from '../ingest/code-cache';
import { IngestPhaseClock, type IngestPhases } from '../ingest/ingest-phase-clock';
import { IngestWorkerClient } from '../ingest/ingest-worker-client';
import { TimeZoneStore } from '../inspect/time-zone-store';
import type { IngestProgress } from '../ingest/scan-progress';
import { ProgressBar } from './progress-bar';
import type { FolderTarget } from './resolve-folder';

/** What `index --json` prints. */
export interface IndexReport {
  readonly files: { readonly indexed: number; readonly skipped: number };
  readonly events: IndexSummary['events'];
  readonly executions: IndexSummary['executions'];
  readonly problems: number;
  readonly durationMs: number;
  /** When the lists became usable and when search was ready, from the start (both within durationMs). */
  readonly phases: IngestPhases;
}

/** Indexes a folder once in the ingest worker and reports the counts. */
export async function indexFolder(target: FolderTarget, progressStream: NodeJS.WriteStream | null): Promise<{ report: IndexReport; rebuiltBecause: string | null }> {
  const started = performance.now();
  const clock = new IngestPhaseClock(started);
  const bar = progressStream ? new ProgressBar(progressStream) : null;
  let failure: string | null = null;
  let rebuiltBecause: string | null = null;
  const dataDir = defaultDataDir();
  const timeZones = new TimeZoneStore(dataDir, target.folder).read();
  const client = new IngestWorkerClient({ folder: target.folder, dbPath: target.dbPath, watch: false, timeZones, codeCacheDir: codeCacheDirFor(dataDir, target.folder) }, (message) => {
    clock.observe(message);
    if (message.type === 'progress') bar?.update(message.progress);
    if (message.type === 'scanned') bar?.update(message.progress as IngestProgress);
    if (message.type === 'enrichment') bar?.enrichment(message.progress);
    if (message.type === 'opened') rebuiltBecause = message.rebuiltBecause;
    if (message.type === 'failed') failure = message.message;
  });
  await client.exited();
  const phases = clock.phases();
  bar?.clear();
  if (failure !== null) throw new Error(failure);
  const db = openIndexReadOnly(target.dbPath);
  try {
    const summary = readIndexSummary(db);
    return {
      report: {
        files: { indexed: summary.files.indexed, skipped: summary.files.skipped },
        events: summary.events,
        executions: summary.executions,
        problems: summary.problems,
        durationMs: Math.round(performance.now() - started),
        phases,
      },
      rebuiltBecause,
    };
  } finally {
    db.close();
  }
}

/** The readable summary printed without --json. */
export function formatIndexReport(target: FolderTarget, report: IndexReport): string {
  const families = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .map(([family, n]) => `${family} ${n.toLocaleString('en-US')}`)
      .join(', ');
  const totalEvents = Object.values(report.events).reduce((a, b) => a + b, 0);
  const totalExecutions = Object.values(report.executions).reduce((a, b) => a + b, 0);
  return [
    `Indexed ${target.folder}`,
    `  files:      ${report.files.indexed} indexed, ${report.files.skipped} skipped`,
    `  events:     ${totalEvents.toLocaleString('en-US')} (${families(report.events)})`,
    `  executions: ${totalExecutions.toLocaleString('en-US')} (${families(report.executions)})`,
    `  problems:   ${report.problems.toLocaleString('en-US')}`,
    `  index:      ${target.dbPath}`,
    `  took:       ${report.durationMs} ms (lists usable after ${report.phases.queryableMs} ms, search after ${report.phases.searchableMs} ms)`,
  ].join('\n');
}
