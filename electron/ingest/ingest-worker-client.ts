import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromIngestWorker, IngestWorkerData, ToIngestWorker } from './ingest-messages';

/**
 * Starts the ingest in a worker thread and relays its messages. The worker is the
 * index's only writer; its owner reads the index through its own connection.
 */
export class IngestWorkerClient {
  private readonly worker: Worker;
  private readonly finished: Promise<void>;

  constructor(data: IngestWorkerData, onMessage: (message: FromIngestWorker) => void) {
    this.worker = new Worker(join(__dirname, 'ingest-worker.js'), { workerData: data });
    this.finished = new Promise((resolve) => {
      this.worker.on('message', onMessage);
      this.worker.on('error', (error) => onMessage({ type: 'failed', message: error.message }));
      this.worker.on('exit', () => resolve());
    });
  }

  /** Asks the scan in progress to stop at the next line. */
  cancel(): void {
    this.send({ type: 'cancel' });
  }

  /** Stops watching and closes the index; resolves when the worker has exited. */
  async stop(): Promise<void> {
    this.send({ type: 'stop' });
    await this.finished;
  }

  /** Resolves when the worker exits (one-shot indexing ends by itself). */
  exited(): Promise<void> {
    return this.finished;
  }

  private send(message: ToIngestWorker): void {
    this.worker.postMessage(message);
  }
}
