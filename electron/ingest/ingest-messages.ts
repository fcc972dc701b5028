import type { IndexOpenOptions } from '../index/open-index';
import type { IngestOptions, IngestProgress } from './ingestor';

/** What the ingest worker is started with. */
export interface IngestWorkerData {
  readonly folder: string;
  readonly dbPath: string;
  readonly watch: boolean;
  readonly options?: Partial<IngestOptions>;
  readonly index?: IndexOpenOptions;
}

/** Messages the owner sends to the ingest worker. */
export type ToIngestWorker = { readonly type: 'cancel' } | { readonly type: 'stop' };

/** Messages the ingest worker sends to its owner. */
export type FromIngestWorker =
  | { readonly type: 'opened'; readonly rebuiltBecause: string | null }
  | { readonly type: 'progress'; readonly progress: IngestProgress }
  | { readonly type: 'changed'; readonly eventsAdded: number }
  | { readonly type: 'scanned'; readonly progress: IngestProgress }
  | { readonly type: 'warning'; readonly message: string }
  | { readonly type: 'failed'; readonly message: string }
  | { readonly type: 'stopped' };
