import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { FromIngestWorker, IngestWorkerData, ToIngestWorker } from './ingest-messages';
import type { TimeZoneSettings } from '../index/time-zone-settings';

/**
 * The ingest worker's young generation, in MB: semi-spaces of 4 MB where V8
 * would give it up to 48 MB in all. A scan allocates fast; with the default,
 * V8 held some 160 MB of heap pages through a 5,000,000-event index, which
 * then peaked at 363–379 MB. With this it peaked at 288 MB, and lists were
 * usable as soon (at 1,000,000 events 14.2–15.3 s against 14.6–15.2 s). The
 * old generation is left at V8's limit: a 64 MiB JSON document must still parse.
 */
const INGEST_YOUNG_GENERATION_MB = 12;

/** The limits the ingest worker runs with (see INGEST_YOUNG_GENERATION_MB). */
export const INGEST_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: INGEST_YOUNG_GENERATION_MB };

/**
 * Starts the ingest in a worker thread and relays its messages. The worker is the
 * index's only writer; its owner reads the index through its own connection.
 */
export class IngestWorkerClient {
  private readonly worker: Worker;
  private readonly finished: Promise<void>;
  /** Requests waiting for the worker's reply, by id. */
  private readonly pending = new Map<number, (value: boolean) => void>();
  private nextRequestId = 1;
  private ended = false;

  constructor(data: IngestWorkerData, onMessage: (message: FromIngestWorker) => void) {
    this.worker = new Worker(join(__dirname, 'ingest-worker.js'), { workerData: data, resourceLimits: INGEST_WORKER_LIMITS });
    this.finished = new Promise((resolve) => {
      this.worker.on('message', (message: FromIngestWorker) => {
        if (message.type !== 'reply') return onMessage(message);
        this.pending.get(message.id)?.(message.value);
        this.pending.delete(message.id);
      });
      this.worker.on('error', (error) => onMessage({ type: 'failed', message: error.message }));
      this.worker.on('exit', () => {
        this.ended = true;
        for (const answer of this.pending.values()) answer(false);
        this.pending.clear();
        resolve();
      });
    });
  }

  /** The engine limits the worker thread runs with, as V8 applied them. */
  get resourceLimits(): ResourceLimits | undefined {
    return this.worker.resourceLimits;
  }

  /**
   * Asks the scan in progress to stop at the next line and the worker to read
   * nothing more until a rescan. Resolves once it has stopped: true when a scan was stopped.
   */
  cancel(): Promise<boolean> {
    return this.request((id) => ({ type: 'cancel', id }));
  }

  /** Asks for a full scan of the folder (only unread bytes are read). Resolves true once it has begun. */
  rescan(): Promise<boolean> {
    return this.request((id) => ({ type: 'rescan', id }));
  }

  /**
   * Puts new producer time zones in force; the sources they change are read
   * again. Resolves true once that scan has begun (false from a one-shot worker).
   */
  setTimeZones(timeZones: TimeZoneSettings): Promise<boolean> {
    return this.request((id) => ({ type: 'timeZones', id, timeZones }));
  }

  /**
   * Asks for one execution's derived rows and checks ahead of the enrichment
   * (a reviewer opened it). Resolves true once they are committed, false when
   * there was nothing to do or the worker is gone.
   */
  enrichExecution(executionId: number): Promise<boolean> {
    return this.request((id) => ({ type: 'enrichExecution', id, executionId }));
  }

  /**
   * Stops watching and closes the index; resolves when the worker has exited. A
   * worker that does not exit in time (a watcher stuck on a vanished volume) is
   * terminated: every batch is a transaction, so the index stays consistent.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.ended = true;
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

  /** A worker that stopped, or is stopping, answers nothing: false. */
  private request(message: (id: number) => ToIngestWorker): Promise<boolean> {
    if (this.ended) return Promise.resolve(false);
    const id = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send(message(id));
    });
  }

  private send(message: ToIngestWorker): void {
    this.worker.postMessage(message);
  }
}
