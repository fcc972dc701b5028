import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { codeCacheDirOfThisThread, type CodeCacheWorkerData } from './code-cache';
import type { PreparedTexts } from '../index/full-text-preparation';
import type { FromParseWorker, ParsedFileEnd, TextsAsk, ToParseWorker } from './parse-ahead-messages';
import type { ChunkReading, ParsedChunk } from './parsed-chunk';

/**
 * The parse worker's young generation, in MB (as the ingest worker's, see
 * INGEST_YOUNG_GENERATION_MB): a chunk's events live only until its columns are
 * posted. The old generation is left at V8's limit: a line may be a 64 MiB OTLP batch.
 */
const PARSE_YOUNG_GENERATION_MB = 4;

/** The limits the parse worker runs with. */
export const PARSE_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: PARSE_YOUNG_GENERATION_MB };

/** The parse worker failed (it threw, ran out of memory or exited): the reader reads on by itself. */
export class ParseAheadFailed extends Error {
  override readonly name = 'ParseAheadFailed';
}

/**
 * A worker thread that splits and normalizes a file's chunks while the index
 * writer stores the chunks before (ChunkColumns): lists are usable sooner on a
 * machine with a second core. Started on first use and ended by `release`, so
 * it holds no memory between scans. Answers come in the order asked. The
 * enrichment's full-text worker (full-text-worker.ts) runs on it too, with its own script.
 */
export class ParseAhead {
  private current: RunningParseWorker | null = null;
  private failure: ParseAheadFailed | null = null;

  /** `script`: the worker's entry module beside this one (the full-text pass's is full-text-thread.js), run with `limits`. */
  constructor(
    private readonly script = 'parse-worker.js',
    private readonly limits: ResourceLimits = PARSE_WORKER_LIMITS,
  ) {}

  /** False once the worker has failed: the reader then reads by itself for good. */
  get usable(): boolean {
    return this.failure === null;
  }

  /** True once the worker has started and listens: until then a file's first lines are better read by the writer's thread. */
  get ready(): boolean {
    return this.current?.ready === true;
  }

  /** Starts the worker now, so that its start overlaps the first lines the writer reads itself; a no-op after a failure. */
  warmUp(): void {
    if (this.failure === null) this.started();
  }

  /** Starts a file: its unread bytes begin at the source's committed offset and line. */
  begin(reading: ChunkReading, offset: number, line: number, caps: { readonly maxLineBytes: number; readonly maxDocumentBytes: number }): void {
    this.started().worker.postMessage({ type: 'begin', reading, offset, line, maxLineBytes: caps.maxLineBytes, maxDocumentBytes: caps.maxDocumentBytes } satisfies ToParseWorker);
  }

  /**
   * The file's next bytes, read into columns. The bytes are moved to the worker
   * where they own their memory: the caller must not use them again.
   */
  async parse(bytes: Uint8Array): Promise<ParsedChunk> {
    // Bytes sharing their memory (Node's buffer pool, a larger read) are copied instead.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
    const answer = await this.ask({ type: 'chunk', bytes: own }, [own.buffer as ArrayBuffer]);
    if (answer.type !== 'chunk') throw new ParseAheadFailed(`the parse worker answered ${answer.type} to a chunk`);
    return answer.chunk;
  }

  /** Ends the file: where its last complete line ends, and what follows it. */
  async finish(): Promise<ParsedFileEnd> {
    const answer = await this.ask({ type: 'finish' }, []);
    if (answer.type !== 'finished') throw new ParseAheadFailed(`the parse worker answered ${answer.type} to the end of a file`);
    return answer.end;
  }

  /** The search texts of a step of the enrichment's full-text pass (full-text-preparation.ts). */
  async prepareTexts(ask: TextsAsk): Promise<PreparedTexts> {
    const answer = await this.ask({ type: 'prepareTexts', ...ask }, []);
    if (answer.type !== 'texts') throw new ParseAheadFailed(`the worker answered ${answer.type} to a step of full text`);
    return answer.step;
  }

  /** Ends the worker (a scan or the full-text pass is over); the next ask starts a new one. */
  async release(): Promise<void> {
    const running = this.current;
    if (running === null) return;
    this.current = null;
    // A terminating worker does not keep the event loop alive until it has exited: with nothing else
    // pending (an in-process session), a caller awaiting this would never resume. Held open meanwhile.
    const held = setInterval(() => undefined, 1_000);
    try {
      await running.worker.terminate();
    } finally {
      clearInterval(held);
    }
  }

  private ask(message: ToParseWorker, transfer: ArrayBuffer[]): Promise<FromParseWorker> {
    const running = this.started();
    return new Promise((resolve, reject) => {
      // Kept alive while an answer is owed: nothing else may hold the event loop open meanwhile.
      if (running.waiting.length === 0) running.worker.ref();
      running.waiting.push({ resolve, reject });
      running.worker.postMessage(message, transfer);
    });
  }

  private started(): RunningParseWorker {
    if (this.failure !== null) throw this.failure;
    if (this.current !== null) return this.current;
    const running: RunningParseWorker = { worker: new Worker(join(__dirname, this.script), { resourceLimits: this.limits, workerData: { codeCacheDir: codeCacheDirOfThisThread() } satisfies CodeCacheWorkerData }), waiting: [], ready: false };
    running.worker.on('message', (answer: FromParseWorker) => {
      if (answer.type === 'ready') {
        running.ready = true;
        return;
      }
      const next = running.waiting.shift();
      if (running.waiting.length === 0) running.worker.unref();
      if (answer.type === 'failed') this.fail(running, new ParseAheadFailed(`the parse worker failed: ${answer.message}`), next);
      else next?.resolve(answer);
    });
    running.worker.on('error', (error) => this.fail(running, new ParseAheadFailed(`the parse worker failed: ${error.message}`)));
    running.worker.on('exit', () => {
      // Released, it leaves nothing to wait for; exiting by itself, it failed.
      if (this.current === running) this.fail(running, new ParseAheadFailed('the parse worker exited'));
      for (const waiter of running.waiting.splice(0)) waiter.reject(new ParseAheadFailed('the parse worker was released'));
    });
    // A worker that only waits for the next chunk must not keep the process alive.
    running.worker.unref();
    this.current = running;
    return running;
  }

  private fail(running: RunningParseWorker, error: ParseAheadFailed, first?: Waiter): void {
    this.failure ??= error;
    first?.reject(error);
    for (const waiter of running.waiting.splice(0)) waiter.reject(error);
    if (this.current === running) this.current = null;
    void running.worker.terminate();
  }
}

interface Waiter {
  readonly resolve: (answer: FromParseWorker) => void;
  readonly reject: (error: Error) => void;
}

/** One started worker and the answers still owed by it, in order. */
interface RunningParseWorker {
  readonly worker: Worker;
  readonly waiting: Waiter[];
  ready: boolean;
}
