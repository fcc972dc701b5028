import type { PreparedTexts } from '../index/full-text-preparation';
import type { TextsPreparer } from './enrichment-runner';
import { ParseAhead } from './parse-ahead';

/**
 * The full-text worker's heap, in MB. Each step's events, their texts and one
 * inflated block at a time are all it holds; left to grow as V8 likes, its old
 * generation took the ingest's peak RSS from 275 MB to 315 MB (1,000,000
 * events); held to 32 MB the peak was 289-305 MB, to 24 MB 289-295 MB, and
 * with 16 MB it spent its time collecting garbage. Its young generation is
 * larger than the parse worker's: a line parsed again is garbage at once, and
 * with 4 MB collecting it took a quarter of the thread's time (the enrichment
 * alone, 1,000,000 events: search ready after 7.2-7.9 s against 8.1-10.0 s).
 * A line too large for it is left to the writer (full-text-preparation.ts);
 * should it still run out, it fails, and the writer derives every text itself
 * from then on.
 */
const FULL_TEXT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 24 };

/**
 * The enrichment's full-text preparer: a worker thread (full-text-thread.ts)
 * that reads the full-text pass's next steps from the index on a read-only
 * connection and derives their search texts (full-text-preparation.ts).
 */
export class FullTextWorker implements TextsPreparer {
  private readonly worker = new ParseAhead('full-text-thread.js', FULL_TEXT_WORKER_LIMITS);

  constructor(
    private readonly dbPath: string,
    private readonly nativeBinding: string | undefined,
  ) {}

  get usable(): boolean {
    return this.worker.usable;
  }

  prepare(afterId: number | null, limit: number): Promise<PreparedTexts> {
    return this.worker.prepareTexts({ dbPath: this.dbPath, nativeBinding: this.nativeBinding, afterId, limit });
  }

  release(): Promise<void> {
    return this.worker.release();
  }
}
