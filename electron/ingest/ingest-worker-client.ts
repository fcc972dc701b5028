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

  /**
   * Stops watching and closes the index; resolves when the worker has exited. A
   * worker that does not exit in time (a watcher stuck on a vanished volume) is
   * terminated: every batch is a transaction, so the index stays consistent.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.send({ type: 'stop' });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
    const outcome = await Promise.race([this.finished.then(() => 'exited' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') await this.worker.terminate();
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
