import type { IndexOpenOptions } from '../index/open-index';
import type { CodeCacheWorkerData } from './code-cache';
import type { IngestOptions } from './ingest-options';
import type { TimeZoneSettings } from '../index/time-zone-settings';
import type { IngestProgress } from './scan-progress';
import type { EnrichmentProgress } from './enrichment-runner';

/**
 * What the ingest worker is started with. `codeCacheDir`: where compiled code is
 * kept between runs (`codeCacheDirFor` the data folder); without it, compiled every time.
 */
export interface IngestWorkerData extends CodeCacheWorkerData {
  readonly folder: string;
  readonly dbPath: string;
  readonly watch: boolean;
  readonly options?: Partial<IngestOptions>;
  readonly index?: IndexOpenOptions;
  /** The producer time zones in force when the worker starts. */
  readonly timeZones?: TimeZoneSettings;
}

/**
 * Messages the owner sends to the ingest worker. `cancel`, `rescan` and `timeZones` carry an
 * id that the worker's `reply` repeats with the answer.
 */
export type ToIngestWorker =
  | { readonly type: 'cancel'; readonly id: number }
  | { readonly type: 'rescan'; readonly id: number }
  /** New producer time zones: the sources they change are read again (see IngestSession.setTimeZones). */
  | { readonly type: 'timeZones'; readonly id: number; readonly timeZones: TimeZoneSettings }
  /** A reviewer opened an execution the enrichment has not reached: its derived rows and checks now. */
  | { readonly type: 'enrichExecution'; readonly id: number; readonly executionId: number }
  | { readonly type: 'stop' };

/** Messages the ingest worker sends to its owner. */
export type FromIngestWorker =
  | { readonly type: 'opened'; readonly rebuiltBecause: string | null }
  /** `full`: the first scan, a rescan or a cancellation (see IngestSessionListener). */
  | { readonly type: 'progress'; readonly progress: IngestProgress; readonly full: boolean }
  | { readonly type: 'changed'; readonly eventsAdded: number }
  /** A full scan (the first one or a rescan) ended, `done` or `cancelled`. */
  | { readonly type: 'scanned'; readonly progress: IngestProgress }
  /** How far the enrichment after a scan is (full text, derived rows, checks). */
  | { readonly type: 'enrichment'; readonly progress: EnrichmentProgress }
  /** Search covers every stored event, its index merged (the checks may still run): once per enrichment run. */
  | { readonly type: 'searchable' }
  /** The enrichment is done: search, details and checks cover every stored event. */
  | { readonly type: 'enriched' }
  /** The answer to the `cancel`, `rescan` or `enrichExecution` with this id: cancelled / started / enriched. */
  | { readonly type: 'reply'; readonly id: number; readonly value: boolean }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'stopped' };
