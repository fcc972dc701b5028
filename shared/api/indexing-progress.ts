import type { z } from 'zod';
import type { indexingProgressSchema } from './views';

/** Where the ingest stands (views.ts): what the main process reports, and the summary carries. */
export type IndexingProgress = z.infer<typeof indexingProgressSchema>;

/** True while the folder is still being read: what the index holds is what was read so far. */
export function stillReading(progress: Pick<IndexingProgress, 'phase'>): boolean {
  return progress.phase === 'discovering' || progress.phase === 'indexing';
}
