import type { PreparedStep } from '../index/enrichment-preparation';
import type { TimeZoneSettings } from '../index/time-zone-settings';
import type { EnrichmentPreparer } from './enrichment-runner';
import { ParseAhead } from './parse-ahead';

/**
 * The enrichment's preparer: a worker thread (enrichment-thread.ts) that reads the next
 * steps from the index on a read-only connection and derives them
 * (enrichment-preparation.ts), in the producer zones in force when each is asked.
 */
export class EnrichmentWorker implements EnrichmentPreparer {
  private readonly worker = new ParseAhead('enrichment-thread.js');

  constructor(
    private readonly dbPath: string,
    private readonly nativeBinding: string | undefined,
    private readonly timeZones: () => TimeZoneSettings,
  ) {}

  get usable(): boolean {
    return this.worker.usable;
  }

  prepare(afterId: number | null, limit: number): Promise<PreparedStep> {
    return this.worker.prepare({ dbPath: this.dbPath, nativeBinding: this.nativeBinding, afterId, limit, timeZones: this.timeZones() });
  }

  release(): Promise<void> {
    return this.worker.release();
  }
}
