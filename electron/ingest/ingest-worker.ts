import { parentPort, workerData } from 'node:worker_threads';
import type { FromIngestWorker, IngestWorkerData, ToIngestWorker } from './ingest-messages';
import { IngestSession } from './ingest-session';

// The ingest runs here, off the main thread: the window (or the CLI's progress bar) stays responsive.
const data = workerData as IngestWorkerData;
const port = parentPort;
if (!port) throw new Error('ingest-worker must run as a worker thread');
const post = (message: FromIngestWorker): void => port.postMessage(message);

let session: IngestSession | null = null;

async function run(): Promise<void> {
  session = new IngestSession(
    { folder: data.folder, dbPath: data.dbPath, options: data.options, index: data.index },
    {
      onProgress: (progress) => post({ type: 'progress', progress }),
      onCommit: (eventsAdded) => post({ type: 'changed', eventsAdded }),
      onWatchError: (message) => post({ type: 'warning', message }),
    },
  );
  post({ type: 'opened', rebuiltBecause: session.rebuiltBecause });
  const progress = data.watch ? await session.watch() : await session.indexOnce();
  post({ type: 'scanned', progress });
  if (!data.watch) await stop();
}

async function stop(): Promise<void> {
  await session?.close();
  post({ type: 'stopped' });
  port?.close();
}

port.on('message', (message: ToIngestWorker) => {
  if (message.type === 'cancel') session?.cancel();
  if (message.type === 'stop') void stop();
});

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
