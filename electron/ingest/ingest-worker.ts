// First: the code cache must be on before the session's modules are compiled.
import './worker-code-cache';
import { parentPort, workerData } from 'node:worker_threads';
import type { FromIngestWorker, IngestWorkerData, ToIngestWorker } from './ingest-messages';
import { IngestSession, type RescanRun } from './ingest-session';

// The ingest runs here, off the main thread: the window (or the CLI's progress bar) stays responsive.
const data = workerData as IngestWorkerData;
const port = parentPort;
if (!port) throw new Error('ingest-worker must run as a worker thread');
const post = (message: FromIngestWorker): void => port.postMessage(message);

let session: IngestSession | null = null;

async function run(): Promise<void> {
  session = new IngestSession(
    { folder: data.folder, dbPath: data.dbPath, options: data.options, index: data.index, timeZones: data.timeZones },
    {
      onProgress: (progress, full) => post({ type: 'progress', progress, full }),
      onCommit: (eventsAdded) => post({ type: 'changed', eventsAdded }),
      onScanned: (progress) => post({ type: 'scanned', progress }),
      onEnrichment: (progress) => post({ type: 'enrichment', progress }),
      onSearchable: () => post({ type: 'searchable' }),
      onEnriched: () => post({ type: 'enriched' }),
      onWatchError: (message) => post({ type: 'warning', message }),
    },
  );
  post({ type: 'opened', rebuiltBecause: session.rebuiltBecause });
  if (data.watch) {
    await session.watch();
  } else {
    await session.indexOnce();
    await stop();
  }
}

async function stop(): Promise<void> {
  await session?.close();
  post({ type: 'stopped' });
  port?.close();
}

port.on('message', (message: ToIngestWorker) => {
  switch (message.type) {
    case 'cancel':
      void (session?.cancel() ?? Promise.resolve(false)).then((cancelled) => post({ type: 'reply', id: message.id, value: cancelled }));
      break;
    case 'rescan':
      rescan(message.id, () => session?.rescan());
      break;
    case 'timeZones': {
      const timeZones = message.timeZones;
      rescan(message.id, () => session?.setTimeZones(timeZones));
      break;
    }
    case 'enrichExecution': {
      const { id, executionId } = message;
      const enriched = session?.enrichExecution(executionId) ?? Promise.resolve(false);
      void enriched.then(
        (value) => post({ type: 'reply', id, value }),
        // A failed on-demand step is rolled back; the reader still gets an answer, and the enrichment retries it.
        () => post({ type: 'reply', id, value: false }),
      );
      break;
    }
    case 'stop':
      void stop();
      break;
  }
});

/** Starts a full scan (a one-shot worker has none: it stops after its scan); replies once it began, or was not started. */
function rescan(id: number, start: () => RescanRun | undefined): void {
  const run = session === null || !data.watch ? undefined : start();
  if (run === undefined) return post({ type: 'reply', id, value: false });
  void run.started.then((started) => post({ type: 'reply', id, value: started }));
  // Its end is posted by onScanned; a failure (the index cannot be written) is the folder's failure.
  run.finished.catch((error: unknown) => post({ type: 'failed', message: describeFailure(error) }));
}

run().catch((error: unknown) => {
  post({ type: 'failed', message: describeFailure(error) });
  void stop();
});

function describeFailure(error: unknown): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL') return 'The disk holding the index is full; free space and reopen the folder (the evidence folder was not touched).';
  if (code === 'SQLITE_READONLY' || code === 'EACCES') return `The index cannot be written (${error instanceof Error ? error.message : String(error)}).`;
  return error instanceof Error ? error.message : String(error);
}
