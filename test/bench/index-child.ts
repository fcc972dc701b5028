import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { codeCacheDirFor } from '../../electron/ingest/code-cache';
import { IngestPhaseClock } from '../../electron/ingest/ingest-phase-clock';
import { IngestWorkerClient } from '../../electron/ingest/ingest-worker-client';
import type { IngestProgress } from '../../electron/ingest/scan-progress';

// Indexes one folder through the same worker the CLI and the app use (its code cache
// beside the index, as the app keeps it in its data folder), in a process
// of its own so that its peak RSS is the indexing process's alone. Prints one JSON line:
// the time to the end and to each phase (lists queryable, search ready) as `index --json` times them.
async function run(folder: string, dbPath: string): Promise<void> {
  const started = performance.now();
  const clock = new IngestPhaseClock(started);
  // Files must not be held open: sample this process's descriptors while it indexes (Linux).
  let maxFds = 0;
  const sample = (): void => {
    try {
      maxFds = Math.max(maxFds, readdirSync('/proc/self/fd').length);
    } catch {
      maxFds = -1;
    }
  };
  const sampler = setInterval(sample, 50);
  let progress: IngestProgress | null = null;
  let failure: string | null = null;
  const client = new IngestWorkerClient({ folder, dbPath, watch: false, codeCacheDir: codeCacheDirFor(dirname(dbPath), folder) }, (message) => {
    clock.observe(message);
    if (message.type === 'scanned') progress = message.progress;
    if (message.type === 'failed') failure = message.message;
  });
  await client.exited();
  const ended = performance.now();
  clearInterval(sampler);
  if (failure !== null) throw new Error(failure);
  const done = progress as IngestProgress | null;
  // The worker thread's CPU time is this process's too.
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ ms: ended - started, ...clock.phases(ended), searchAnnounced: clock.searchAnnounced, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, events: done?.events ?? 0, bytes: done?.bytesDone ?? 0, maxRssMb: usage.maxRSS / 1024, maxFds })}\n`,
  );
}

const [folder, dbPath] = process.argv.slice(2);
if (!folder || !dbPath) throw new Error('usage: index-child <folder> <db>');
void run(folder, dbPath);
