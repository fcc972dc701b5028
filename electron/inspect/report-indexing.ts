import { stillReading, type IndexingProgress } from '../../shared/api/indexing-progress';

/**
 * How much of the folder the index held when a report was made. A report made
 * while the folder was still read (or whose reading was cancelled or failed
 * part way) says so: the execution may have events that were not read, and its
 * status, steps, problems and tamper evidence cover only what was. Its own
 * checks are always run before a report is made (on demand), so the
 * enrichment still running elsewhere in the folder changes nothing in it.
 */
export interface ReportIndexing {
  /** True when every file of the folder had been read to its end. */
  readonly complete: boolean;
  /** What was not read yet, in words; null when complete. */
  readonly statement: string | null;
}

/** The indexing state a report states, from the ingest's progress when it is made. */
export function reportIndexing(progress: IndexingProgress): ReportIndexing {
  const reading = stillReading(progress);
  const stoppedShort = (progress.phase === 'cancelled' || progress.phase === 'failed') && (progress.filesDone < progress.filesTotal || progress.bytesDone < progress.bytesTotal);
  if (!reading && !stoppedShort) return { complete: true, statement: null };
  const how = reading ? 'was still being read' : progress.phase === 'cancelled' ? 'had not been read to its end (indexing was cancelled)' : 'had not been read to its end (indexing failed)';
  const share = progress.bytesTotal > 0 ? ` (${progress.filesDone} of ${progress.filesTotal} files, ${progress.bytesDone} of ${progress.bytesTotal} bytes)` : '';
  return {
    complete: false,
    statement: `The folder ${how} when this report was made${share}: the execution may have events that were not read, and its status, steps, problems and tamper evidence cover only what was.`,
  };
}
