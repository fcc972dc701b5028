import type { PreparedTexts } from '../index/full-text-preparation';
import type { TextsPreparer } from './enrichment-runner';
import { ParseAhead } from './parse-ahead';

/**
 * The full-text worker's heap, in MB. Each step's events, their texts and one
 * inflated block at a time are all it holds; left to grow as V8 likes, its old
 * generation took the ingest's peak RSS from 275 MB to 315 MB (1,000,000
 * events), with 32 MB it stayed at 275 MB, at the same speed. With 16 MB it
 * spent its time collecting garbage. A line too large for it is left to the
 * writer (full-text-preparation.ts); should it still run out, it fails, and
 * the writer derives every text itself from then on.
 */
const FULL_TEXT_WORKER_LIMITS = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 };

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
